using System.Text.Json;

namespace Rushes.Host.Plugins;

/// <summary>
/// A per-deployment list that pins plugins by the SHA-256 of their manifest, which in turn pins
/// every file. With an allow-list configured, a plugin that is not on it, or whose manifest differs,
/// is Untrusted and never loaded.
/// </summary>
public sealed class PluginAllowList
{
    private readonly Dictionary<string, HashSet<string>> _pins;

    private PluginAllowList(string path, Dictionary<string, HashSet<string>> pins)
    {
        Path = path;
        _pins = pins;
    }

    /// <summary>Where the list was read from.</summary>
    public string Path { get; }

    /// <summary>
    /// Reads <c>{"plugins": [{"id": "...", "manifestSha256": "..."}]}</c>; an id may appear more than
    /// once to allow several builds.
    /// </summary>
    public static PluginAllowList Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new PluginManifestException(path, "(file)", "an allow-list file", "does not exist");
        }

        if (info.Length > PluginManifestReader.MaxBytes)
        {
            throw new PluginManifestException(path, "(file)", $"at most {PluginManifestReader.MaxBytes} bytes", $"is {info.Length} bytes long");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 8 });
            if (!doc.RootElement.TryGetProperty("plugins", out var plugins) || plugins.ValueKind != JsonValueKind.Array)
            {
                throw new PluginManifestException(path, "plugins", "an array of {id, manifestSha256}", "is missing");
            }

            var pins = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in plugins.EnumerateArray())
            {
                var id = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                var sha = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("manifestSha256", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (string.IsNullOrEmpty(id) || sha is null || sha.Length != 64 || !sha.All(char.IsAsciiHexDigit))
                {
                    throw new PluginManifestException(path, $"plugins[{index}]", "an object with a string 'id' and a 64-hex-digit 'manifestSha256'", "is not one");
                }

                if (!pins.TryGetValue(id, out var set))
                {
                    pins[id] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                set.Add(sha);
                index++;
            }

            return new PluginAllowList(path, pins);
        }
        catch (JsonException ex)
        {
            throw new PluginManifestException(path, $"line {(ex.LineNumber ?? 0) + 1}", "well-formed JSON", "is not valid JSON");
        }
    }

    /// <summary>Null when the plugin is allowed, otherwise why not.</summary>
    public string? Check(string id, string manifestSha256)
    {
        if (!_pins.TryGetValue(id, out var allowed))
        {
            return $"plugin '{id}' is not on the allow-list {Path}";
        }

        return allowed.Contains(manifestSha256)
            ? null
            : $"plugin '{id}' differs from the build pinned in the allow-list {Path}: its {PluginManifest.FileName} has SHA-256 {manifestSha256}";
    }
}
