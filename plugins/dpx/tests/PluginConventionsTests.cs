using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dpx.Deliverable;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>What the host checks when it loads the plugin: the exported kinds match the manifest's, and every component can be created.</summary>
public sealed class PluginConventionsTests
{
    private static readonly Assembly Plugin = typeof(DpxDeliverableType).Assembly;

    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["camera-format"] = typeof(ICameraFormat),
        ["colour-transform"] = typeof(IColourTransformProvider),
        ["deliverable"] = typeof(IDeliverableType),
    };

    [Fact]
    public void Exports_the_kinds_its_manifest_declares()
    {
        // The manifest's kinds come from RushesPluginKinds in the project file (plugins/Directory.Build.targets).
        var project = XDocument.Load(Path.Combine(SourceFolder(), "..", "src", "Rushes.Plugins.Dpx.csproj"));
        var declared = project.Descendants("RushesPluginKinds").Single().Value.Split(';', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal);
        var exported = Kinds.Where(k => Components().Any(k.Value.IsAssignableFrom)).Select(k => k.Key).Order(StringComparer.Ordinal);
        Assert.Equal(declared, exported);
        Assert.Equal("org.rushes.dpx", project.Descendants("RushesPluginId").Single().Value);
    }

    [Fact]
    public void Every_component_has_a_parameterless_constructor_and_an_id()
    {
        var components = Components().Select(t => (IPluginComponent)Activator.CreateInstance(t)!).ToList();
        Assert.Equal(["dpx"], components.Select(c => c.Id));
        Assert.All(components, c => Assert.False(string.IsNullOrWhiteSpace(c.DisplayName)));
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static IEnumerable<Type> Components()
        => Plugin.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && Kinds.Values.Any(k => k.IsAssignableFrom(t)));
}
