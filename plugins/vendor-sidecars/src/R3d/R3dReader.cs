using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;
using T = Rushes.Plugins.VendorSidecars.R3d.R3dTags;

namespace Rushes.Plugins.VendorSidecars.R3d;

/// <summary>Maps the header of a clip's first R3D file to vendor and normalized metadata.</summary>
internal static partial class R3dReader
{
    private const string NoPublicTag = "the R3D header's tag for it is not public (exiftool's Red.pm, the only public description, names none); REDline --printMeta gives it";

    public static VendorClip Read(IReadOnlyList<string> files)
    {
        var file = files[0];
        var r = R3dHeader.Read(file);
        var projectFps = r.FrameRate;
        FrameRate? rate = projectFps is { Numerator: > 0 } p ? new FrameRate(p.Numerator, p.Denominator) : null;
        // OriginalFrameRate is a float32: 23.976 is snapped to 24000/1001 (within 0.01), whole rates stay whole.
        Rational? captureFps = r.Number(T.OriginalFrameRate) is > 0 and < 10_000 and var fps ? Contracts.Time.FrameRate.FromDouble(fps).AsRational : null;
        var diagnostics = new List<Diagnostic>();
        var start = StartTimecode(r, rate, file, diagnostics);
        var originalName = r.Text(T.OriginalFileName);
        long? width = r.Width > 0 ? r.Width : null;
        long? height = r.Height > 0 ? r.Height : null;
        var n = new NormalizedBuilder();
        n.Text(F.ClipName, ClipName(originalName ?? Path.GetFileName(file)), string.Empty)
            .Text(Keys.FileName, Path.GetFileName(file), string.Empty)
            .Text(F.Reel, r.Text(T.ReelNumber), "the R3D header has no ReelNumber")
            .Missing(F.Scene, NoPublicTag)
            .Text(F.Take, r.Text(T.Take), "the R3D header has no Take")
            .Missing(F.CameraLetter, NoPublicTag)
            .Missing(F.FrameCount, "the R3D header does not count the frames (they are indexed per file; REDline --printMeta gives the count)")
            .Rational(F.CaptureFrameRate, captureFps, MetadataUnit.FramesPerSecond, "the R3D header has no OriginalFrameRate")
            .Rational(F.ProjectFrameRate, projectFps, MetadataUnit.FramesPerSecond, $"the RED{r.Version} header's frame rate is zero")
            .Timecode(F.TimecodeIn, start, "the R3D header has no StartTimecode, or no frame rate to count it at")
            // The header names the codec family only; the REDCODE compression setting is not in its public tags.
            .Text(F.Codec, "REDCODE", string.Empty)
            .Value(F.RecordedAt, RecordedAt(r))
            // Only RED cameras write R3D.
            .Text(F.CameraMake, "RED", string.Empty)
            .Text(F.CameraModel, r.Text(T.Model), "the R3D header has no Model")
            .Text(F.CameraSerial, r.Text(T.SerialNumber), "the R3D header has no SerialNumber")
            .Text(F.CameraFirmware, r.Text(T.FirmwareVersion), "the R3D header has no FirmwareVersion")
            .Missing(F.SensorMode, $"the R3D header names the sensor ({r.Text(T.Sensor) ?? "none"}), not the recording format")
            .Integer(F.Width, width, MetadataUnit.Pixel, "the R3D header's width is zero")
            .Integer(F.Height, height, MetadataUnit.Pixel, "the R3D header's height is zero")
            .Missing(Keys.ActiveWidth, "the R3D header gives the recorded frame only")
            .Missing(Keys.ActiveHeight, "the R3D header gives the recorded frame only")
            .Text(F.LensMake, r.Text(T.LensMake), "the R3D header has no LensMake")
            .Text(F.LensModel, r.Text(T.LensModel), "the R3D header has no LensModel")
            .Missing(F.LensSerial, "the R3D header's LensNumber is a lens type code, not a serial")
            .Missing(F.Squeeze, NoPublicTag)
            .Number(F.FocalLength, r.Number(T.FocalLength) is > 0 and var focal ? focal : null, MetadataUnit.Millimetre, "the R3D header has no FocalLength (a lens without electronics)")
            .Missing(F.TStop, "the R3D header gives the aperture as an f-number")
            // FNumber is stored ×10 (exiftool Red.pm: $val / 10).
            .Number(F.FStop, r.Number(T.FNumber) is > 0 and var f ? f / 10 : null, MetadataUnit.FNumber, "the R3D header has no FNumber")
            // FocusDistance is in mm (exiftool Red.pm: $val / 1000, in m).
            .Number(F.FocusDistance, r.Number(T.FocusDistance) is > 0 and var mm ? mm / 1000 : null, MetadataUnit.Metre, "the R3D header has no FocusDistance")
            .Integer(F.ExposureIndex, r.Number(T.Iso) is > 0 and var iso ? (long)iso : null, MetadataUnit.Iso, "the R3D header has no ISO")
            .Missing(F.ShutterAngle, NoPublicTag)
            .Missing(F.ShutterTime, NoPublicTag)
            .Missing(F.NeutralDensity, NoPublicTag)
            .Number(F.WhiteBalanceKelvin, r.Number(T.ColorTemperature) is > 0 and var k ? Math.Round(k, 3) : null, MetadataUnit.Kelvin, "the R3D header has no ColorTemperature")
            .Missing(F.WhiteBalanceTint, NoPublicTag)
            .Missing(F.ColourGamma, NoPublicTag)
            .Missing(F.ColourGamut, NoPublicTag)
            .Missing(F.InputTransformId, "needs the named gamma and gamut")
            .Missing(F.Look, NoPublicTag)
            .Missing(Keys.Lut, NoPublicTag)
            .Missing(Keys.Cdl, NoPublicTag);

        var vendor = MetadataSet.Create();
        vendor.Set("RED:Version", MetadataValue.Of($"RED{r.Version}"));
        vendor.Set("RED:ImageWidth", MetadataValue.Of(r.Width, MetadataUnit.Pixel));
        vendor.Set("RED:ImageHeight", MetadataValue.Of(r.Height, MetadataUnit.Pixel));
        if (projectFps is { } fr)
        {
            vendor.Set("RED:FrameRate", MetadataValue.Of(fr, MetadataUnit.FramesPerSecond));
        }

        vendor.Set("RED:Files", MetadataValue.Of(files.Count, MetadataUnit.None));
        foreach (var (tag, value) in r.Tags.OrderBy(t => t.Key))
        {
            vendor.Set("RED:" + T.NameOf(tag), MetadataValue.Of(value.ToString()));
        }

        var info = new ClipInfo
        {
            // The frame count is not in the header: the clip is known by its first frame only.
            Frames = new FrameRange(0, 0),
            Width = (int)Math.Min(width ?? 0, int.MaxValue),
            Height = (int)Math.Min(height ?? 0, int.MaxValue),
            FrameRate = rate,
            StartTimecode = start,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Diagnostics = diagnostics };
    }

    private static Timecode? StartTimecode(R3dHeader r, FrameRate? rate, string file, List<Diagnostic> diagnostics)
    {
        if (r.Text(T.StartTimecode) is not { } text || rate is not { } fps)
        {
            return null;
        }

        if (Timecode.TryParse(text, fps, out var tc, out var error))
        {
            return tc;
        }

        diagnostics.Add(Diagnostic.Warning($"The R3D header's StartTimecode '{text}' is not a timecode at {fps.Numerator}/{fps.Denominator} fps: {error}", file, "StartTimecode", "HH:MM:SS:FF"));
        return null;
    }

    /// <summary>"A001_C066_0303LZ_001.R3D": the clip is the name less its span index and extension.</summary>
    private static string ClipName(string fileName) => SpanSuffix().Replace(fileName, string.Empty);

    /// <summary>DateTimeOriginal "yyyyMMddHHmmss", else DateCreated "yyyyMMdd" + TimeCreated "HHmmss": the camera's local clock, no zone.</summary>
    private static MetadataValue RecordedAt(R3dHeader r)
    {
        var text = r.Text(T.DateTimeOriginal) ?? (r.Text(T.DateCreated) is { } d && r.Text(T.TimeCreated) is { } t ? d + t : null);
        return text is not null && DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? MetadataValue.Of(at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            : MetadataValue.Missing(text is null ? "the R3D header has no DateTimeOriginal or DateCreated/TimeCreated" : $"the R3D header's date '{text}' is not yyyyMMddHHmmss");
    }

    [GeneratedRegex(@"(_\d{3})?\.[Rr]3[Dd]$")]
    private static partial Regex SpanSuffix();
}
