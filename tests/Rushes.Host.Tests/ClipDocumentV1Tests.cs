using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Host.Metadata;

namespace Rushes.Host.Tests;

/// <summary>How the v1 document is built from a plugin's normalized fields.</summary>
public sealed class ClipDocumentV1Tests
{
    [Fact]
    public void An_empty_set_gives_every_field_missing_with_a_reason_and_is_valid()
    {
        var document = ClipDocumentV1.Build(ClipMetadata.Empty);
        Assert.Empty(ClipSchemaValidator.Validate(document));
        foreach (var field in ClipSchemaV1.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(document[field.Group]![field.Name]!["missing"]!.GetValue<string>()), field.Key);
        }

        Assert.Equal("Missing|Missing|Missing|Missing|Missing", document["format_key"]!["value"]!.GetValue<string>());
        Assert.False(document["format_key"]!["complete"]!.GetValue<bool>());
    }

    [Fact]
    public void Wrong_units_and_kinds_are_missing_with_why_never_converted()
    {
        var set = MetadataSet.Create()
            .Set(NormalizedField.FocalLength, MetadataValue.Of(1.5, new MetadataUnit("in")))
            .Set(NormalizedField.ExposureIndex, MetadataValue.Of(800.0, MetadataUnit.Iso))
            .Set(NormalizedField.Width, MetadataValue.Of(1920.5, MetadataUnit.Pixel))
            .Set(NormalizedField.CameraModel, MetadataValue.Of("  "))
            .Build();
        var document = ClipDocumentV1.Build(new ClipMetadata { Vendor = MetadataSet.Empty, Normalized = set });

        Assert.Empty(ClipSchemaValidator.Validate(document));
        Assert.Contains("'in' where the schema wants 'mm'", document["lens"]!["focal_length"]!["missing"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(800, document["exposure"]!["iso"]!["value"]!.GetValue<long>());           // an integral number is a whole number
        Assert.Contains("a whole number", document["image"]!["width"]!["missing"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(document["camera"]!["model"]!["missing"]);
    }

    [Fact]
    public void Timecode_out_and_duration_follow_from_the_start_the_count_and_the_rate()
    {
        var rate = FrameRate.Fps29_97;
        var set = MetadataSet.Create()
            .Set(NormalizedField.TimecodeIn, MetadataValue.Of(Timecode.Parse("00:59:59;28", rate)))
            .Set(NormalizedField.FrameCount, MetadataValue.Of(4, MetadataUnit.None))
            .Set(NormalizedField.CaptureFrameRate, MetadataValue.Of(rate.AsRational, MetadataUnit.FramesPerSecond))
            .Build();
        var document = ClipDocumentV1.Build(new ClipMetadata { Vendor = MetadataSet.Empty, Normalized = set }, "A001C001.mov");

        Assert.Empty(ClipSchemaValidator.Validate(document));
        // Four frames: 00:59:59;28, ;29, then 01:00:00;00 and ;01 (minute 0 of the hour drops no labels).
        Assert.Equal("01:00:00;01", document["timecode"]!["out"]!["value"]!.GetValue<string>());
        Assert.True(document["timecode"]!["out"]!["drop_frame"]!.GetValue<bool>());
        // 4 frames / (30000/1001 fps) = 4004/30000 s = 1001/7500 s.
        Assert.Equal(1001, document["clip"]!["duration"]!["value"]!["num"]!.GetValue<long>());
        Assert.Equal(7500, document["clip"]!["duration"]!["value"]!["denom"]!.GetValue<long>());
        Assert.Equal("A001C001.mov", document["clip"]!["file_name"]!["value"]!.GetValue<string>());
    }
}
