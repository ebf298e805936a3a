using System.Text.Json.Nodes;
using Rushes.Host.Plugins;

namespace Rushes.Host.Tests;

public sealed class AllowListTests
{
    [Fact]
    public void Only_pinned_plugins_load()
    {
        using var fixture = new FixturePlugins("Good", "ConflictA");
        var digest = PluginIntegrity.Sha256(Path.Combine(fixture.Root, "good", "plugin.json"));
        var allowList = WriteAllowList(fixture, ("org.rushes.fixtures.good", digest));

        var plugins = fixture.Load(o => o.AllowList = allowList).Plugins;

        Assert.Equal(PluginStatus.Loaded, Assert.Single(plugins, p => p.Id == "org.rushes.fixtures.good").Status);
        var unknown = Assert.Single(plugins, p => p.Id == "org.rushes.fixtures.conflict-a");
        Assert.Equal(PluginStatus.Untrusted, unknown.Status);
        Assert.Contains("is not on the allow-list", unknown.Reason);
    }

    [Fact]
    public void A_rebuilt_or_edited_plugin_no_longer_matches_its_pin()
    {
        using var fixture = new FixturePlugins("Good");
        var manifest = Path.Combine(fixture.Root, "good", "plugin.json");
        var allowList = WriteAllowList(fixture, ("org.rushes.fixtures.good", PluginIntegrity.Sha256(manifest)));
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["version"] = "1.2.4";
        File.WriteAllText(manifest, json.ToJsonString());

        var plugin = Assert.Single(fixture.Load(o => o.AllowList = allowList).Plugins);
        Assert.Equal(PluginStatus.Untrusted, plugin.Status);
        Assert.Contains("differs from the build pinned", plugin.Reason);
    }

    [Fact]
    public void A_broken_allow_list_trusts_nothing()
    {
        using var fixture = new FixturePlugins("Good");
        var allowList = Path.Combine(fixture.Root, "allow.json");
        File.WriteAllText(allowList, "{\"plugins\": [{\"id\": \"x\"}]}");

        var plugin = Assert.Single(fixture.Load(o => o.AllowList = allowList).Plugins);
        Assert.Equal(PluginStatus.Untrusted, plugin.Status);
        Assert.Contains("plugins[0]", plugin.Reason);
    }

    private static string WriteAllowList(FixturePlugins fixture, params (string Id, string Sha)[] pins)
    {
        var path = Path.Combine(fixture.Root, "allow.json");
        var list = new JsonArray([.. pins.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["manifestSha256"] = p.Sha })]);
        File.WriteAllText(path, new JsonObject { ["plugins"] = list }.ToJsonString());
        return path;
    }
}
