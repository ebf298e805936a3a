namespace Rushes.Host.Plugins;

/// <summary>Where a plugin stands; every status but Loaded comes with a reason.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and routed to.</summary>
    Loaded,

    /// <summary>Built for another contracts or host version.</summary>
    Incompatible,

    /// <summary>Broken: a bad manifest, or it threw while loading or in use.</summary>
    Malfunctioned,

    /// <summary>Turned off by configuration, or shadowed by another plugin with the same id.</summary>
    Disabled,

    /// <summary>Its files do not match its manifest, or it is not on the allow-list.</summary>
    Untrusted,
}
