using System.Text.Json.Nodes;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Host.Metadata;

namespace Rushes.Host.Catalog.Tests;

/// <summary>Catalog entries built the way ingest builds them: a plugin's normalized fields through ClipDocumentV1.</summary>
public static class Clips
{
    public sealed record Spec(string Name, string? Reel, string? Letter, string Make, string Model, string Serial, string Timecode, FrameRate Rate,
        long Frames, long Iso, double Squeeze, string Codec, string SensorMode);

    public static readonly Spec A1 = new("A001C001", "A001", "A", "ARRI", "ALEXA 35", "10234", "01:00:00:00", FrameRate.Fps24, 48, 800, 2.0, "ARRIRAW", "4.6K 3:2 Open Gate");
    public static readonly Spec A2 = A1 with { Name = "A001C002", Timecode = "01:00:10:00", Frames = 24, Iso = 1600 };

    // 29.97 drop-frame across a minute whose first two labels are skipped: 00:00:59;28, ;29, then 00:01:00;02 on.
    public static readonly Spec B1 = new("B002C003", "B002", "B", "Sony", "VENICE 2", "50001", "00:00:59;28", FrameRate.Fps29_97, 10, 500, 1.0, "X-OCN XT", "8.6K 3:2");

    // 23.976 non-drop: 100 frames from 01:00:00:00 end at 01:00:04:03.
    public static readonly Spec C1 = new("C003C004", "C003", "C", "RED", "V-RAPTOR", "130-AB1", "01:00:00:00", FrameRate.Fps23_976, 100, 800, 1.0, "REDCODE HQ", "8K 17:9");

    // No camera letter: its format card says Missing, never a guess.
    public static readonly Spec D1 = C1 with { Name = "C003C005", Letter = null, Timecode = "02:00:00:00" };

    public static JsonObject Document(Spec spec)
    {
        var set = MetadataSet.Create()
            .Set(NormalizedField.ClipName, MetadataValue.Of(spec.Name))
            .Set(NormalizedField.CameraMake, MetadataValue.Of(spec.Make))
            .Set(NormalizedField.CameraModel, MetadataValue.Of(spec.Model))
            .Set(NormalizedField.CameraSerial, MetadataValue.Of(spec.Serial))
            .Set(NormalizedField.TimecodeIn, MetadataValue.Of(Contracts.Time.Timecode.Parse(spec.Timecode, spec.Rate)))
            .Set(NormalizedField.FrameCount, MetadataValue.Of(spec.Frames, MetadataUnit.None))
            .Set(NormalizedField.CaptureFrameRate, MetadataValue.Of(spec.Rate.AsRational, MetadataUnit.FramesPerSecond))
            .Set(NormalizedField.ExposureIndex, MetadataValue.Of(spec.Iso, MetadataUnit.Iso))
            .Set(NormalizedField.Squeeze, MetadataValue.Of(spec.Squeeze, MetadataUnit.None))
            .Set(NormalizedField.Codec, MetadataValue.Of(spec.Codec))
            .Set(NormalizedField.SensorMode, MetadataValue.Of(spec.SensorMode));
        if (spec.Reel is { } reel)
        {
            set.Set(NormalizedField.Reel, MetadataValue.Of(reel));
        }

        if (spec.Letter is { } letter)
        {
            set.Set(NormalizedField.CameraLetter, MetadataValue.Of(letter));
        }

        var document = ClipDocumentV1.Build(new ClipMetadata { Vendor = MetadataSet.Empty, Normalized = set.Build() }, spec.Name + ".mov");
        Assert.Empty(ClipSchemaValidator.Validate(document));
        return document;
    }

    public static CatalogEntry Entry(Spec spec, string card = "/cards/day1")
        => CatalogEntry.Create(Document(spec), Path.Combine(card, spec.Name + ".mov"), spec.Name, "test-format", new FrameRange(0, spec.Frames - 1), card);
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
