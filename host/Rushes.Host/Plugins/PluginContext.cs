using Microsoft.Extensions.Logging;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>The host services a component receives when it is created.</summary>
internal sealed class PluginContext(string pluginId, string directory, IReadOnlyDictionary<string, string> settings, ILogger logger) : IPluginContext
{
    public string PluginId { get; } = pluginId;

    public string PluginDirectory { get; } = directory;

    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    public void Log(DiagnosticSeverity severity, string message)
    {
        var level = severity switch
        {
            DiagnosticSeverity.Error => LogLevel.Error,
            DiagnosticSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        logger.Log(level, "[{Plugin}] {Message}", PluginId, message);
    }
}
