using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Planning;

/// <summary>
/// What makes a work unit what it is, and its id: the SHA-256 of the clip's files (path, size and
/// modification time), the frame range, the rendered spec's hash, every loaded plugin's id, version and
/// manifest hash, the AMF's and FDL's content hashes, the canvas template, the decode parameters, the
/// frame origin, the deliverables asked for and the spec variables. The same inputs give the same id, so a rerun finds the
/// work a killed run left.
/// </summary>
public sealed record UnitIdentity(JsonObject Facts)
{
    /// <summary>The facts that say which part of a render a unit is, not what the render is.</summary>
    private static readonly string[] PartFacts = ["frames", "frameOrigin", "deliverables", "sequence"];

    /// <summary>32 hex digits.</summary>
    public string Id { get; } = Hash(Facts);

    /// <summary>
    /// The id of the render this unit is a part of: the same facts without the frame range, the origin and
    /// the deliverables asked for. Ids written into files (AMF uuids, EXR comments) derive from it, so
    /// the units of a chunked pull write the same bytes as one run of the whole pull.
    /// </summary>
    public string RenderId { get; } = Hash(new JsonObject(Facts.Where(f => !PartFacts.Contains(f.Key)).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone()))));

    /// <summary>The facts of a render; every list is in a fixed order so the text, and the id, are stable.</summary>
    public static UnitIdentity Of(
        IEnumerable<string> clipFiles,
        string frames,
        string specHash,
        IEnumerable<(string Id, string Version, string? ManifestSha256)> plugins,
        string? amfPath,
        string? fdlPath,
        string? template,
        IReadOnlyDictionary<string, string> decode,
        long? frameOrigin = null,
        IEnumerable<string>? deliverables = null,
        IReadOnlyDictionary<string, string>? variables = null,
        string? sequence = null)
    {
        var files = new JsonArray();
        foreach (var file in clipFiles.Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            files.Add(new JsonObject
            {
                ["path"] = info.FullName,
                ["size"] = info.Length,
                ["modified"] = info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture),
            });
        }

        var decodeJson = new JsonObject();
        foreach (var (name, value) in decode.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            decodeJson[name.ToLowerInvariant()] = value;
        }

        var facts = new JsonObject
        {
            ["clipFiles"] = files,
            ["frames"] = frames,
            ["specSha256"] = specHash,
            ["plugins"] = new JsonArray([.. plugins.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => (JsonNode)$"{p.Id}@{p.Version}#{p.ManifestSha256}")]),
            ["amfSha256"] = amfPath is null ? null : Sha256(amfPath),
            ["fdlSha256"] = fdlPath is null ? null : Sha256(fdlPath),
            ["template"] = template,
            ["decode"] = decodeJson,
            ["frameOrigin"] = frameOrigin,
            // Variables name the files ({shot}, {version}): two jobs that differ only in them are two renders.
            ["variables"] = variables is null ? null : new JsonObject(variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
            ["deliverables"] = deliverables is null ? null : new JsonArray([.. deliverables.Order(StringComparer.Ordinal).Select(d => (JsonNode)d)]),
        };
        if (sequence is not null)
        {
            // Only a unit of a chunked pull has one, so the ids of whole renders stay as they were.
            facts["sequence"] = sequence;
        }

        return new UnitIdentity(facts);
    }

    private static string Hash(JsonObject facts) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(facts.ToJsonString())))[..32];

    /// <summary>A text's SHA-256 in hex.</summary>
    public static string Text(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A file's SHA-256 in hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
