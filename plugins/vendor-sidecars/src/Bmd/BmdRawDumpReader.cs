using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Bmd;

/// <summary>
/// Maps the Blackmagic RAW metadata dump to vendor, normalized and per-frame metadata. Keys and value formats are
/// those of the SDK (camera-formats.md §1.4; camdkit bmd/reader.py): "48,1," rates, "180°" angles, "T2.3" apertures,
/// "50mm" and "991mm" lengths.
/// </summary>
internal static partial class BmdRawDumpReader
{
    public static VendorClip Read(string file, string? mediaFile)
    {
        var (clip, frameSections) = Parse(file);
        string? Get(string key) => clip.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        if (Get("camera_type") is null && Get("manufacturer") is null)
        {
            throw new InputException($"{Path.GetFileName(file)}'s Clip Metadata has neither camera_type nor manufacturer.", file, "camera_type", "the SDK's clip keys");
        }

        var frame0 = frameSections.Count > 0 ? frameSections[0].Values : new Dictionary<string, string>();
        string? Frame0(string key) => frame0.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        Rational? captureFps = SensorRate(Frame0("sensor_rate"));
        // format_frame_rate is 16.16 fixed point: 1572864 / 65536 is 24 exactly (read from this sample: the SDK
        // documents the key, not its encoding, so any other value that is not a whole multiple of 1/65536 is refused).
        Rational? projectFps = Get("format_frame_rate") is { } ffr && Units.TryInteger(ffr, out var fixedPoint) && fixedPoint > 0 ? new Rational(fixedPoint, 65536) : null;
        var squeezeEnabled = Get("anamorphic_enable") == "1";
        double? squeeze = !squeezeEnabled ? 1.0 : Get("anamorphic") is { } an && Units.TryNumberWithAffix(an, string.Empty, "x", out var sq) && sq > 0 ? sq : null;
        var (cropWidth, cropHeight) = Pair(Get("crop_size"));
        double? angle = Get("shutter_type") is null or "Angle" && Frame0("shutter_value") is { } sv && Units.TryNumberWithAffix(sv, string.Empty, "°", out var deg) ? deg : null;
        var frames = frameSections.Select(s => Frame(s.Number, s.Values)).ToList();
        var diagnostics = new List<Diagnostic>();
        if (frames.Count > 0 && frames[^1].Frame != frames.Count - 1)
        {
            throw new InputException($"{Path.GetFileName(file)}'s frame sections are not numbered 0 to {frames.Count - 1}.", file, "Frame N Metadata", "consecutive frame numbers from 0");
        }

        var n = new NormalizedBuilder();
        n.Text(F.ClipName, Get("clip_number"), "the dump's clip_number is empty")
            .Text(Keys.FileName, mediaFile is null ? null : Path.GetFileName(mediaFile), "the dump does not name its .braw file, and none of the clip's name is beside it")
            .Text(F.Reel, Get("reel_name"), "the dump's reel_name is empty")
            .Text(F.Scene, Get("scene"), "the dump's scene is empty")
            .Text(F.Take, Get("take"), "the dump's take is empty")
            .Missing(F.FrameCount, $"the dump lists {frames.Count} frame(s), not the clip's frame count")
            .Missing(Keys.Duration, "the dump gives no frame count")
            .Rational(F.CaptureFrameRate, captureFps, MetadataUnit.FramesPerSecond, "frame 0's sensor_rate is not 'n,d,'")
            .Rational(F.ProjectFrameRate, projectFps, MetadataUnit.FramesPerSecond, "the dump's format_frame_rate is not set")
            .Text(F.Codec, Get("braw_compression_ratio") is { } ratio ? $"Blackmagic RAW {ratio}" : null, "the dump's braw_compression_ratio is empty")
            .Text(F.RecordedAt, Get("date_recorded") is { } dr && DateOnly.TryParseExact(dr, "yyyy':'MM':'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, "the dump's date_recorded is not yyyy:MM:dd")
            .Text(F.CameraLetter, Get("camera_number"), "the dump's camera_number is empty")
            .Text(F.CameraMake, Get("manufacturer"), "the dump's manufacturer is empty")
            .Text(F.CameraModel, Get("camera_type"), "the dump's camera_type is empty")
            // camera_id is the camera's unique id (a UUID), which camdkit takes for the serial number.
            .Text(F.CameraSerial, Get("camera_id"), "the dump's camera_id is empty")
            .Text(F.CameraFirmware, Get("firmware_version"), "the dump's firmware_version is empty")
            .Text(F.SensorMode, Pair(Get("sensor_area_captured")) is ({ } sw, { } sh) ? string.Create(CultureInfo.InvariantCulture, $"{sw}x{sh} sensor area") : null,
                "the dump's sensor_area_captured is not 'w,h,'")
            .Missing(F.TimecodeIn, "the dump carries no timecode")
            .Missing(Keys.TimecodeOut, "the dump carries no timecode")
            .Missing(F.Width, "the dump gives the sensor area and the crop, not the recorded frame size")
            .Missing(F.Height, "the dump gives the sensor area and the crop, not the recorded frame size")
            .Integer(Keys.ActiveWidth, cropWidth, MetadataUnit.Pixel, "the dump's crop_size is not 'w,h,'")
            .Integer(Keys.ActiveHeight, cropHeight, MetadataUnit.Pixel, "the dump's crop_size is not 'w,h,'")
            .Missing(F.LensMake, "the dump's lens_type is a single description, without a separate make")
            .Text(F.LensModel, Get("lens_type"), "the dump's lens_type is empty")
            .Missing(F.LensSerial, "the dump has no lens serial")
            .Number(F.Squeeze, squeeze, MetadataUnit.None, "the dump's anamorphic is not 'Nx'")
            .Integer(F.ExposureIndex, Frame0("iso") is { } iso && Units.TryInteger(iso, out var isoValue) ? isoValue : null, MetadataUnit.Iso, "frame 0's iso is empty")
            .Number(F.ShutterAngle, angle, MetadataUnit.Degree, "frame 0's shutter_value is not an angle")
            .Rational(F.ShutterTime, angle is { } a && captureFps is { } rate ? Units.ShutterTime(a, rate) : null, MetadataUnit.Second, "needs the shutter angle and the sensor rate")
            // internal_nd is in stops: the URSA Mini Pro's filter wheel is clear, 2, 4 and 6 stops (Blackmagic URSA Mini Pro manual).
            .Number(F.NeutralDensity, Frame0("internal_nd") is { } nd && Units.TryNumber(nd, out var stops) ? stops : null, MetadataUnit.Stop, "frame 0's internal_nd is empty")
            .Number(F.WhiteBalanceKelvin, Frame0("white_balance_kelvin") is { } k && Units.TryNumber(k, out var kelvin) ? kelvin : null, MetadataUnit.Kelvin, "frame 0's white_balance_kelvin is empty")
            .Number(F.WhiteBalanceTint, Frame0("white_balance_tint") is { } t && Units.TryNumber(t, out var tint) ? tint : null, MetadataUnit.None, "frame 0's white_balance_tint is empty");
        Colour(n, Get("viewing_gamma"), Get("viewing_gamut"), Get("viewing_bmdgen"));
        n.Missing(F.Look, "the dump names no look")
            .Text(Keys.Lut, Get("post_3dlut_mode") is "Disabled" ? null : Get("post_3dlut_embedded_name"), "the dump's post_3dlut_mode is Disabled")
            .Missing(Keys.Cdl, "the dump carries no CDL");
        foreach (var key in new[] { F.FocalLength, F.TStop, F.FStop, F.FocusDistance })
        {
            n.Value(key, frames.Count > 0 && frames[0].Values.TryGetValue(key, out var v) ? v : MetadataValue.Missing("frame 0 has no value"));
        }

        var vendor = MetadataSet.Create();
        foreach (var (key, value) in clip)
        {
            vendor.Set($"BMD:{key}", MetadataValue.Of(value));
        }

        foreach (var (key, value) in frame0)
        {
            vendor.Set($"BMD:Frame0/{key}", MetadataValue.Of(value));
        }

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, Math.Max(frames.Count, 1) - 1),
            Width = (int)(cropWidth ?? 0),
            Height = (int)(cropHeight ?? 0),
            PixelAspectRatio = squeeze ?? 1,
            FrameRate = projectFps is { } p ? new FrameRate(p.Numerator, p.Denominator) : null,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Frames = frames, Diagnostics = diagnostics };
    }

    /// <summary>"Blackmagic Design Film" gamma with "Blackmagic Design" gamut, generation 5, is Film Gen 5 in Wide Gamut Gen 5.</summary>
    private static void Colour(NormalizedBuilder n, string? gamma, string? gamut, string? generation)
    {
        var gen = generation is null ? string.Empty : $" Gen {generation}";
        n.Text(F.ColourGamma, gamma is null ? null : gamma + gen, "the dump's viewing_gamma is empty")
            .Text(F.ColourGamut, gamut is null ? null : gamut + (gamut == "Blackmagic Design" ? " Wide Gamut" : string.Empty) + gen, "the dump's viewing_gamut is empty");
        if (gamma == "Blackmagic Design Film" && gamut == "Blackmagic Design" && generation == "5")
        {
            n.Text(F.InputTransformId, Keys.BmdFilmGen5ToAces, string.Empty);
        }
        else
        {
            n.Missing(F.InputTransformId, $"no ACES input transform is mapped for '{gamma}' in '{gamut}' generation {generation}");
        }
    }

    private static FrameMetadata Frame(long number, Dictionary<string, string> values)
    {
        var set = MetadataSet.Create();
        if (values.TryGetValue("aperture", out var ap) && Units.TryNumberWithAffix(ap, "T", string.Empty, out var t) && t > 0)
        {
            set.Set(F.TStop, MetadataValue.Of(t, MetadataUnit.TNumber));
        }
        else if (ap is not null && Units.TryNumberWithAffix(ap, "F", string.Empty, out var f) && f > 0)
        {
            set.Set(F.FStop, MetadataValue.Of(f, MetadataUnit.FNumber));
        }

        if (values.TryGetValue("focal_length", out var fl) && Units.TryNumberWithAffix(fl, string.Empty, "mm", out var focal) && focal > 0)
        {
            set.Set(F.FocalLength, MetadataValue.Of(focal, MetadataUnit.Millimetre));
        }

        if (values.TryGetValue("distance", out var d) && Units.TryNumberWithAffix(d, string.Empty, "mm", out var mm) && mm > 0)
        {
            set.Set(F.FocusDistance, MetadataValue.Of(mm / 1000, MetadataUnit.Metre));
        }

        return new FrameMetadata { Frame = number, Values = set.Build() };
    }

    /// <summary>"48,1," is 48/1.</summary>
    private static Rational? SensorRate(string? text)
        => Pair(text) is ({ } n, { } d) && n > 0 && d > 0 ? new Rational(n, d) : null;

    /// <summary>"7680,6408," as two numbers.</summary>
    private static (long? A, long? B) Pair(string? text)
    {
        var parts = text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return parts.Length == 2 && Units.TryInteger(parts[0], out var a) && Units.TryInteger(parts[1], out var b) ? (a, b) : (null, null);
    }

    private static (Dictionary<string, string> Clip, List<(long Number, Dictionary<string, string> Values)> Frames) Parse(string file)
    {
        var clip = new Dictionary<string, string>(StringComparer.Ordinal);
        var frames = new List<(long, Dictionary<string, string>)>();
        Dictionary<string, string>? current = null;
        var lines = SourceFile.ReadText(file).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.Trim() == "Clip Metadata")
            {
                current = clip;
            }
            else if (FrameHeading().Match(line.Trim()) is { Success: true } heading)
            {
                current = [];
                frames.Add((long.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture), current));
            }
            else if (current is not null && KeyValue().Match(line) is { Success: true } pair)
            {
                current[pair.Groups[1].Value] = pair.Groups[2].Value.Trim();
            }
            else
            {
                throw new InputException($"{Path.GetFileName(file)} line {i + 1} is neither a section heading nor 'key: value'.", file, $"line {i + 1}", "'key: value' under 'Clip Metadata' or 'Frame N Metadata'");
            }
        }

        return (clip, frames);
    }

    [GeneratedRegex(@"^Frame (\d{1,9}) Metadata$")]
    private static partial Regex FrameHeading();

    [GeneratedRegex(@"^([A-Za-z0-9_]+):\s?(.*)$")]
    private static partial Regex KeyValue();
}
