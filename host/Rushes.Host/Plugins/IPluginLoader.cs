using System.Reflection;

namespace Rushes.Host.Plugins;

/// <summary>
/// Loads a plugin's entry assembly into a load context of its own, with the contracts shared from
/// the host. A seam, so the loading library can be replaced without touching the plugin manager.
/// </summary>
public interface IPluginLoader : IDisposable
{
    /// <summary>Loads the entry assembly (and, on demand, its private dependencies from its folder).</summary>
    Assembly Load(string entryAssemblyPath);
}
