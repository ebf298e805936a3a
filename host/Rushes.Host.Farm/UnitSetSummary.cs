using System.Text.Json;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Farm;

/// <summary>
/// What a farm needs to know of a planned job (a <c>rushes plan</c> units file, schema
/// <c>rushes.units/1</c>): its id, how many units it has, and what they render. A farm task carries
/// only a unit index; the worker reads the unit itself from the same file.
/// </summary>
public sealed record UnitSetSummary
{
    /// <summary>The schema of the units file <c>rushes plan</c> writes.</summary>
    public const string Schema = "rushes.units/1";

    /// <summary>A units file is a few hundred bytes a unit; past this it is refused before it is read.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>The job's content-derived id, 32 lower-case hex digits.</summary>
    public required string JobId { get; init; }

    /// <summary>The number of units; their indices are 0 to <c>UnitCount - 1</c>.</summary>
    public required int UnitCount { get; init; }

    /// <summary>The distinct clips the units render, in unit order.</summary>
    public IReadOnlyList<string> Clips { get; init; } = [];

    /// <summary>The distinct specs the units render, in unit order.</summary>
    public IReadOnlyList<string> Specs { get; init; } = [];

    /// <summary>Reads and checks a units file.</summary>
    public static UnitSetSummary Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"The units file '{path}' does not exist.", path, expected: "a units file written by rushes plan");
        }

        if (info.Length > MaxBytes)
        {
            throw new InputException($"The units file is {info.Length} bytes, over the limit of {MaxBytes}.", path, expected: $"at most {MaxBytes} bytes");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 32 });
            return From(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new InputException($"The units file is not JSON: {ex.Message}", path, expected: "a units file written by rushes plan");
        }
    }

    private static UnitSetSummary From(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad(path, "$", "a JSON object");
        }

        if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
        {
            throw Bad(path, "schema", $"\"{Schema}\"");
        }

        var jobId = root.TryGetProperty("jobId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty;
        if (jobId.Length != 32 || !jobId.All(char.IsAsciiHexDigitLower))
        {
            throw Bad(path, "jobId", "32 lower-case hex digits");
        }

        if (!root.TryGetProperty("units", out var units) || units.ValueKind != JsonValueKind.Array || units.GetArrayLength() == 0)
        {
            throw Bad(path, "units", "a non-empty array of work units");
        }

        var clips = new List<string>();
        var specs = new List<string>();
        var position = 0;
        foreach (var unit in units.EnumerateArray())
        {
            // A farm task names a unit by its index, so the indices must be exactly the positions.
            if (unit.ValueKind != JsonValueKind.Object || !unit.TryGetProperty("index", out var index) || !index.TryGetInt32(out var value) || value != position)
            {
                throw Bad(path, $"units[{position}].index", $"{position}: units are numbered from 0 in order");
            }

            if (unit.TryGetProperty("job", out var job) && job.ValueKind == JsonValueKind.Object)
            {
                AddDistinct(clips, job, "clip");
                AddDistinct(specs, job, "spec");
            }

            position++;
        }

        return new UnitSetSummary { JobId = jobId, UnitCount = position, Clips = clips, Specs = specs };
    }

    private static void AddDistinct(List<string> values, JsonElement job, string name)
    {
        if (job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && !values.Contains(text))
        {
            values.Add(text);
        }
    }

    private static InputException Bad(string path, string field, string expected)
        => new($"The units file has no valid '{field}'.", path, field, expected);
}
