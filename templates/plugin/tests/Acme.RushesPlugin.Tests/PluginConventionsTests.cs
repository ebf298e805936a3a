using System.Reflection;
using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;

namespace Acme.RushesPlugin.Tests;

/// <summary>
/// Checks the plugin the way the Rushes host will when it loads it: it finds public, non-abstract
/// classes implementing a kind interface, creates each through a public constructor taking nothing
/// or an <see cref="IPluginContext"/>, and refuses the plugin (Malfunctioned) when the kinds it
/// exports differ from the kinds its manifest declares (RushesPluginKinds in the project file).
/// </summary>
public sealed partial class PluginConventionsTests
{
    private static readonly Assembly Plugin = Assembly.Load(new AssemblyName("Acme.RushesPlugin"));

    private static readonly Dictionary<string, Type> KindInterfaces = new(StringComparer.Ordinal)
    {
        ["camera-format"] = typeof(ICameraFormat),
        ["colour-transform"] = typeof(IColourTransformProvider),
        ["deliverable"] = typeof(IDeliverableType),
    };

    [Fact]
    public void Exports_exactly_the_declared_kinds()
    {
        var declared = Metadata("RushesPluginKinds").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(declared);
        Assert.All(declared, kind => Assert.Contains(kind, KindInterfaces.Keys));

        var exported = KindInterfaces.Where(k => Components().Any(k.Value.IsAssignableFrom)).Select(k => k.Key);
        Assert.Equal(declared.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_component_can_be_created_by_the_host()
    {
        foreach (var type in Components())
        {
            var component = Create(type);
            Assert.False(string.IsNullOrWhiteSpace(component.Id), $"{type.FullName} has an empty Id.");
            Assert.False(string.IsNullOrWhiteSpace(component.DisplayName), $"{type.FullName} has an empty DisplayName.");
            Assert.NotNull(component.Capabilities);
        }
    }

    [Fact]
    public void Component_ids_are_unique_within_each_kind()
    {
        foreach (var (_, contract) in KindInterfaces)
        {
            var ids = Components().Where(contract.IsAssignableFrom)
                .Select(t => Create(t).Id)
                .ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Plugin_id_is_reverse_dns()
        => Assert.Matches(ReverseDns(), Metadata("RushesPluginId"));

    private static IEnumerable<Type> Components()
        => Plugin.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                                        && KindInterfaces.Values.Any(k => k.IsAssignableFrom(t)));

    // As the host does it: the IPluginContext constructor when there is one, else the parameterless one.
    private static IPluginComponent Create(Type type)
    {
        var instance = type.GetConstructor([typeof(IPluginContext)]) is { } withContext
            ? withContext.Invoke([new TestContext()])
            : (type.GetConstructor(Type.EmptyTypes) ?? throw new Xunit.Sdk.XunitException(
                $"{type.FullName} has no public constructor taking nothing or an IPluginContext.")).Invoke(null);
        return Assert.IsAssignableFrom<IPluginComponent>(instance);
    }

    private static string Metadata(string key)
        => Plugin.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
           ?? throw new Xunit.Sdk.XunitException($"The plugin assembly has no [AssemblyMetadata(\"{key}\")]; see the plugin's project file.");

    // The pattern the host's manifest reader accepts.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+$")]
    private static partial Regex ReverseDns();

    private sealed class TestContext : IPluginContext
    {
        public string PluginId => "com.example.tests";

        public string PluginDirectory => AppContext.BaseDirectory;

        public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

        public void Log(DiagnosticSeverity severity, string message)
        {
        }
    }
}
