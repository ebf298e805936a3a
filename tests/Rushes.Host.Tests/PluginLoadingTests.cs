using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Tests;

public sealed class PluginLoadingTests
{
    [Fact]
    public void A_good_plugin_loads_with_its_components_and_capabilities()
    {
        using var fixture = new FixturePlugins("Good");
        var plugin = Assert.Single(fixture.Load().Plugins);

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        Assert.Equal("org.rushes.fixtures.good", plugin.Id);
        Assert.Equal("1.2.3", plugin.Manifest!.Version);
        Assert.Equal("1.0.0", plugin.Manifest.ContractsVersion);
        Assert.Equal([PluginKind.CameraFormat, PluginKind.ColourTransform], plugin.Kinds);
        var format = Assert.Single(plugin.Components, c => c.Kind == PluginKind.CameraFormat);
        Assert.Equal("card-text", format.Id);
        Assert.True(format.Capabilities.Supports(CapabilityNames.Resolutions, "half"));
        Assert.False(format.Capabilities.Supports(CapabilityNames.Resolutions, "quarter"));
        var colour = Assert.Single(plugin.Components, c => c.Kind == PluginKind.ColourTransform);
        // The component was created with an IPluginContext that names its plugin.
        Assert.Equal("Fixture gain (from org.rushes.fixtures.good)", colour.DisplayName);
    }

    [Fact]
    public void A_loaded_component_is_the_hosts_own_contract_type_and_works()
    {
        using var fixture = new FixturePlugins("Good");
        var manager = fixture.Load();
        var (_, provider) = Assert.Single(manager.Components<IColourTransformProvider>());
        var processor = provider.Compile(new TransformDescription { TransformId = "gain2" });
        float[] r = [0.25f, 1f], g = [0.5f, 2f], b = [0.125f, -1f];
        processor.Apply(r, g, b);
        Assert.Equal([0.5f, 2f], r);
        Assert.Equal([1f, 4f], g);
        Assert.Equal([0.25f, -2f], b);
        Assert.Equal(2.0, processor.AsMatrix![1, 1]);
    }

    [Fact]
    public void A_plugin_built_against_newer_contracts_is_incompatible_and_the_host_goes_on()
    {
        using var fixture = new FixturePlugins("Future", "Good");
        var plugins = fixture.Load().Plugins;

        var future = Assert.Single(plugins, p => p.Id == "org.rushes.fixtures.future");
        Assert.Equal(PluginStatus.Incompatible, future.Status);
        Assert.Contains("1.1.0", future.Reason);
        Assert.Contains("upgrade the host", future.Reason);
        Assert.Empty(future.Components);
        Assert.Equal(PluginStatus.Loaded, Assert.Single(plugins, p => p.Id == "org.rushes.fixtures.good").Status);
    }

    [Fact]
    public void The_compiled_reference_is_checked_even_when_the_manifest_claims_an_older_version()
    {
        using var fixture = new FixturePlugins();
        var folder = fixture.Add("Future");
        RewriteManifest(folder, m => m["contractsVersion"] = "1.0.0");

        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Contains("compiled against Rushes.Contracts 1.1", plugin.Reason);
    }

    [Theory]
    [InlineData("2.0.0", "major versions must match")]
    [InlineData("0.9.0", "major versions must match")]
    public void A_different_contracts_major_version_is_incompatible(string declared, string reason)
    {
        using var fixture = new FixturePlugins();
        RewriteManifest(fixture.Add("Good"), m => m["contractsVersion"] = declared);
        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Contains(reason, plugin.Reason);
    }

    [Fact]
    public void A_plugin_that_needs_a_newer_host_is_incompatible()
    {
        using var fixture = new FixturePlugins();
        RewriteManifest(fixture.Add("Good"), m => m["minHostVersion"] = "99.0.0");
        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Contains("needs host 99.0.0 or newer", plugin.Reason);
    }

    [Fact]
    public void A_corrupt_manifest_is_reported_with_its_line()
    {
        using var fixture = new FixturePlugins();
        var folder = fixture.Add("Good");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{\n  \"id\": \"org.rushes.fixtures.good\",\n  \"version\": \n}");

        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Malfunctioned, plugin.Status);
        Assert.Contains("plugin.json", plugin.Reason);
        Assert.Contains("line 4", plugin.Reason);
        Assert.Contains("well-formed JSON", plugin.Reason);
    }

    [Theory]
    [InlineData("entryAssembly", null, "entryAssembly is missing")]
    [InlineData("kinds", "[\"camera-format\", \"teleporter\"]", "'teleporter' is not a plugin kind")]
    [InlineData("version", "\"one\"", "'one' is not a version")]
    [InlineData("entryAssembly", "\"../../evil.dll\"", "is not an assembly inside the plugin folder")]
    public void A_manifest_with_a_bad_field_names_the_field(string field, string? json, string expected)
    {
        using var fixture = new FixturePlugins();
        RewriteManifest(fixture.Add("Good"), m =>
        {
            m.Remove(field);
            if (json is not null)
            {
                m[field] = JsonNode.Parse(json);
            }
        });

        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Malfunctioned, plugin.Status);
        Assert.Contains(expected, plugin.Reason);
    }

    [Fact]
    public void A_modified_file_makes_the_plugin_untrusted()
    {
        using var fixture = new FixturePlugins();
        var folder = fixture.Add("Good");
        var dll = Path.Combine(folder, "Rushes.Fixtures.Good.dll");
        var bytes = File.ReadAllBytes(dll);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(dll, bytes);

        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Untrusted, plugin.Status);
        Assert.Contains("'Rushes.Fixtures.Good.dll' was modified", plugin.Reason);
        Assert.Empty(plugin.Components);
    }

    [Fact]
    public void An_added_assembly_makes_the_plugin_untrusted()
    {
        using var fixture = new FixturePlugins();
        var folder = fixture.Add("Good");
        File.WriteAllBytes(Path.Combine(folder, "Injected.dll"), [0x4d, 0x5a]);

        var plugin = Assert.Single(fixture.Load().Plugins);
        Assert.Equal(PluginStatus.Untrusted, plugin.Status);
        Assert.Contains("'Injected.dll' is not listed", plugin.Reason);
    }

    [Fact]
    public void A_plugin_that_throws_while_loading_is_malfunctioned_and_the_others_load()
    {
        using var fixture = new FixturePlugins("Throwing", "Good");
        var plugins = fixture.Load().Plugins;

        var throwing = Assert.Single(plugins, p => p.Id == "org.rushes.fixtures.throwing");
        Assert.Equal(PluginStatus.Malfunctioned, throwing.Status);
        Assert.Equal("Rushes.Fixtures.Throwing.ThrowingDeliverable threw InvalidOperationException while starting: the licence server is unreachable", throwing.Reason);
        Assert.True(Assert.Single(plugins, p => p.Id == "org.rushes.fixtures.good").IsLoaded);
    }

    [Fact]
    public void Plugins_with_conflicting_versions_of_a_library_coexist()
    {
        using var fixture = new FixturePlugins("ConflictA", "ConflictB");
        var plugins = fixture.Load().Plugins;

        Assert.All(plugins, p => Assert.Equal(PluginStatus.Loaded, p.Status));
        var versions = plugins.ToDictionary(p => p.Id, p => Assert.Single(p.Components).Capabilities.ValuesOf("org.rushes.fixtures.newtonsoft-version").Single());
        Assert.Equal("12.0.0.0", versions["org.rushes.fixtures.conflict-a"]);
        Assert.Equal("13.0.0.0", versions["org.rushes.fixtures.conflict-b"]);
        // Each used its own copy to build its transform list.
        Assert.Equal("org.rushes.fixtures.conflict-a", ((IColourTransformProvider)plugins[0].Components[0].Instance).Transforms[0].Id);
        Assert.Equal("org.rushes.fixtures.conflict-b", ((IColourTransformProvider)plugins[1].Components[0].Instance).Transforms[0].Id);
    }

    [Fact]
    public void A_plugin_can_be_disabled_by_configuration()
    {
        using var fixture = new FixturePlugins("Good");
        var plugin = Assert.Single(fixture.Load(o => o.Disabled.Add("org.rushes.fixtures.good")).Plugins);
        Assert.Equal(PluginStatus.Disabled, plugin.Status);
        Assert.Contains("Plugins:Disabled", plugin.Reason);
    }

    [Fact]
    public void A_second_plugin_with_the_same_id_is_disabled()
    {
        using var fixture = new FixturePlugins();
        fixture.Add("Good", "a-good");
        fixture.Add("Good", "b-good");
        var plugins = fixture.Load().Plugins;
        Assert.Equal(PluginStatus.Loaded, plugins[0].Status);
        Assert.Equal(PluginStatus.Disabled, plugins[1].Status);
        Assert.Contains("already loaded from", plugins[1].Reason);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_not_a_plugin()
    {
        using var fixture = new FixturePlugins("Good");
        Directory.CreateDirectory(Path.Combine(fixture.Root, "notes"));
        Assert.Single(fixture.Load().Plugins);
    }

    private static void RewriteManifest(string folder, Action<JsonObject> change)
    {
        var path = Path.Combine(folder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }
}
