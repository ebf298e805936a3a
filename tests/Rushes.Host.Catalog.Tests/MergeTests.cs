using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Rushes.Cli;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Catalog.Ingest;
using Rushes.Host.Clips;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;
using Rushes.Testing;

namespace Rushes.Host.Catalog.Tests;

/// <summary>
/// One media file claimed by two camera formats: a QuickTime file made by ffmpeg at test time and the real ARRI Meta
/// Extract CSV that names it as its media. They are one clip: reel and camera from the CSV, codec from the container.
/// </summary>
public abstract partial class CatalogTests
{
    private const string Mov = "B001C001_180327_R1ZA.mov";

    /// <summary>The ARRI sample's Master TC on its first row.</summary>
    private const string CsvTimecode = "13:36:49:07";

    private static readonly IngestOptions NoMhl = new() { VerifyMhl = false };

    private static ClipInspector Inspector
    {
        get
        {
            var guard = new PluginGuard(NullLogger<PluginGuard>.Instance);
            var registry = new CameraFormatRegistry(Manager.Value, guard, NullLogger<CameraFormatRegistry>.Instance);
            return new ClipInspector(new ClipDiscovery(registry, guard), guard);
        }
    }

    /// <summary>A folder with a 24-frame ProRes .mov starting at <paramref name="timecode"/>, and the ARRI CSV when asked.</summary>
    private static string MovCard(string parent, string timecode, bool withCsv = true)
    {
        var card = Directory.CreateDirectory(Path.Combine(parent, "mov-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        ReferenceTool.Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24", "-t", "1",
            "-c:v", "prores_ks", "-timecode", timecode, Path.Combine(card, Mov)]).EnsureSuccess("ffmpeg");
        if (withCsv)
        {
            File.Copy(ConformanceData.Path("metadata", "arri", Mov + ".csv"), Path.Combine(card, Mov + ".csv"));
        }

        return card;
    }

    [Fact]
    public async Task A_mov_and_its_ARRI_CSV_are_one_clip_and_re_ingest_changes_nothing()
    {
        var card = MovCard(Temp, CsvTimecode);
        var time = new ManualTime(Day1);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog(), time);

        var report = await Ingest.IngestAsync(card, catalog, NoMhl);

        Assert.Empty(report.Failed);
        var clip = Assert.Single(report.Clips);
        Assert.Equal("arri-meta-extract+quicktime-metadata", clip.Format);
        Assert.Equal(UpsertOutcome.Added, clip.Outcome);
        var stored = Assert.Single(await catalog.SearchAsync(new ClipQuery()));
        Assert.Equal(Path.Combine(card, Mov), stored.Path);
        Assert.Equal("B001C001_180327_R1ZA", stored.Name);
        Assert.Equal("B001R1ZA", stored.Reel);
        Assert.Equal("B", stored.CameraLetter);
        Assert.Equal("Alexa LF Plus W", stored.CameraModel);
        Assert.Equal("2566", stored.CameraSerial);
        Assert.Equal(CsvTimecode, stored.TimecodeIn.ToString());
        Assert.Equal("Apple ProRes 4444", stored.Document["clip"]!["codec"]!["value"]!.GetValue<string>());
        Assert.Equal(FrameRate.Fps24, stored.FrameRate);
        // The frames are the container's, the reader that reads the media itself.
        Assert.Equal(new FrameRange(0, 23), stored.Frames);
        Assert.Equal([stored.Identity], (await catalog.FindByReelAndTimecodeAsync("B001R1ZA", TimecodeRange.Parse("13:36:49:10"))).Select(r => r.Identity));

        time.Now = Day1.AddDays(1);
        var again = await Ingest.IngestAsync(card, catalog, NoMhl);

        Assert.Equal((0, 1, 0), (again.Added, again.Unchanged, again.Updated));
        var after = Assert.Single(await catalog.SearchAsync(new ClipQuery()));
        Assert.Equal((stored.Identity, stored.ContentHash, Day1), (after.Identity, after.ContentHash, after.UpdatedAt));
    }

    [Fact]
    public void Each_field_says_which_format_it_came_from_and_a_conflicting_timecode_is_warned()
    {
        var card = MovCard(Temp, "01:00:00:00");

        var (clips, problems) = Inspector.Inspect(card, (clip, reader) => (reader.Metadata, reader.Diagnostics, reader.Info));

        Assert.Empty(problems);
        var inspection = Assert.Single(clips);
        Assert.True(inspection.Succeeded, inspection.Failure?.Message);
        Assert.Equal(["arri-meta-extract", "quicktime-metadata"], inspection.Clip.Claims.Select(c => c.Format.Format.Id));
        Assert.Equal("quicktime-metadata", inspection.Clip.Format.Format.Id);
        Assert.Equal([Path.Combine(card, Mov + ".csv")], inspection.Clip.Location.Sidecars);
        var (metadata, diagnostics, info) = inspection.Result;

        var conflict = Assert.Single(diagnostics, d => d.Field == NormalizedField.TimecodeIn);
        Assert.Equal(DiagnosticSeverity.Warning, conflict.Severity);
        Assert.Equal("clip.merge-conflict", conflict.Code);
        Assert.Equal(Path.Combine(card, Mov), conflict.File);
        Assert.Contains($"arri-meta-extract gives {CsvTimecode}", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("quicktime-metadata gives 01:00:00:00", conflict.Message, StringComparison.Ordinal);

        // What the media holds (its timecode, which an editor's system reads, its frames and size) is the media's own,
        // in the metadata as in the clip's info; the camera's reel and lens come from the sidecar.
        Assert.Equal("01:00:00:00", metadata.Normalized[NormalizedField.TimecodeIn].AsTimecode().ToString());
        Assert.Equal("01:00:00:00", info.StartTimecode.ToString());
        Assert.Equal((320, 180), (info.Width, info.Height));
        Assert.Equal(24, metadata.Normalized[NormalizedField.FrameCount].AsDouble());
        Assert.Equal("arri-meta-extract", Source(metadata, NormalizedField.Reel));
        Assert.Equal("quicktime-metadata", Source(metadata, NormalizedField.TimecodeIn));
        Assert.Equal("quicktime-metadata", Source(metadata, NormalizedField.FrameCount));
        // The CSV has no duration; the container does (24 frames at 24 fps).
        Assert.Equal("quicktime-metadata", Source(metadata, "clip.duration"));
        Assert.Equal(1, metadata.Normalized["clip.duration"].AsDouble());
        Assert.Equal("B001R1ZA", metadata.Normalized[NormalizedField.Reel].AsText());
        // Neither source knows the scene: Missing, with each one's reason.
        var scene = metadata.Normalized[NormalizedField.Scene];
        Assert.False(scene.IsPresent);
        Assert.Contains("arri-meta-extract: ", scene.MissingReason, StringComparison.Ordinal);
        Assert.Contains("quicktime-metadata: ", scene.MissingReason, StringComparison.Ordinal);
        Assert.False(metadata.Vendor.ContainsKey("Rushes:Source:" + NormalizedField.Scene));

        // The media file alone, or its sidecar, finds the same joined clip.
        foreach (var file in new[] { Mov, Mov + ".csv" })
        {
            var (single, _) = Inspector.Inspect(Path.Combine(card, file), (clip, reader) => (reader.Metadata.Normalized[NormalizedField.Reel].AsText(), clip.FormatId));
            Assert.Equal(("B001R1ZA", "arri-meta-extract+quicktime-metadata"), Assert.Single(single).Result);
        }
    }

    [Fact]
    public async Task A_mov_claimed_by_its_container_alone_is_unchanged()
    {
        var card = MovCard(Temp, CsvTimecode, withCsv: false);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog());

        var report = await Ingest.IngestAsync(card, catalog, NoMhl);

        var clip = Assert.Single(report.Clips);
        Assert.Equal("quicktime-metadata", clip.Format);
        var stored = Assert.Single(await catalog.SearchAsync(new ClipQuery()));
        Assert.Null(stored.Reel);
        Assert.Equal(CsvTimecode, stored.TimecodeIn.ToString());
        Assert.Equal("Apple ProRes 4444", stored.Document["clip"]!["codec"]!["value"]!.GetValue<string>());
        var (clips, _) = Inspector.Inspect(card, (c, reader) => reader.Metadata.Vendor.Any(v => v.Key.StartsWith("Rushes:Source:", StringComparison.Ordinal)));
        Assert.False(Assert.Single(clips).Result);
        Assert.Single(Assert.Single(clips).Clip.Claims);
    }

    [Fact]
    public async Task Inspect_ingest_and_search_through_the_command_line_see_one_clip()
    {
        var card = MovCard(Temp, "01:00:00:00");
        var catalog = NewCatalog().ConnectionString.StartsWith("Data Source=", StringComparison.Ordinal) ? Path.Combine(Temp, "merge.db") : NewCatalog().ConnectionString;

        var (code, output, error) = await Cli("inspect", card, "--json");

        Assert.True(code == ExitCodes.Ok, error);
        var clip = Assert.Single(JsonNode.Parse(output)!["clips"]!.AsArray())!;
        Assert.Equal("arri-meta-extract+quicktime-metadata", clip["format"]!.GetValue<string>());
        Assert.Equal(
            [("arri-meta-extract", "org.rushes.vendor-sidecars"), ("quicktime-metadata", "org.rushes.containers")],
            clip["claims"]!.AsArray().Select(c => (c!["format"]!.GetValue<string>(), c["plugin"]!.GetValue<string>())));
        Assert.Equal("B001R1ZA", clip["normalizedV1"]!["clip"]!["reel"]!["value"]!.GetValue<string>());
        Assert.Contains(clip["warnings"]!.AsArray(), w => w!["field"]?.GetValue<string>() == NormalizedField.TimecodeIn
            && w["message"]!.GetValue<string>().Contains("quicktime-metadata gives 01:00:00:00", StringComparison.Ordinal));

        (code, _, error) = await Cli("ingest", card, "--no-mhl", "--catalog", catalog, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        (code, output, error) = await Cli("search", "--reel", "B001R1ZA", "--catalog", catalog, "--json");

        Assert.True(code == ExitCodes.Ok, error);
        var found = Assert.Single(JsonNode.Parse(output)!["clips"]!.AsArray())!;
        Assert.Equal(Path.Combine(card, Mov), found["path"]!.GetValue<string>());
        Assert.Equal("arri-meta-extract+quicktime-metadata", found["format"]!.GetValue<string>());
    }

    private static string? Source(ClipMetadata metadata, string field) => metadata.Vendor["Rushes:Source:" + field].AsText();
}
