using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>
/// A component's identity and capabilities, read once at load, so that listing plugins never calls
/// into plugin code again.
/// </summary>
public sealed record ComponentDescriptor(PluginKind Kind, string Id, string DisplayName, Capabilities Capabilities, IPluginComponent Instance);
