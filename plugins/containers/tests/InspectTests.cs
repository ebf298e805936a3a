using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Host.Metadata;
using static Rushes.Plugins.Containers.Tests.Fixtures;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// <c>rushes inspect --json</c> with only this plugin loaded (published as the CLI bundles it): the host accepts its
/// manifest, detects the fixtures by content, and gives each a valid v1 document; a corrupt file beside them is
/// reported with its file and field, and the others are still inspected.
/// </summary>
public sealed class InspectTests : IDisposable
{
    private static readonly string Plugins = Path.Combine(AppContext.BaseDirectory, "container-plugins");
    private readonly TempFolder _card = new();

    public void Dispose() => _card.Dispose();

    [Fact]
    public async Task A_card_of_movies_and_mxf_is_inspected_and_a_corrupt_file_is_reported()
    {
        foreach (var file in new[] { "prores-mdta.mov", "udta-df.mov", "mpeg2-df.mxf" })
        {
            System.IO.File.Copy(File(file), _card.File(file));
        }

        var bytes = System.IO.File.ReadAllBytes(File("udta-df.mov"));
        var bad = _card.Write("cut.mov", bytes[..^200]);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["inspect", _card.Path, "--json", "--plugins", Plugins, "--set", "Plugins:IncludeBundled=false"], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Input, code);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
        var clips = JsonNode.Parse(stdout.ToString())!["clips"]!.AsArray();
        var failed = Assert.Single(clips, c => c!["error"] is not null)!;
        Assert.Equal(bad, failed["error"]!["file"]!.GetValue<string>());
        Assert.Equal("moov", failed["error"]!["field"]!.GetValue<string>());
        var inspected = clips.Where(c => c!["error"] is null).Select(c => c!["normalizedV1"]!).ToList();
        Assert.All(inspected, d => Assert.Empty(ClipSchemaValidator.Validate(d)));
        Assert.Equal(["01:02:03:04", "10:00:00;00", "10:00:00;00"], inspected.Select(d => d["timecode"]!["in"]!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(["A001C003_MAT", "prores-mdta", "udta-df"], inspected.Select(d => d["clip"]!["name"]!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
