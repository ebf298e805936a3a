using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Host.Metadata;

namespace Rushes.Host.Catalog.Tests;

/// <summary><c>rushes ingest</c>, <c>search</c> and <c>formats</c> end to end through the command line, on each backend.</summary>
public abstract partial class CatalogTests
{
    [Fact]
    public async Task Ingest_search_and_formats_through_the_command_line()
    {
        var card = SealedCard(Temp);
        var catalog = NewCatalog().ConnectionString.StartsWith("Data Source=", StringComparison.Ordinal)
            ? Path.Combine(Temp, "cli.db")
            : NewCatalog().ConnectionString;

        var (code, output, error) = await Cli("ingest", card, "--catalog", catalog, "--json");

        Assert.True(code == IngestExitCodes.PartialFailure, error);
        var ingest = JsonNode.Parse(output)!;
        Assert.Equal(card, ingest["card"]!.GetValue<string>());
        Assert.True(ingest["mhl"]!["verified"]!.GetValue<bool>());
        Assert.Equal(12, ingest["mhl"]!["files"]!.GetValue<int>());
        Assert.Equal((6, 0, 0, 1), (ingest["added"]!.GetValue<int>(), ingest["unchanged"]!.GetValue<int>(), ingest["updated"]!.GetValue<int>(), ingest["failed"]!.GetValue<int>()));
        Assert.Equal(CardClips.Select(c => c.Name).Order(StringComparer.Ordinal), ingest["clips"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(ingest["clips"]!.AsArray(), c => Assert.Equal("added", c!["outcome"]!.GetValue<string>()));
        Assert.Equal(Path.Combine(card, "venice", "D001C009_210716AGM01.xml"), ingest["failures"]![0]!["file"]!.GetValue<string>());

        (code, output, error) = await Cli("search", "--reel", "A001", "--tc", "01:00:00:01-01:00:00:01", "--where", "camera.model=Demo Camera", "--catalog", catalog, "--json");

        Assert.True(code == ExitCodes.Ok, error);
        var found = JsonNode.Parse(output)!;
        Assert.Equal(1, found["count"]!.GetValue<int>());
        var clip = found["clips"]![0]!;
        Assert.Equal("A001C001_261206_R1DM", clip["name"]!.GetValue<string>());
        Assert.Equal("01:00:00:00", clip["timecodeIn"]!.GetValue<string>());
        Assert.Equal("01:00:00:02", clip["timecodeOut"]!.GetValue<string>());
        Assert.Equal("24", clip["frameRate"]!.GetValue<string>());
        Assert.Equal(3, clip["frames"]!["count"]!.GetValue<int>());
        Assert.Equal("RDC-0001", clip["camera"]!["serial"]!.GetValue<string>());
        Assert.Equal("A|Demo Camera|128x64|CinemaDNG lossless JPEG|1", clip["formatKey"]!.GetValue<string>());
        Assert.Empty(ClipSchemaValidator.Validate(clip["document"]!));
        Assert.Equal(800, clip["document"]!["exposure"]!["iso"]!["value"]!.GetValue<int>());

        (code, output, error) = await Cli("formats", "--catalog", catalog, "--json");

        Assert.True(code == ExitCodes.Ok, error);
        var formats = JsonNode.Parse(output)!["formats"]!.AsArray();
        Assert.Equal(6, formats.Sum(f => f!["clips"]!.GetValue<int>()));
        var demoCard = Assert.Single(formats, f => f!["key"]!.GetValue<string>() == "A|Demo Camera|128x64|CinemaDNG lossless JPEG|1")!;
        Assert.Equal(("A", "Demo Camera", "128x64", "CinemaDNG lossless JPEG", "1", 1),
            (demoCard["cameraLetter"]!.GetValue<string>(), demoCard["cameraModel"]!.GetValue<string>(), demoCard["sensorMode"]!.GetValue<string>(),
             demoCard["codec"]!.GetValue<string>(), demoCard["squeeze"]!.GetValue<string>(), demoCard["clips"]!.GetValue<int>()));

        (code, output, _) = await Cli("ingest", card, "--catalog", catalog, "--json");

        Assert.Equal(IngestExitCodes.PartialFailure, code);
        Assert.Equal((0, 6, 0), (JsonNode.Parse(output)!["added"]!.GetValue<int>(), JsonNode.Parse(output)!["unchanged"]!.GetValue<int>(), JsonNode.Parse(output)!["updated"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_refused_card_ends_with_the_mhl_finding_as_its_exit_code()
    {
        var card = SealedCard(Temp, withBadClip: false);
        File.AppendAllText(Path.Combine(card, "red", "A001_C066_0303LZ_001.static.csv"), "\n");
        var catalog = Path.Combine(Temp, "refused.db");

        var (code, output, error) = await Cli("ingest", card, "--catalog", catalog, "--json");

        Assert.Equal(MhlExitCodes.Failed, code);
        Assert.Equal("mhl-failed", JsonNode.Parse(output)!["error"]!["kind"]!.GetValue<string>());
        Assert.Contains("red/A001_C066_0303LZ_001.static.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        (code, _, error) = await Cli("search", "--tc", "25:00:00:00", "--catalog", catalog);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--tc: '25:00:00:00' is not a timecode; expected hours 0-23", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Error)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--plugins", Plugins, "--set", "Plugins:IncludeBundled=false"], stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
