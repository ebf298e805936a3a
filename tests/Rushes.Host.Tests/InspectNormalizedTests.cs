using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Host.Metadata;
using Rushes.Testing;

namespace Rushes.Host.Tests;

/// <summary>
/// <c>rushes inspect --json</c> gives every clip a <c>normalizedV1</c> document of the published schema v1,
/// for the vendor metadata samples (through the vendor-sidecars plugin) as for any other format.
/// </summary>
public sealed class InspectNormalizedTests : IDisposable
{
    private static readonly string Plugins = Path.Combine(AppContext.BaseDirectory, "metadata-plugins");
    private readonly string _card = Path.Combine(Path.GetTempPath(), "rushes-inspect-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_card))
        {
            Directory.Delete(_card, recursive: true);
        }
    }

    [Fact]
    public async Task Every_vendor_sample_is_inspected_into_a_valid_v1_document()
    {
        var (code, output, error) = await CliRunner.RunAsync(CliRunner.WithPlugins(Plugins, "inspect", ConformanceData.Path("metadata"), "--json", "--tracks"));

        Assert.True(code == ExitCodes.Ok, error);
        var clips = JsonNode.Parse(output)!["clips"]!.AsArray();
        Assert.Equal(["A001C001", "A001_04190112_C102", "A001_C066_0303LZ", "B001C001_180327_R1ZA", "D001C005_210716AG"],
            clips.Select(c => c!["normalizedV1"]!["clip"]!["name"]!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var clip in clips)
        {
            var document = clip!["normalizedV1"]!;
            Assert.Empty(ClipSchemaValidator.Validate(document));
            Assert.NotNull(document["tracks"]);
        }
    }

    [Fact]
    public async Task A_corrupt_sidecar_is_reported_and_the_other_clips_are_still_inspected()
    {
        Directory.CreateDirectory(_card);
        foreach (var vendor in new[] { "arri", "venice" })
        {
            foreach (var file in Directory.GetFiles(ConformanceData.Path("metadata", vendor)).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(_card, Path.GetFileName(file)));
            }
        }

        var xml = File.ReadAllText(ConformanceData.Path("metadata", "venice", "D001C005_210716AGM01.xml"));
        var bad = Path.Combine(_card, "D001C009_210716AGM01.xml");
        File.WriteAllText(bad, xml[..(xml.Length / 3)]);

        var (code, output, error) = await CliRunner.RunAsync(CliRunner.WithPlugins(Plugins, "inspect", _card, "--json"));

        Assert.Equal(ExitCodes.Input, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        var clips = JsonNode.Parse(output)!["clips"]!.AsArray();
        var failed = Assert.Single(clips, c => c!["error"] is not null)!;
        Assert.Equal(bad, failed["error"]!["file"]!.GetValue<string>());
        Assert.StartsWith("line ", failed["error"]!["field"]!.GetValue<string>(), StringComparison.Ordinal);
        var inspected = clips.Where(c => c!["error"] is null).ToList();
        Assert.Equal(2, inspected.Count);
        Assert.All(inspected, c => Assert.Empty(ClipSchemaValidator.Validate(c!["normalizedV1"]!)));
    }
}
