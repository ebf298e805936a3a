using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rushes.Host.Plugins;

namespace Rushes.Host.Tests;

/// <summary>Builds a plugins folder from the fixture plugins for one test, and loads it.</summary>
public sealed class FixturePlugins : IDisposable
{
    private readonly List<PluginManager> _managers = [];

    public FixturePlugins(params string[] plugins)
    {
        Root = Path.Combine(Path.GetTempPath(), "rushes-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var plugin in plugins)
        {
            Add(plugin);
        }
    }

    /// <summary>Where the built fixture plugins are.</summary>
    public static string BuiltDirectory => Path.Combine(AppContext.BaseDirectory, "fixture-plugins");

    /// <summary>The plugins folder of this test.</summary>
    public string Root { get; }

    /// <summary>Copies a built fixture plugin (by short name, e.g. Good) into the folder; returns its path.</summary>
    public string Add(string plugin, string? folderName = null)
    {
        var source = Path.Combine(BuiltDirectory, $"Rushes.Fixtures.{plugin}");
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"Fixture plugin {plugin} was not built into {source}.");
        }

        var target = Path.Combine(Root, folderName ?? plugin.ToLowerInvariant());
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }

        return target;
    }

    /// <summary>Loads the folder with only these plugins (the bundled folder is left out).</summary>
    public PluginManager Load(Action<PluginOptions>? configure = null)
    {
        var options = new PluginOptions { IncludeBundled = false, Paths = [Root] };
        configure?.Invoke(options);
        var manager = new PluginManager(Options.Create(options), new IsolatedPluginLoader(), NullLogger<PluginManager>.Instance);
        _managers.Add(manager);
        return manager;
    }

    public void Dispose()
    {
        foreach (var manager in _managers)
        {
            manager.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A loaded assembly may still be mapped; the temp folder is cleaned by the OS.
        }
    }
}
