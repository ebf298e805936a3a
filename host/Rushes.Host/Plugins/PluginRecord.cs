using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>One plugin folder as the host found it: its manifest, status with a reason, and components.</summary>
public sealed class PluginRecord
{
    private readonly Lock _gate = new();

    internal PluginRecord(string directory, PluginManifest? manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    /// <summary>The plugin folder.</summary>
    public string Directory { get; }

    /// <summary>The manifest, when it could be read.</summary>
    public PluginManifest? Manifest { get; }

    /// <summary>The plugin id, or the folder name when the manifest could not be read.</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(Directory);

    /// <summary>The SHA-256 of <c>plugin.json</c>, which an allow-list pins.</summary>
    public string? ManifestSha256 { get; internal set; }

    /// <summary>Where it stands.</summary>
    public PluginStatus Status { get; private set; } = PluginStatus.Malfunctioned;

    /// <summary>Why it stands there ("loaded" when all is well).</summary>
    public string Reason { get; private set; } = "not yet loaded";

    /// <summary>The components it exports; empty unless it loaded.</summary>
    public IReadOnlyList<ComponentDescriptor> Components { get; private set; } = [];

    /// <summary>True while the host routes work to it.</summary>
    public bool IsLoaded => Status == PluginStatus.Loaded;

    internal void SetLoaded(IReadOnlyList<ComponentDescriptor> components)
    {
        lock (_gate)
        {
            Components = components;
            Status = PluginStatus.Loaded;
            Reason = "loaded";
        }
    }

    internal void Set(PluginStatus status, string reason)
    {
        lock (_gate)
        {
            Status = status;
            Reason = reason;
        }
    }

    /// <summary>Takes a plugin that failed in use out of routing; the first fault's reason is kept.</summary>
    internal bool MarkFaulted(string reason)
    {
        lock (_gate)
        {
            if (Status != PluginStatus.Loaded)
            {
                return false;
            }

            Status = PluginStatus.Malfunctioned;
            Reason = reason;
            return true;
        }
    }

    /// <summary>The kinds the plugin provides, from its components or else its manifest.</summary>
    public IReadOnlyList<PluginKind> Kinds
        => Components.Count > 0
            ? [.. Components.Select(c => c.Kind).Distinct().Order()]
            : [.. (Manifest?.Kinds ?? []).Select(k => PluginKindNames.TryParse(k, out var kind) ? (PluginKind?)kind : null).OfType<PluginKind>()];
}
