using Microsoft.Extensions.Logging.Abstractions;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;

namespace Rushes.Host.Tests;

public sealed class InUseFaultTests
{
    [Fact]
    public void A_plugin_that_throws_in_use_is_isolated_and_routing_goes_on()
    {
        using var fixture = new FixturePlugins("Flaky", "Good");
        var manager = fixture.Load();
        var registry = new CameraFormatRegistry(manager, new PluginGuard(NullLogger<PluginGuard>.Instance), NullLogger<CameraFormatRegistry>.Instance);
        var card = Path.Combine(fixture.Root, "A001.card");
        File.WriteAllText(card, "RUSHES-CARD\nreel=A001\nfps=24\ntc=01:00:00:00\nwidth=8\nheight=4\nframes=3\ngrey=0.18\n");

        var detected = registry.Detect(card);

        Assert.Equal("card-text", detected?.Format.Id);
        var flaky = Assert.Single(manager.Plugins, p => p.Id == "org.rushes.fixtures.flaky");
        Assert.Equal(PluginStatus.Malfunctioned, flaky.Status);
        Assert.Equal("threw InvalidOperationException in flaky.Detect: a bug in the flaky detector", flaky.Reason);
        // Out of service from now on: it is no longer asked.
        Assert.DoesNotContain(registry.Formats, f => f.Format.Id == "flaky");
        Assert.Equal("card-text", registry.Detect(card)?.Format.Id);
    }

    [Fact]
    public void The_guard_lets_input_errors_through_without_blaming_the_plugin()
    {
        using var fixture = new FixturePlugins("Good");
        var plugin = Assert.Single(fixture.Load().Plugins);
        var guard = new PluginGuard(NullLogger<PluginGuard>.Instance);

        Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => guard.Invoke<int>(plugin, "test", () => throw new Rushes.Contracts.Plugins.InputException("bad file")));
        Assert.True(plugin.IsLoaded);

        var fault = Assert.Throws<PluginFaultException>(() => guard.Invoke<int>(plugin, "test", () => throw new InvalidOperationException("oops")));
        Assert.Equal("org.rushes.fixtures.good", fault.PluginId);
        Assert.Equal(PluginStatus.Malfunctioned, plugin.Status);
        Assert.Throws<PluginFaultException>(() => guard.Invoke(plugin, "again", () => 1));
    }
}
