namespace Rushes.Host.Plugins;

/// <summary>
/// A plugin failed in a way that is not the input's fault: it threw, or it is out of service after
/// an earlier fault. The host reports it, takes the plugin out of routing, and carries on.
/// </summary>
public sealed class PluginFaultException(string pluginId, string operation, string message, Exception? inner = null)
    : Exception($"Plugin '{pluginId}' failed in {operation}: {message}", inner)
{
    /// <summary>The plugin at fault.</summary>
    public string PluginId { get; } = pluginId;

    /// <summary>What it was asked to do.</summary>
    public string Operation { get; } = operation;
}
