using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>The spelling of plugin kinds in manifests and JSON output.</summary>
public static class PluginKindNames
{
    private static readonly Dictionary<string, PluginKind> ByName = new(StringComparer.Ordinal)
    {
        ["camera-format"] = PluginKind.CameraFormat,
        ["colour-transform"] = PluginKind.ColourTransform,
        ["deliverable"] = PluginKind.Deliverable,
    };

    /// <summary>Every valid name.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    /// <summary>The name of a kind.</summary>
    public static string ToName(PluginKind kind) => ByName.First(p => p.Value == kind).Key;

    /// <summary>Looks a name up.</summary>
    public static bool TryParse(string name, out PluginKind kind) => ByName.TryGetValue(name, out kind);
}
