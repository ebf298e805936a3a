using System.Text.Json.Nodes;

namespace Rushes.Host.Tests;

/// <summary>A plugins folder for one test holding the first-party colour plugins (aces-core, camera-log) as the CLI bundles them.</summary>
public sealed class ColourPlugins : IDisposable
{
    public ColourPlugins()
    {
        Root = Path.Combine(Path.GetTempPath(), "rushes-tests", Guid.NewGuid().ToString("N"));
        foreach (var plugin in Directory.EnumerateDirectories(BuiltDirectory))
        {
            Copy(plugin, Path.Combine(Root, Path.GetFileName(plugin)));
        }
    }

    /// <summary>Where the build published them.</summary>
    public static string BuiltDirectory => Path.Combine(AppContext.BaseDirectory, "colour-plugins");

    /// <summary>The plugins folder.</summary>
    public string Root { get; }

    /// <summary>Adds a second copy of a plugin under another plugin id, so that every one of its names clashes.</summary>
    public void AddCopy(string plugin, string folderName, string pluginId)
    {
        var target = Path.Combine(Root, folderName);
        Copy(Path.Combine(BuiltDirectory, plugin), target);
        var manifestPath = Path.Combine(target, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["id"] = pluginId;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    /// <summary>Command-line arguments that load only this folder; the options go first, so that values after '--' stay values.</summary>
    public string[] Args(params string[] args) => ["--plugins", Root, "--set", "Plugins:IncludeBundled=false", .. args];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Plugin assemblies may still be mapped; the temp folder is cleaned up later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
    }
}
