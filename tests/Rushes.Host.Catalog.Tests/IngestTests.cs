using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rushes.Contracts.Time;
using Rushes.Demo;
using Rushes.Host.Catalog.Ingest;
using Rushes.Host.Clips;
using Rushes.Host.Metadata;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Operations;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;
using Rushes.Testing;

namespace Rushes.Host.Catalog.Tests;

/// <summary>
/// Ingest of real cards: a CinemaDNG clip written by the demo card, the vendor metadata samples beside it, and one
/// corrupt sidecar, sealed with ASC MHL as a card arrives from set.
/// </summary>
public abstract partial class CatalogTests
{
    /// <summary>The camera-format plugins, published beside the tests (see the project file).</summary>
    internal static readonly string Plugins = Path.Combine(AppContext.BaseDirectory, "ingest-plugins");

    /// <summary>Each clip of the sample card, by name, and the format that reads it.</summary>
    private static readonly (string Name, string Format)[] CardClips =
    [
        ("A001C001_261206_R1DM", "dng"),
        ("B001C001_180327_R1ZA", "arri-meta-extract"),
        ("D001C005_210716AG", "sony-nrt-xml"),
        ("A001_C066_0303LZ", "red-printmeta"),
        ("A001C001", "canon-csv"),
        ("A001_04190112_C102", "bmd-raw-metadata"),
    ];

    private static readonly Lazy<PluginManager> Manager = new(() =>
        new PluginManager(Options.Create(new PluginOptions { IncludeBundled = false, Paths = [Plugins] }), new IsolatedPluginLoader(), NullLogger<PluginManager>.Instance));

    internal static CardIngest Ingest
    {
        get
        {
            var guard = new PluginGuard(NullLogger<PluginGuard>.Instance);
            var registry = new CameraFormatRegistry(Manager.Value, guard, NullLogger<CameraFormatRegistry>.Instance);
            return new CardIngest(new ClipInspector(new ClipDiscovery(registry, guard), guard));
        }
    }

    /// <summary>A sealed card: the demo's CinemaDNG clip, each vendor sample in its own folder, and a truncated Sony XML.</summary>
    internal static string SealedCard(string parent, bool withBadClip = true)
    {
        var card = Path.Combine(parent, "card-" + Guid.NewGuid().ToString("N")[..8]);
        DemoCard.Create(card, new DemoCardOptions { Width = 128, Height = 64, Frames = 3 });
        foreach (var vendor in new[] { "arri", "venice", "red", "canon", "bmd" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(card, vendor)).FullName;
            foreach (var file in Directory.GetFiles(ConformanceData.Path("metadata", vendor)).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        if (withBadClip)
        {
            var xml = File.ReadAllText(ConformanceData.Path("metadata", "venice", "D001C005_210716AGM01.xml"));
            File.WriteAllText(Path.Combine(card, "venice", "D001C009_210716AGM01.xml"), xml[..(xml.Length / 3)]);
        }

        // A second generation records the files added after the demo card's own seal.
        new MhlService().Create(card, new MhlCreateOptions { Authors = [new Author("catalog tests", Role: "Data Manager")] });
        return card;
    }

    [Fact]
    public async Task A_sealed_card_is_ingested_with_the_bad_clip_reported_and_the_others_stored()
    {
        var card = SealedCard(Temp);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog());

        var report = await Ingest.IngestAsync(card, catalog);

        Assert.Equal(CardClips.Order(), report.Clips.Select(c => (c.Name, c.Format)).Order());
        Assert.All(report.Clips, c => Assert.Equal(UpsertOutcome.Added, c.Outcome));
        var failure = Assert.Single(report.Failed);
        Assert.Equal(Path.Combine(card, "venice", "D001C009_210716AGM01.xml"), failure.File);
        Assert.Equal("sony-nrt-xml", failure.Format);
        Assert.False(string.IsNullOrWhiteSpace(failure.Reason));
        // Every file of the card: 3 DNG frames, 8 vendor files and the bad XML (its bytes are what was sealed).
        Assert.Equal(12, report.MhlVerifiedFiles);
        Assert.Equal(6, await catalog.CountAsync());

        var stored = await catalog.SearchAsync(new ClipQuery { Card = card });
        Assert.Equal(6, stored.Count);
        Assert.All(stored, r => Assert.Empty(ClipSchemaValidator.Validate(r.Document)));
        var demo = Assert.Single(await catalog.SearchAsync(new ClipQuery { Where = [FieldCondition.Parse("camera.serial=RDC-0001")] }));
        Assert.Equal("A001", demo.Reel);
        Assert.Equal("A", demo.CameraLetter);
        Assert.Equal("Rushes", demo.CameraMake);
        Assert.Equal("Demo Camera", demo.CameraModel);
        Assert.Equal("01:00:00:00", demo.TimecodeIn.ToString());
        Assert.Equal("01:00:00:02", demo.TimecodeOut.ToString());
        Assert.Equal(FrameRate.Fps24, demo.FrameRate);
        Assert.Equal(new FrameRange(0, 2), demo.Frames);
        Assert.Equal(Path.Combine(card, DemoCard.ClipName), demo.Path);
        Assert.Equal("A|Demo Camera|128x64|CinemaDNG lossless JPEG|1", demo.FormatKey);
        Assert.Equal(["A001C001_261206_R1DM"], (await catalog.FindByReelAndTimecodeAsync("A001", TimecodeRange.Parse("01:00:00:02"))).Select(r => r.Name));
    }

    [Fact]
    public async Task Re_ingesting_a_card_changes_nothing()
    {
        var card = SealedCard(Temp);
        var time = new ManualTime(Day1);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog(), time);
        await Ingest.IngestAsync(card, catalog);
        var before = await catalog.SearchAsync(new ClipQuery());

        time.Now = Day1.AddDays(1);
        var again = await Ingest.IngestAsync(card, catalog);
        var after = await catalog.SearchAsync(new ClipQuery());

        Assert.Equal(6, again.Unchanged);
        Assert.Equal(0, again.Added + again.Updated);
        Assert.Equal(before.Select(r => (r.Identity, r.ContentHash, r.UpdatedAt)), after.Select(r => (r.Identity, r.ContentHash, r.UpdatedAt)));
        Assert.All(after, r => Assert.Equal(Day1, r.UpdatedAt));
    }

    [Fact]
    public async Task A_tampered_card_is_refused_and_nothing_is_stored()
    {
        var card = SealedCard(Temp, withBadClip: false);
        var csv = Path.Combine(card, "arri", "B001C001_180327_R1ZA.mov.csv");
        var bytes = File.ReadAllBytes(csv);
        bytes[^2] ^= 0x01;
        File.WriteAllBytes(csv, bytes);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog());

        var error = await Assert.ThrowsAsync<IngestRefusedException>(() => Ingest.IngestAsync(card, catalog));

        Assert.Equal(IngestRefusal.Failed, error.Refusal);
        Assert.Contains("1 file(s) differ from their recorded hashes (arri/B001C001_180327_R1ZA.mov.csv)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await catalog.CountAsync());
    }

    [Fact]
    public async Task A_card_without_ascmhl_is_refused_unless_no_mhl()
    {
        var card = SealedCard(Temp, withBadClip: false);
        Directory.Delete(Path.Combine(card, "ascmhl"), recursive: true);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog());

        var error = await Assert.ThrowsAsync<IngestRefusedException>(() => Ingest.IngestAsync(card, catalog));
        Assert.Equal(IngestRefusal.NoHistory, error.Refusal);
        Assert.Equal(0, await catalog.CountAsync());

        var report = await Ingest.IngestAsync(card, catalog, new IngestOptions { VerifyMhl = false });
        Assert.Null(report.MhlVerifiedFiles);
        Assert.Equal(6, report.Added);
        Assert.Empty(report.Failed);
    }
}
