using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.VendorSidecars.Sony;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>What the host checks when it loads the plugin: the manifest's kinds are exported and every component can be created.</summary>
public sealed class PluginConventionsTests
{
    private static readonly Assembly Plugin = typeof(SonyNrtFormat).Assembly;

    [Fact]
    public void Exports_camera_formats_as_its_manifest_declares()
    {
        var project = XDocument.Load(Path.Combine(SourceFolder(), "..", "src", "Rushes.Plugins.VendorSidecars.csproj"));
        Assert.Equal("camera-format", project.Descendants("RushesPluginKinds").Single().Value);
        Assert.NotEmpty(Components());
    }

    [Fact]
    public void Every_component_has_a_parameterless_constructor_and_a_distinct_id()
    {
        var components = Components().Select(t => (ICameraFormat)Activator.CreateInstance(t)!).ToList();
        Assert.Equal(["arri-ale", "arri-meta-extract", "bmd-raw-metadata", "canon-csv", "mlv-header", "r3d-header", "red-printmeta", "sony-nrt-xml"], components.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(components, c => Assert.False(string.IsNullOrWhiteSpace(c.DisplayName)));
        Assert.All(components, c => Assert.False(c.Capabilities.Supports(CapabilityNames.Decode)));
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static IEnumerable<Type> Components()
        => Plugin.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(ICameraFormat).IsAssignableFrom(t));
}
