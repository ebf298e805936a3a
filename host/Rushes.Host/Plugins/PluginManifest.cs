namespace Rushes.Host.Plugins;

/// <summary>The contents of a plugin's <c>plugin.json</c>.</summary>
public sealed record PluginManifest
{
    /// <summary>The file name the host looks for in each plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>Reverse-DNS id, unique across plugins.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin's SemVer version.</summary>
    public required string Version { get; init; }

    /// <summary>Kinds it provides: camera-format, colour-transform, deliverable.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The contracts version it was compiled against.</summary>
    public required string ContractsVersion { get; init; }

    /// <summary>The oldest host version it needs, if it says.</summary>
    public string? MinHostVersion { get; init; }

    /// <summary>Who made it.</summary>
    public string? Publisher { get; init; }

    /// <summary>The assembly to load, relative to the plugin folder.</summary>
    public required string EntryAssembly { get; init; }

    /// <summary>SHA-256 (lower-case hex) of every file in the folder but the manifest, by relative path.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }
}
