namespace Rushes.Host.Plugins;

/// <summary>Plugin settings, bound from configuration section <c>Plugins</c>.</summary>
public sealed class PluginOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Plugins";

    /// <summary>
    /// Folders that hold plugin folders (each with a <c>plugin.json</c>). Relative paths are taken
    /// from the current directory. The folder <c>plugins</c> beside the host is always searched first.
    /// </summary>
    public List<string> Paths { get; init; } = [];

    /// <summary>Plugin ids to leave unloaded.</summary>
    public List<string> Disabled { get; init; } = [];

    /// <summary>An allow-list file; when set, only plugins pinned there load.</summary>
    public string? AllowList { get; set; }

    /// <summary>Settings handed to each plugin, by plugin id (<c>Plugins:Settings:&lt;id&gt;:&lt;key&gt;</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> Settings { get; init; } = [];

    /// <summary>Whether to search the <c>plugins</c> folder beside the host (on by default).</summary>
    public bool IncludeBundled { get; set; } = true;
}
