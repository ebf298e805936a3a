using System.Reflection;
using McMaster.NETCore.Plugins;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>
/// One McMaster load context per plugin folder. Contracts types are shared with the host, so a
/// component made in the plugin is the host's interface; every other dependency resolves from the
/// plugin's own folder first, so two plugins may carry different versions of the same library.
/// Contexts are not collectible: workers are short-lived processes, and exiting is the unload.
/// </summary>
public sealed class IsolatedPluginLoader : IPluginLoader
{
    private readonly List<PluginLoader> _loaders = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Assembly Load(string entryAssemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            entryAssemblyPath,
            sharedTypes: [typeof(IPluginComponent)],
            config =>
            {
                config.PreferSharedTypes = false;
                config.IsUnloadable = false;
                config.LoadInMemory = false;
            });
        lock (_gate)
        {
            _loaders.Add(loader);
        }

        return loader.LoadDefaultAssembly();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var loader in _loaders)
            {
                loader.Dispose();
            }

            _loaders.Clear();
        }
    }
}
