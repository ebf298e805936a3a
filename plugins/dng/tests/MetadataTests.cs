using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Vendor and normalized metadata of a DNG written with known values.</summary>
public sealed class MetadataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Every_tag_and_the_normalized_fields_match_the_golden_file()
    {
        var path = _folder.Write("A001C001.dng", Fixtures.Camera());
        using var reader = Decoding.Open(path);

        var json = new JsonObject
        {
            ["normalized"] = MetadataJson.ToJson(reader.Metadata.Normalized),
            ["vendor"] = MetadataJson.ToJson(reader.Metadata.Vendor),
        };
        Golden.VerifyJson(json.ToJsonString(), "camera");
    }

    [Fact]
    public void Normalized_fields_carry_the_written_values_in_normalized_units()
    {
        var path = _folder.Write("A001C002.dng", Fixtures.Camera());
        using var reader = Decoding.Open(path);
        var n = reader.Metadata.Normalized;

        Assert.Equal("Rushes", n[NormalizedField.CameraMake].AsText());
        Assert.Equal("Test Camera", n[NormalizedField.CameraModel].AsText());
        Assert.Equal("RC-0042", n[NormalizedField.CameraSerial].AsText());
        Assert.Equal("A001", n[NormalizedField.Reel].AsText());
        Assert.Equal("A", n[NormalizedField.CameraLetter].AsText());
        Assert.Equal(Timecode.FromParts(10, 0, 0, 0, FrameRate.Fps24), n[NormalizedField.TimecodeIn].AsTimecode());
        Assert.Equal(new Rational(24, 1), n[NormalizedField.CaptureFrameRate].AsRational());
        Assert.Equal(800, n[NormalizedField.ExposureIndex].AsInteger());
        Assert.Equal(new Rational(1, 48), n[NormalizedField.ShutterTime].AsRational());
        Assert.Equal(2.8, n[NormalizedField.FStop].AsDouble()!.Value, 12);
        Assert.Equal(2.9, n[NormalizedField.TStop].AsDouble()!.Value, 12);
        Assert.Equal(35, n[NormalizedField.FocalLength].AsDouble());
        Assert.Equal("Prime 35mm T2.9", n[NormalizedField.LensModel].AsText());
        Assert.Equal("L-77", n[NormalizedField.LensSerial].AsText());
        Assert.Equal(32, n[NormalizedField.Width].AsInteger());
        Assert.Equal(24, n[NormalizedField.Height].AsInteger());
        Assert.InRange(n[NormalizedField.WhiteBalanceKelvin].AsDouble()!.Value, 2000, 12000);
        Assert.False(n[NormalizedField.RecordedAt].IsPresent);
        Assert.Contains("DateTimeOriginal", n[NormalizedField.RecordedAt].MissingReason, StringComparison.Ordinal);
        Assert.Equal(reader.Info.StartTimecode, n[NormalizedField.TimecodeIn].AsTimecode());
    }

    [Fact]
    public void Missing_fields_say_why()
    {
        var path = _folder.Write("bare.dng", new TestKit.DngFile { Width = 8, Height = 8, Samples = Fixtures.Samples(8, 8, 16), AsShotNeutral = null });
        using var reader = Decoding.Open(path);
        var n = reader.Metadata.Normalized;

        Assert.Equal("the file has no CinemaDNG ReelName tag", n[NormalizedField.Reel].MissingReason);
        Assert.Equal("the file has no CinemaDNG TimeCodes tag", n[NormalizedField.TimecodeIn].MissingReason);
        Assert.Equal("the file has no EXIF ISO", n[NormalizedField.ExposureIndex].MissingReason);
        Assert.Equal("the file has neither AsShotNeutral nor AsShotWhiteXY", n[NormalizedField.WhiteBalanceKelvin].MissingReason);
        Assert.Null(reader.Info.StartTimecode);
        Assert.Null(reader.Info.FrameRate);
    }

    [Fact]
    public void Drop_frame_timecode_at_29_97_is_read_with_its_flag()
    {
        var path = _folder.Write("df.dng", new TestKit.DngFile
        {
            Width = 8,
            Height = 8,
            Samples = Fixtures.Samples(8, 8, 16),
            TimeCode = (1, 2, 3, 4, true),
            FrameRate = (30000, 1001),
        });
        using var reader = Decoding.Open(path);

        Assert.Equal(Timecode.FromParts(1, 2, 3, 4, FrameRate.Fps29_97, dropFrame: true), reader.Info.StartTimecode);
        Assert.Equal("01:02:03;04", reader.Info.StartTimecode.ToString());
    }

    [Fact]
    public void The_XMP_packet_is_kept_whole()
    {
        var path = _folder.Write("xmp.dng", Fixtures.Camera());
        using var reader = Decoding.Open(path);

        Assert.Equal(Fixtures.Camera().Xmp, reader.Metadata.Vendor["XMP:Packet"].AsText());
    }

    public void Dispose() => _folder.Dispose();
}
