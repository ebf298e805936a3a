using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Mlv;

/// <summary>Maps an MLV recording's blocks to vendor and normalized metadata.</summary>
internal static class MlvReader
{
    /// <summary>LENS focalDist 65535 means focused at infinity (mlv.h).</summary>
    private const int FocusAtInfinity = 65535;

    /// <summary>WBAL wb_mode 9 is WB_KELVIN: only then is the kelvin field the setting (mlv.h).</summary>
    private const uint WhiteBalanceKelvinMode = 9;

    public static VendorClip Read(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var mlv = MlvBlockReader.Read(files, cancellationToken);
        var first = files[0];
        if (mlv.VideoFrames == 0)
        {
            throw new InputException($"{Path.GetFileName(first)} has no VIDF frame blocks: the recording holds no video.", first, "VIDF", "at least one video frame block");
        }

        var h = mlv.Header;
        FrameRate? rate = h.FpsNumerator > 0 && h.FpsDenominator > 0 ? new FrameRate(h.FpsNumerator, h.FpsDenominator) : null;
        var diagnostics = Diagnostics(mlv, files);
        var n = new NormalizedBuilder();
        n.Text(F.ClipName, Path.GetFileNameWithoutExtension(first), string.Empty)
            .Text(Keys.FileName, Path.GetFileName(first), string.Empty)
            .Missing(F.Reel, "MLV has no reel name")
            .Missing(F.Scene, "MLV has no scene")
            .Missing(F.Take, "MLV has no take")
            .Missing(F.CameraLetter, "MLV has no camera letter")
            .Integer(F.FrameCount, mlv.VideoFrames, MetadataUnit.None, string.Empty)
            // sourceFpsNom / sourceFpsDenom, kept exact as recorded (23976/1000 is not snapped to 24000/1001).
            .Rational(F.CaptureFrameRate, rate?.AsRational, MetadataUnit.FramesPerSecond, $"the MLVI header's frame rate {h.FpsNumerator}/{h.FpsDenominator} is not a rate")
            .Missing(F.ProjectFrameRate, "MLV records the sensor's frame rate only")
            .Missing(F.TimecodeIn, "MLV records no timecode")
            .Text(F.Codec, Codec(h.VideoClass, mlv.Raw), string.Empty)
            .Missing(F.SensorMode, "MLV names no sensor mode (RAWC gives binning and skipping, not a mode name)")
            .Value(F.RecordedAt, RecordedAt(mlv.Clock))
            // Magic Lantern runs on Canon EOS cameras only.
            .Text(F.CameraMake, "Canon", string.Empty)
            .Text(F.CameraModel, mlv.Identity?.Name, "the recording has no IDNT block, or its camera name is empty")
            .Text(F.CameraSerial, mlv.Identity?.Serial, "the IDNT block's camera serial is empty")
            .Missing(F.CameraFirmware, "MLV records the Magic Lantern build, not the camera's firmware")
            .Integer(F.Width, mlv.Raw?.XResolution, MetadataUnit.Pixel, "the recording has no RAWI block")
            .Integer(F.Height, mlv.Raw?.YResolution, MetadataUnit.Pixel, "the recording has no RAWI block")
            .Missing(Keys.ActiveWidth, "RAWI's active area is the sensor buffer's, not the recorded frame's")
            .Missing(Keys.ActiveHeight, "RAWI's active area is the sensor buffer's, not the recorded frame's")
            .Missing(F.LensMake, "MLV's LENS block names the lens, not its maker")
            .Text(F.LensModel, mlv.Lens?.Name, "the recording has no LENS block, or its lens name is empty")
            .Text(F.LensSerial, mlv.Lens?.Serial, "the LENS block's lens serial is empty")
            .Missing(F.Squeeze, "MLV records no anamorphic squeeze")
            .Number(F.FocalLength, mlv.Lens is { FocalLength: > 0 } lens ? lens.FocalLength : null, MetadataUnit.Millimetre, "the LENS block reports no focal length (a manual lens)")
            .Missing(F.TStop, "Canon lenses report an f-number")
            // LENS aperture is the f-number × 100 (mlv.h): 280 is f/2.8.
            .Number(F.FStop, mlv.Lens is { Aperture: > 0 } ap ? ap.Aperture / 100.0 : null, MetadataUnit.FNumber, "the LENS block reports no aperture (a manual lens)")
            .Value(F.FocusDistance, Focus(mlv.Lens))
            .Integer(F.ExposureIndex, mlv.Exposure is { Iso: > 0 } iso ? iso.Iso : null, MetadataUnit.Iso, "the recording has no EXPO block")
            .Number(F.ShutterAngle, ShutterAngle(mlv.Exposure, rate), MetadataUnit.Degree, "needs EXPO's shutter time and the frame rate")
            // EXPO shutterValue is in microseconds (mlv.h).
            .Rational(F.ShutterTime, mlv.Exposure is { ShutterMicroseconds: > 0 and <= long.MaxValue } s ? new Rational((long)s.ShutterMicroseconds.Value, 1_000_000) : null,
                MetadataUnit.Second, "the recording has no EXPO shutter time")
            .Missing(F.NeutralDensity, "Canon EOS cameras have no internal ND filter")
            .Value(F.WhiteBalanceKelvin, Kelvin(mlv.WhiteBalance))
            .Missing(F.WhiteBalanceTint, "WBAL's green-magenta shift is in Canon steps (-9 to 9), not a tint")
            .Missing(F.ColourGamma, "camera raw: MLV records linear sensor values, no encoding")
            .Missing(F.ColourGamut, "camera raw: the camera's colour follows from RAWI's colour matrix at debayer")
            .Missing(F.InputTransformId, "camera raw has no ACES input transform; it is developed from the raw data")
            .Missing(F.Look, "MLV records no look")
            .Missing(Keys.Lut, "MLV records no LUT")
            .Missing(Keys.Cdl, "MLV records no CDL");

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, mlv.VideoFrames - 1),
            Width = mlv.Raw?.XResolution ?? 0,
            Height = mlv.Raw?.YResolution ?? 0,
            FrameRate = rate,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = Vendor(mlv), Normalized = n.Build() }, Diagnostics = diagnostics };
    }

    /// <summary>videoClass (mlv.h): 1 RAW, 2 YUV, 3 JPEG, 4 H.264 in the low bits; 0x20 LJ92, 0x40 delta, 0x80 LZMA flags.</summary>
    private static string Codec(int videoClass, MlvRawInfo? raw)
    {
        var name = (videoClass & 0x0F) switch
        {
            1 => (videoClass & 0x20) != 0 ? "MLV raw LJ92" : "MLV raw",
            2 => "MLV YUV",
            3 => "MLV JPEG",
            4 => "MLV H.264",
            _ => $"MLV video class 0x{videoClass:X}",
        };
        return (videoClass & 0x0F) == 1 && raw is { BitsPerPixel: > 0 } ? $"{name} {raw.BitsPerPixel}-bit" : name;
    }

    /// <summary>RTCI is the camera's local clock (struct tm: month 0-11, year since 1900); MLV keeps no reliable offset.</summary>
    private static MetadataValue RecordedAt(MlvClock? clock)
    {
        if (clock is null)
        {
            return MetadataValue.Missing("the recording has no RTCI block");
        }

        try
        {
            var at = new DateTime(clock.Year + 1900, clock.Month + 1, clock.Day, clock.Hour, clock.Minute, clock.Second, DateTimeKind.Unspecified);
            return MetadataValue.Of(at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        }
        catch (ArgumentOutOfRangeException)
        {
            return MetadataValue.Missing($"the RTCI block's date {clock.Year + 1900}-{clock.Month + 1}-{clock.Day} {clock.Hour}:{clock.Minute}:{clock.Second} is not a date");
        }
    }

    private static MetadataValue Focus(MlvLens? lens) => lens switch
    {
        null => MetadataValue.Missing("the recording has no LENS block"),
        { FocusDistance: FocusAtInfinity } => MetadataValue.Missing("the LENS block says the focus is at infinity (65535)"),
        { FocusDistance: > 0 } => MetadataValue.Of(lens.FocusDistance / 1000.0, MetadataUnit.Metre),
        _ => MetadataValue.Missing("the LENS block reports no focus distance"),
    };

    /// <summary>The share of the frame period the shutter was open: angle = time × fps × 360.</summary>
    private static double? ShutterAngle(MlvExposure? exposure, FrameRate? rate)
        => exposure is { ShutterMicroseconds: > 0 } e && rate is { } r
            ? (double)e.ShutterMicroseconds.Value * r.Numerator * 360 / (r.Denominator * 1_000_000.0)
            : null;

    private static MetadataValue Kelvin(MlvWhiteBalance? wb) => wb switch
    {
        null => MetadataValue.Missing("the recording has no WBAL block"),
        { Mode: WhiteBalanceKelvinMode, Kelvin: > 0 } => MetadataValue.Of((double)wb.Kelvin, MetadataUnit.Kelvin),
        _ => MetadataValue.Missing($"the white balance mode is {WhiteBalanceMode(wb.Mode)}, which records no Kelvin"),
    };

    /// <summary>wb_mode (mlv.h): 0 auto, 1 sunny, 2 cloudy, 3 tungsten, 4 fluorescent, 5 flash, 6 custom, 8 shade, 9 Kelvin.</summary>
    private static string WhiteBalanceMode(uint mode) => mode switch
    {
        0 => "auto (0)",
        1 => "sunny (1)",
        2 => "cloudy (2)",
        3 => "tungsten (3)",
        4 => "fluorescent (4)",
        5 => "flash (5)",
        6 => "custom (6)",
        8 => "shade (8)",
        9 => "Kelvin (9)",
        _ => $"unknown ({mode})",
    };

    private static List<Diagnostic> Diagnostics(MlvRecording mlv, IReadOnlyList<string> files)
    {
        var list = new List<Diagnostic>();
        var declared = mlv.Chunks.Sum(c => (long)c.VideoFrameCount);
        if (declared != mlv.VideoFrames)
        {
            // The camera writes the count when recording stops; a card pulled mid-take leaves 0.
            list.Add(Diagnostic.Warning($"The MLVI headers declare {declared} video frames, but the chunks hold {mlv.VideoFrames} VIDF blocks; the blocks are counted.",
                files[0], "videoFrameCount", $"{mlv.VideoFrames}"));
        }

        if (mlv.Header.FileCount > 0 && mlv.Header.FileCount != files.Count)
        {
            list.Add(Diagnostic.Warning($"The MLVI header says the recording has {mlv.Header.FileCount} chunks, but {files.Count} were found.", files[0], "fileCount", $"{files.Count}"));
        }

        for (var i = 0; i < mlv.Chunks.Count; i++)
        {
            if (mlv.Chunks[i].FileNumber != i)
            {
                list.Add(Diagnostic.Warning($"{Path.GetFileName(files[i])} says it is chunk {mlv.Chunks[i].FileNumber}, but it is chunk {i} by name.", files[i], "fileNum", $"{i}"));
            }
        }

        return list;
    }

    private static MetadataSet Vendor(MlvRecording mlv)
    {
        var v = MetadataSet.Create();
        void Text(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                v.Set("MLV:" + key, MetadataValue.Of(value));
            }
        }

        void Int(string key, long value) => v.Set("MLV:" + key, MetadataValue.Of(value, MetadataUnit.None));
        var h = mlv.Header;
        Text("MLVI.versionString", h.Version);
        Text("MLVI.fileGuid", $"0x{h.Guid:X16}");
        Int("MLVI.fileCount", h.FileCount);
        Int("MLVI.fileFlags", h.Flags);
        Int("MLVI.videoClass", h.VideoClass);
        Int("MLVI.audioClass", h.AudioClass);
        Int("MLVI.videoFrameCount", mlv.Chunks.Sum(c => (long)c.VideoFrameCount));
        Int("MLVI.audioFrameCount", mlv.Chunks.Sum(c => (long)c.AudioFrameCount));
        Int("MLVI.sourceFpsNom", h.FpsNumerator);
        Int("MLVI.sourceFpsDenom", h.FpsDenominator);
        Int("chunks", mlv.Chunks.Count);
        Int("VIDF.count", mlv.VideoFrames);
        Int("AUDF.count", mlv.AudioFrames);
        if (mlv.Raw is { } r)
        {
            Int("RAWI.xRes", r.XResolution);
            Int("RAWI.yRes", r.YResolution);
            Int("RAWI.raw_info.width", r.RawWidth);
            Int("RAWI.raw_info.height", r.RawHeight);
            Int("RAWI.raw_info.bits_per_pixel", r.BitsPerPixel);
            Int("RAWI.raw_info.black_level", r.BlackLevel);
            Int("RAWI.raw_info.white_level", r.WhiteLevel);
            Text("RAWI.raw_info.active_area", $"{r.ActiveTop} {r.ActiveLeft} {r.ActiveBottom} {r.ActiveRight}");
            Text("RAWI.raw_info.cfa_pattern", $"0x{r.CfaPattern:X8}");
            Int("RAWI.raw_info.dynamic_range", r.DynamicRange);
        }

        if (mlv.Identity is { } id)
        {
            Text("IDNT.cameraName", id.Name);
            Text("IDNT.cameraModel", $"0x{id.Model:X8}");
            Text("IDNT.cameraSerial", id.Serial);
        }

        if (mlv.Exposure is { } e)
        {
            Int("EXPO.isoMode", e.IsoMode);
            Int("EXPO.isoValue", e.Iso);
            Int("EXPO.isoAnalog", e.IsoAnalog);
            Int("EXPO.digitalGain", e.DigitalGain);
            if (e.ShutterMicroseconds is { } us && us <= long.MaxValue)
            {
                Int("EXPO.shutterValue", (long)us);
            }
        }

        if (mlv.Lens is { } l)
        {
            Int("LENS.focalLength", l.FocalLength);
            Int("LENS.focalDist", l.FocusDistance);
            Int("LENS.aperture", l.Aperture);
            Int("LENS.stabilizerMode", l.Stabilizer);
            Int("LENS.autofocusMode", l.Autofocus);
            Text("LENS.lensID", $"0x{l.LensId:X8}");
            Text("LENS.lensName", l.Name);
            Text("LENS.lensSerial", l.Serial);
        }

        if (mlv.WhiteBalance is { } w)
        {
            Int("WBAL.wb_mode", w.Mode);
            Int("WBAL.kelvin", w.Kelvin);
            Text("WBAL.wbgain", $"{w.GainR} {w.GainG} {w.GainB}");
            Text("WBAL.wbs", $"{w.ShiftGreenMagenta} {w.ShiftBlueAmber}");
        }

        if (mlv.Clock is { } c)
        {
            Text("RTCI.tm_zone", c.Zone);
        }

        Text("INFO", mlv.Info);
        foreach (var (type, count) in mlv.OtherBlocks.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Int($"{type}.count", count);
        }

        return v.Build();
    }
}
