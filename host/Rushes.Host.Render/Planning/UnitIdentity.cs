using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Planning;

/// <summary>
/// What makes a work unit what it is, and its id: the SHA-256 of the clip's files (path, size and
/// modification time), the frame range, the rendered spec's hash, every loaded plugin's id, version and
/// manifest hash, the AMF's and FDL's content hashes, the canvas template and the decode parameters.
/// The same inputs give the same id, so a rerun finds the work a killed run left.
/// </summary>
public sealed record UnitIdentity(JsonObject Facts)
{
    /// <summary>32 hex digits.</summary>
    public string Id { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Facts.ToJsonString())))[..32];

    /// <summary>The facts of a render; every list is in a fixed order so the text, and the id, are stable.</summary>
    public static UnitIdentity Of(
        IEnumerable<string> clipFiles,
        string frames,
        string specHash,
        IEnumerable<(string Id, string Version, string? ManifestSha256)> plugins,
        string? amfPath,
        string? fdlPath,
        string? template,
        IReadOnlyDictionary<string, string> decode)
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

        return new UnitIdentity(new JsonObject
        {
            ["clipFiles"] = files,
            ["frames"] = frames,
            ["specSha256"] = specHash,
            ["plugins"] = new JsonArray([.. plugins.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => (JsonNode)$"{p.Id}@{p.Version}#{p.ManifestSha256}")]),
            ["amfSha256"] = amfPath is null ? null : Sha256(amfPath),
            ["fdlSha256"] = fdlPath is null ? null : Sha256(fdlPath),
            ["template"] = template,
            ["decode"] = decodeJson,
        });
    }

    /// <summary>A file's SHA-256 in hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
