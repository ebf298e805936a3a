namespace Rushes.Contracts.Plugins;

/// <summary>
/// What every extension a plugin exports has in common. The host discovers public, non-abstract
/// classes that implement one of the kind interfaces and creates them with a public constructor
/// that takes either nothing or an <see cref="IPluginContext"/>.
/// </summary>
public interface IPluginComponent
{
    /// <summary>A stable identifier, unique among components of the same kind (for example <c>dng</c> or <c>openexr</c>).</summary>
    string Id { get; }

    /// <summary>A short human-readable name.</summary>
    string DisplayName { get; }

    /// <summary>What the component can do, queryable at run time.</summary>
    Capabilities Capabilities { get; }
}
