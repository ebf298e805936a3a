using System.Text.Json;
using System.Text.Json.Serialization;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Render.Units;

/// <summary>Reads and writes <see cref="UnitSet"/> JSON; like job files, unknown fields are errors.</summary>
public static class UnitSetFile
{
    /// <summary>Thousands of units fit in a few MiB; anything past this is refused before it is read.</summary>
    public const long MaxBytes = 64L << 20;

    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static UnitSet Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"The units file '{path}' does not exist.", path, expected: "a units file written by 'rushes plan'");
        }

        if (info.Length > MaxBytes)
        {
            throw new InputException($"The units file is {info.Length} bytes, over the limit of {MaxBytes}.", path, expected: $"at most {MaxBytes} bytes");
        }

        UnitSet? set;
        try
        {
            set = JsonSerializer.Deserialize<UnitSet>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InputException($"The units file is not a unit set: {ex.Message}", path, ex.Path, "the JSON 'rushes plan' writes (docs/RENDER.md)");
        }

        if (set is null || set.Schema != UnitSet.SchemaId)
        {
            throw new InputException($"The units file's schema is '{set?.Schema}'.", path, "schema", $"'{UnitSet.SchemaId}'");
        }

        for (var i = 0; i < set.Units.Count; i++)
        {
            if (set.Units[i].Index != i)
            {
                throw new InputException($"Unit {i} says it is unit {set.Units[i].Index}.", path, $"units[{i}].index", $"{i}: units are listed in index order");
            }
        }

        return set;
    }

    /// <summary>The unit at <paramref name="index"/>, or an error that says how many there are.</summary>
    public static WorkUnit Select(UnitSet set, int index, string path)
    {
        ArgumentNullException.ThrowIfNull(set);
        return index >= 0 && index < set.Units.Count
            ? set.Units[index]
            : throw new InputException($"There is no unit {index}: the set has {set.Units.Count} units.", path, "unit index", $"0 to {set.Units.Count - 1}");
    }

    /// <summary>Writes the set atomically (temporary name, then rename), so a reader never sees half a file.</summary>
    public static void Write(UnitSet set, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, ToJson(set));
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // A full disk or a vanished folder must not leave half a units file behind, even under a temporary name.
            File.Delete(temporary);
            throw;
        }
    }

    public static string ToJson(UnitSet set) => JsonSerializer.Serialize(set, Options);
}
