using System.Security.Cryptography;

namespace Rushes.Host.Plugins;

/// <summary>Checks a plugin folder against the SHA-256 list in its manifest.</summary>
public static class PluginIntegrity
{
    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Returns null when every file matches and none is unlisted, otherwise the first problem found.</summary>
    public static string? Verify(string directory, PluginManifest manifest)
    {
        foreach (var (relative, expected) in manifest.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var full = Path.Combine(directory, relative);
            if (!File.Exists(full))
            {
                return $"file '{relative}' listed in {PluginManifest.FileName} is missing";
            }

            var actual = Sha256(full);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                return $"file '{relative}' was modified: its SHA-256 is {actual}, the manifest says {expected.ToLowerInvariant()}";
            }
        }

        var unlisted = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => f != PluginManifest.FileName && !manifest.Files.ContainsKey(f))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return unlisted is null ? null : $"file '{unlisted}' is not listed in {PluginManifest.FileName}, so it could have been added after the build";
    }
}
