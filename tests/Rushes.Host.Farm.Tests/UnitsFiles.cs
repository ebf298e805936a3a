using System.Text.Json.Nodes;

namespace Rushes.Host.Farm.Tests;

/// <summary>Units files in the shape <c>rushes plan</c> writes (schema rushes.units/1), in a temporary folder.</summary>
public sealed class UnitsFiles : IDisposable
{
    public const string JobId = "0123456789abcdef0123456789abcdef";

    public string Folder { get; } = Directory.CreateTempSubdirectory("rushes-farm-").FullName;

    /// <summary>
    /// A job of <paramref name="count"/> units of 10 frames each, of one clip, or with
    /// <paramref name="clipPerUnit"/> each of its own (<c>A001C000</c>, <c>A001C001</c>...), none of them on disk.
    /// </summary>
    public JsonObject Plan(int count, string clip = "/shows/demo/card/A001C003", bool clipPerUnit = false)
    {
        var output = Path.Combine(Folder, "out");
        JsonObject Job(int? unit) => new()
        {
            ["clip"] = clipPerUnit && unit is { } u ? Path.Combine(Folder, $"A001C{u:000}") : clip,
            ["frames"] = unit is { } f ? $"{f * 10}-{(f * 10) + 9}" : "0-" + ((count * 10) - 1),
            ["spec"] = "vfx-plates",
            ["output"] = output,
        };
        return new JsonObject
        {
            ["schema"] = "rushes.units/1",
            ["jobId"] = JobId,
            ["chunk"] = 10,
            ["job"] = Job(null),
            ["units"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
            {
                ["index"] = i,
                ["id"] = $"{i:x32}",
                ["frames"] = $"{i * 10}-{(i * 10) + 9}",
                ["job"] = Job(i),
            })]),
        };
    }

    public string Write(JsonNode units, string name = "UNITS.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, units.ToJsonString());
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
