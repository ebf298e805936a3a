namespace Rushes.Contracts.Plugins;

/// <summary>What the host hands a component when it creates it.</summary>
public interface IPluginContext
{
    /// <summary>The plugin's identifier from its manifest.</summary>
    string PluginId { get; }

    /// <summary>The plugin's own folder: where its assemblies and data files are.</summary>
    string PluginDirectory { get; }

    /// <summary>Host settings addressed to this plugin (configuration section <c>Rushes:Plugins:Settings:configuration section <c>Rushes:PluginSettings:&lt;id&gt;</c>lt;idconfiguration section <c>Rushes:PluginSettings:&lt;id&gt;</c>gt;</c>).</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Writes a message to the host's log, tagged with the plugin id.</summary>
    void Log(DiagnosticSeverity severity, string message);
}
