using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Testing;

namespace Rushes.Host.Tests;

public sealed class CliTests
{
    private const string Card = "RUSHES-CARD\nreel=A001R2AB\nfps=23.976\ntc=14:03:27:11\nwidth=16\nheight=8\nframes=48\ngrey=0.18\n";

    [Fact]
    public async Task Plugins_json_lists_every_plugin_with_status_reason_and_capabilities()
    {
        using var fixture = new FixturePlugins("Good", "Future", "Throwing");
        var (code, output, error) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "plugins", "--json"));

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(3, json["plugins"]!.AsArray().Count);
        foreach (var plugin in json["plugins"]!.AsArray())
        {
            plugin!["folder"] = Path.GetRelativePath(fixture.Root, plugin["folder"]!.GetValue<string>());
            // Hashes change with every build of the fixtures; their checking is tested elsewhere.
            plugin["manifestSha256"] = plugin["manifestSha256"] is null ? null : "<sha256>";
        }

        json["searchPaths"] = new JsonArray("<plugins>");
        json["host"]!["version"] = "<host>";
        Golden.VerifyJson(json.ToJsonString(), "plugins");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_text_shows_reasons_and_strict_fails_when_any_is_not_loaded()
    {
        using var fixture = new FixturePlugins("Good", "Future");
        var (code, output, _) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "plugins", "--strict"));

        Assert.Equal(ExitCodes.Environment, code);
        Assert.Contains("org.rushes.fixtures.good", output);
        Assert.Contains("Incompatible", output);
        Assert.Contains("reason: built against Rushes.Contracts 1.1.0", output);
    }

    [Fact]
    public async Task The_allow_list_command_pins_what_is_loaded_and_the_host_honours_it()
    {
        using var fixture = new FixturePlugins("Good", "Future");
        var allowList = Path.Combine(Path.GetTempPath(), $"rushes-allow-{Guid.NewGuid():N}.json");
        try
        {
            var (code, _, _) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "plugins", "allow-list", "-o", allowList));
            Assert.Equal(ExitCodes.Ok, code);
            var pins = JsonNode.Parse(File.ReadAllText(allowList))!["plugins"]!.AsArray();
            Assert.Equal("org.rushes.fixtures.good", Assert.Single(pins)!["id"]!.GetValue<string>());

            fixture.Add("ConflictA");
            var (_, output, _) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "plugins", "--json", "--set", $"Plugins:AllowList={allowList}"));
            var statuses = JsonNode.Parse(output)!["plugins"]!.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!["status"]!.GetValue<string>());
            Assert.Equal("Loaded", statuses["org.rushes.fixtures.good"]);
            Assert.Equal("Untrusted", statuses["org.rushes.fixtures.conflict-a"]);
        }
        finally
        {
            File.Delete(allowList);
        }
    }

    [Fact]
    public async Task Inspect_routes_by_content_and_prints_normalized_and_vendor_metadata()
    {
        using var fixture = new FixturePlugins("Good", "Flaky");
        var card = Path.Combine(fixture.Root, "A001C003.clip");
        File.WriteAllText(card, Card);

        var (code, output, _) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "inspect", card, "--json"));

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonNode.Parse(output.Replace(fixture.Root, "<root>", StringComparison.Ordinal))!;
        Golden.VerifyJson(json.ToJsonString(), "inspect");
    }

    [Fact]
    public async Task A_bad_clip_is_an_input_error_that_names_file_and_field_without_a_stack_trace()
    {
        using var fixture = new FixturePlugins("Good");
        var card = Path.Combine(fixture.Root, "bad.card");
        File.WriteAllText(card, Card.Replace("fps=23.976", "fps=fast", StringComparison.Ordinal));

        var (code, output, error) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "inspect", card, "--json"));

        Assert.Equal(ExitCodes.Input, code);
        var clipError = JsonNode.Parse(output)!["clips"]![0]!["error"]!;
        Assert.Equal(card, clipError["file"]!.GetValue<string>());
        Assert.Equal("fps", clipError["field"]!.GetValue<string>());
        Assert.Equal("a frame rate such as 24 or 23.976", clipError["expected"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_of_a_folder_does_not_follow_a_link_back_up_the_tree()
    {
        using var fixture = new FixturePlugins("Good");
        var card = Path.Combine(fixture.Root, "card");
        Directory.CreateDirectory(Path.Combine(card, "A001"));
        File.WriteAllText(Path.Combine(card, "A001", "A001C001.card"), Card);
        Directory.CreateSymbolicLink(Path.Combine(card, "A001", "loop"), card);

        var (code, output, _) = await CliRunner.RunAsync(CliRunner.WithPlugins(fixture.Root, "inspect", card, "--json"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("A001C001", Assert.Single(JsonNode.Parse(output)!["clips"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, ExitCodes.Usage)]
    [InlineData(new[] { "plugins", "--no-such-option" }, ExitCodes.Usage)]
    [InlineData(new[] { "plugins", "--set", "novalue" }, ExitCodes.Usage)]
    [InlineData(new[] { "plugins", "--config", "/nonexistent/rushes.json" }, ExitCodes.Environment)]
    [InlineData(new[] { "inspect", "/nonexistent/card" }, ExitCodes.Input)]
    public async Task Errors_have_their_documented_exit_codes(string[] args, int expected)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);
        Assert.Equal(expected, code);
        Assert.StartsWith("rushes: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_errors_are_one_document_on_stdout_and_verbose_adds_the_stack_trace()
    {
        var (code, output, error) = await CliRunner.RunAsync("inspect", "/nonexistent/card", "--json", "--verbose");

        Assert.Equal(ExitCodes.Input, code);
        var json = JsonNode.Parse(output)!["error"]!;
        Assert.Equal("input", json["kind"]!.GetValue<string>());
        Assert.Equal(3, json["exitCode"]!.GetValue<int>());
        Assert.Equal("/nonexistent/card", json["file"]!.GetValue<string>());
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_reports_host_and_contracts()
    {
        var (code, output, _) = await CliRunner.RunAsync("version", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(HostInfo.Version.ToString(), json["version"]!.GetValue<string>());
        Assert.Equal("1.0.0", json["contractsVersion"]!.GetValue<string>());
    }
}
