namespace Rushes.Contracts.Plugins;

/// <summary>What the host hands a component when it creates it.</summary>
public interface IPluginContext
{
    /// <summary>The plugin's identifier from its manifest.</summary>
    string PluginId { get; }

    /// <summary>The plugin's own folder: where its assemblies and data files are.</summary>
    string PluginDirectory { get; }

    /// <summary>Host settings addressed to this plugin (configuration section <c>Plugins:Settings:&lt;plugin id&gt;</c>).</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Writes a message to the host's log, tagged with the plugin id.</summary>
    void Log(DiagnosticSeverity severity, string message);
}
