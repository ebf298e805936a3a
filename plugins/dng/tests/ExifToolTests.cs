using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.Metadata;
using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>exiftool, the independent reference for tags, reads our fixtures' metadata as we do.</summary>
public sealed class ExifToolTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(false, DngCompression.Uncompressed)]
    [InlineData(true, DngCompression.LosslessJpeg)]
    public void Exiftool_reads_the_same_tags(bool bigEndian, DngCompression compression)
    {
        var dng = Fixtures.Camera(compression: compression);
        var path = _folder.Write($"tags-{bigEndian}.dng", new DngFile
        {
            Width = dng.Width,
            Height = dng.Height,
            Samples = dng.Samples,
            Compression = compression,
            TileWidth = compression == DngCompression.LosslessJpeg ? 16 : 0,
            TileHeight = compression == DngCompression.LosslessJpeg ? 16 : 0,
            BigEndian = bigEndian,
            BlackLevel = dng.BlackLevel,
            ColorMatrix1 = dng.ColorMatrix1,
            ColorMatrix2 = dng.ColorMatrix2,
            AsShotNeutral = dng.AsShotNeutral,
            BaselineExposure = dng.BaselineExposure,
            CameraSerialNumber = dng.CameraSerialNumber,
            Iso = dng.Iso,
            ExposureTime = dng.ExposureTime,
            FNumber = dng.FNumber,
            FocalLength = dng.FocalLength,
            LensModel = dng.LensModel,
            LensSerialNumber = dng.LensSerialNumber,
            TimeCode = (23, 59, 58, 23, false),
            FrameRate = (24000, 1001),
            TStop = dng.TStop,
            ReelName = dng.ReelName,
            CameraLabel = dng.CameraLabel,
        });
        var numeric = (JsonObject)JsonNode.Parse(ReferenceTool.Run("exiftool", ["-j", "-n", path]).EnsureSuccess("exiftool -j -n").StandardOutput)![0]!;
        var printed = (JsonObject)JsonNode.Parse(ReferenceTool.Run("exiftool", ["-j", path]).EnsureSuccess("exiftool -j").StandardOutput)![0]!;
        using var reader = Decoding.Open(path);
        var vendor = reader.Metadata.Vendor;
        var normalized = reader.Metadata.Normalized;

        Assert.Equal(numeric["Make"]!.GetValue<string>(), normalized[NormalizedField.CameraMake].AsText());
        Assert.Equal(numeric["Model"]!.GetValue<string>(), normalized[NormalizedField.CameraModel].AsText());
        Assert.Equal(numeric["CameraSerialNumber"]!.GetValue<string>(), normalized[NormalizedField.CameraSerial].AsText());
        Assert.Equal(numeric["ReelName"]!.GetValue<string>(), normalized[NormalizedField.Reel].AsText());
        Assert.Equal(numeric["CameraLabel"]!.GetValue<string>(), normalized[NormalizedField.CameraLetter].AsText());
        Assert.Equal(numeric["LensModel"]!.GetValue<string>(), normalized[NormalizedField.LensModel].AsText());
        Assert.Equal(numeric["ISO"]!.GetValue<long>(), normalized[NormalizedField.ExposureIndex].AsInteger());
        Assert.Equal(numeric["ExposureTime"]!.GetValue<double>(), normalized[NormalizedField.ShutterTime].AsDouble()!.Value, 9);
        Assert.Equal(numeric["FNumber"]!.GetValue<double>(), normalized[NormalizedField.FStop].AsDouble()!.Value, 9);
        Assert.Equal(numeric["TStop"]!.GetValue<double>(), normalized[NormalizedField.TStop].AsDouble()!.Value, 9);
        Assert.Equal(numeric["FocalLength"]!.GetValue<double>(), normalized[NormalizedField.FocalLength].AsDouble()!.Value, 9);
        Assert.Equal(numeric["FrameRate"]!.GetValue<double>(), normalized[NormalizedField.CaptureFrameRate].AsDouble()!.Value, 6);
        Assert.Equal(numeric["DNGVersion"]!.GetValue<string>(), Numbers(vendor["DNG:DNGVersion"]));
        Assert.Equal(numeric["ColorMatrix1"]!.GetValue<string>(), Numbers(vendor["DNG:ColorMatrix1"]));
        Assert.Equal(numeric["ColorMatrix2"]!.GetValue<string>(), Numbers(vendor["DNG:ColorMatrix2"]));
        Assert.Equal(numeric["AsShotNeutral"]!.GetValue<string>(), Numbers(vendor["DNG:AsShotNeutral"]));
        Assert.Equal(numeric["BaselineExposure"]!.GetValue<double>(), vendor["DNG:BaselineExposure"].AsDouble());
        Assert.Equal(numeric["BlackLevel"]!.GetValue<double>(), vendor["DNG:Raw.BlackLevel"].AsDouble());
        Assert.Equal(numeric["WhiteLevel"]!.GetValue<double>(), vendor["DNG:Raw.WhiteLevel"].AsDouble());
        Assert.Equal(numeric["ImageWidth"]!.GetValue<long>(), vendor["TIFF:Raw.ImageWidth"].AsInteger());
        Assert.Equal(numeric["Compression"]!.GetValue<long>(), vendor["TIFF:Raw.Compression"].AsInteger());
        // exiftool prints CinemaDNG TimeCodes as HH:MM:SS.FF.
        var timecode = normalized[NormalizedField.TimecodeIn].AsTimecode()!.Value;
        Assert.Equal(printed["TimeCodes"]!.GetValue<string>(), string.Create(CultureInfo.InvariantCulture, $"{timecode.Hours:00}:{timecode.Minutes:00}:{timecode.Seconds:00}.{timecode.Frames:00}"));
        Assert.Equal("23:59:58:23", timecode.ToString());
    }

    private static string Numbers(MetadataValue value)
        => string.Join(' ', value.AsNumberList()!.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public void Dispose() => _folder.Dispose();
}
