using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Red;

/// <summary>Maps REDline's clip and per-frame CSVs to vendor, normalized and per-frame metadata.</summary>
internal static class RedPrintMetaReader
{
    private static readonly string[] Required = ["Clip Name", "Camera Model", "FPS", "Record FPS", "Total Frames", "Abs TC", "Frame Width", "Frame Height"];

    public static VendorClip Read(string file, string? framesFile)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), ',', file);
        foreach (var column in Required)
        {
            table.Column(column);
        }

        var row = table.FirstRow();
        string? Get(string column) => table.Has(column) && row[table.Column(column)] is { Length: > 0 } v ? v : null;

        Rational? projectFps = Get("FPS") is { } p && Units.TryFrameRate(p, out var pr) ? pr : null;
        Rational? captureFps = Get("Record FPS") is { } c && Units.TryFrameRate(c, out var cr) ? cr : null;
        var rate = projectFps is { } r ? new FrameRate(r.Numerator, r.Denominator)
            : throw new InputException($"{Path.GetFileName(file)}'s FPS '{Get("FPS")}' is not a frame rate.", file, "FPS", "a frame rate such as 24 or 23.976");
        if (!Units.TryInteger(Get("Total Frames") ?? string.Empty, out var count) || count <= 0 || count > int.MaxValue)
        {
            throw new InputException($"{Path.GetFileName(file)}'s Total Frames '{Get("Total Frames")}' is not a frame count.", file, "Total Frames", "a positive whole number");
        }

        var start = ParseTimecode(Get("Abs TC"), rate, file, "Abs TC");
        var end = Get("End Abs TC") is { } e ? ParseTimecode(e, rate, file, "End Abs TC") : (Timecode?)null;
        long? width = Get("Frame Width") is { } w && Units.TryInteger(w, out var pw) && pw > 0 ? pw : null;
        long? height = Get("Frame Height") is { } h && Units.TryInteger(h, out var ph) && ph > 0 ? ph : null;
        // Pixel Aspect Ratio is the anamorphic squeeze the camera was set to (camera-formats.md §1.3).
        double? squeeze = Get("Pixel Aspect Ratio") is { } par && Units.TryNumber(par, out var sq) && sq > 0 ? sq : null;
        double? angle = Get("Shutter (deg)") is { } deg && Units.TryNumber(deg, out var a) ? a : null;
        var diagnostics = new List<Diagnostic>();
        var frames = framesFile is null ? [] : Frames(framesFile, rate);
        if (frames.Count > 0 && frames.Count != count)
        {
            diagnostics.Add(Diagnostic.Warning($"The per-frame CSV has {frames.Count} frames, the clip's Total Frames {count}.", framesFile, "rows", $"{count} rows"));
        }

        var n = new NormalizedBuilder();
        n.Text(F.ClipName, Get("Clip Name"), "the CSV's Clip Name is empty")
            .Text(Keys.FileName, Get("File Name"), "the CSV's File Name is empty")
            .Text(F.Reel, Get("Reel"), "the CSV's Reel is empty")
            .Text(F.Scene, Get("Scene"), "the CSV's Scene is empty")
            .Text(F.Take, Get("Take"), "the CSV's Take is empty")
            .Integer(F.FrameCount, count, MetadataUnit.None, string.Empty)
            .Rational(F.CaptureFrameRate, captureFps, MetadataUnit.FramesPerSecond, "the CSV's Record FPS is not a frame rate")
            .Rational(F.ProjectFrameRate, projectFps, MetadataUnit.FramesPerSecond, string.Empty)
            .Text(F.Codec, Get("REDCODE"), "the CSV's REDCODE is empty")
            // Date "20220303" and Timestamp "132146" are the camera's local time, without a zone.
            .Value(F.RecordedAt, RecordedAt(Get("Date"), Get("Timestamp")))
            .Text(F.CameraLetter, Get("Camera"), "the CSV's Camera (letter) is empty")
            // REDline reads only RED cameras' R3D files.
            .Text(F.CameraMake, "RED", string.Empty)
            .Text(F.CameraModel, Get("Camera Model"), "the CSV's Camera Model is empty")
            .Text(F.CameraSerial, Get("Camera PIN"), "the CSV's Camera PIN is empty")
            .Text(F.CameraFirmware, Get("Firmware Version"), "the CSV's Firmware Version is empty")
            .Missing(F.SensorMode, $"REDline names the sensor ({Get("Sensor Name") ?? "none"}) but not the recording format")
            .Timecode(F.TimecodeIn, start, string.Empty)
            .Timecode(Keys.TimecodeOut, end, "the CSV's End Abs TC is empty")
            .Integer(F.Width, width, MetadataUnit.Pixel, "the CSV's Frame Width is not a number")
            .Integer(F.Height, height, MetadataUnit.Pixel, "the CSV's Frame Height is not a number")
            .Missing(Keys.ActiveWidth, "REDline gives frame guides, not an active area")
            .Missing(Keys.ActiveHeight, "REDline gives frame guides, not an active area")
            .Text(F.LensMake, Get("Lens Brand"), "the CSV's Lens Brand is empty")
            .Text(F.LensModel, Get("Lens Name"), "the CSV's Lens Name is empty")
            .Text(F.LensSerial, Get("Lens Serial Number"), "the CSV's Lens Serial Number is empty")
            .Number(F.Squeeze, squeeze, MetadataUnit.None, "the CSV's Pixel Aspect Ratio is empty")
            .Number(F.FocalLength, Get("Focal Length") is { } fl && Units.TryNumberWithAffix(fl, string.Empty, "mm", out var focal) ? focal : null, MetadataUnit.Millimetre, "the CSV's Focal Length is not in mm")
            .Missing(F.TStop, "REDline gives the aperture as an f-number")
            .Number(F.FStop, Get("Aperture") is { } ap && Units.TryNumberWithAffix(ap, "F", string.Empty, out var fstop) ? fstop : null, MetadataUnit.FNumber, "the CSV's Aperture is not an f-number (F5.6)")
            .Number(F.FocusDistance, Get("Focus Distance") is { } fd && Units.TryNumberWithAffix(fd, string.Empty, "mm", out var mm) ? mm / 1000 : null, MetadataUnit.Metre, "the CSV's Focus Distance is not in mm")
            .Integer(F.ExposureIndex, Get("ISO") is { } iso && Units.TryInteger(iso, out var isoValue) ? isoValue : null, MetadataUnit.Iso, "the CSV's ISO is empty")
            .Number(F.ShutterAngle, angle, MetadataUnit.Degree, "the CSV's Shutter (deg) is empty")
            // "Shutter (1/sec)" 48 is exactly 1/48 s; "Shutter (ms)" is rounded to whole milliseconds.
            .Rational(F.ShutterTime, Get("Shutter (1/sec)") is { } ps && Units.TryInteger(ps, out var perSecond) && perSecond > 0 ? new Rational(1, perSecond) : null, MetadataUnit.Second,
                "the CSV's Shutter (1/sec) is empty")
            .Number(F.NeutralDensity, Get("MotionMountND") is { } nd && Units.TryNumber(nd, out var density) ? Units.DensityToStops(density) : null, MetadataUnit.Stop,
                "the CSV's MotionMountND is empty (no electronic ND)")
            .Number(F.WhiteBalanceKelvin, Get("Kelvin") is { } k && Units.TryNumber(k, out var kelvin) ? kelvin : null, MetadataUnit.Kelvin, "the CSV's Kelvin is empty")
            .Number(F.WhiteBalanceTint, Get("Tint") is { } t && Units.TryNumber(t, out var tint) ? tint : null, MetadataUnit.None, "the CSV's Tint is empty")
            .Missing(F.ColourGamma, $"REDline prints Gamma Space as an R3D SDK code ({Get("Gamma Space") ?? "none"}) that we do not name without the SDK's table")
            .Missing(F.ColourGamut, $"REDline prints Color Space as an R3D SDK code ({Get("Color Space") ?? "none"}) that we do not name without the SDK's table")
            .Missing(F.InputTransformId, "needs the named gamma and gamut")
            .Text(F.Look, Get("Look Name"), "the CSV's Look Name is empty")
            .Text(Keys.Lut, Get("Camera 3D LUT"), "the CSV's Camera 3D LUT is empty")
            .Numbers(Keys.Cdl, Cdl(Get), "the CSV says CDL Enabled: false");

        var vendor = MetadataSet.Create();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var name = table.Header[i];
            vendor.Set(table.Header.Take(i).Contains(name) ? $"RED:{name}#{i}" : $"RED:{name}", MetadataValue.Of(row[i]));
        }

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, count - 1),
            Width = (int)Math.Min(width ?? 0, int.MaxValue),
            Height = (int)Math.Min(height ?? 0, int.MaxValue),
            PixelAspectRatio = squeeze ?? 1,
            FrameRate = rate,
            StartTimecode = start,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Frames = frames, Diagnostics = diagnostics };
    }

    private static Timecode ParseTimecode(string? text, FrameRate rate, string file, string column)
        => Timecode.TryParse(text, rate, out var tc, out var error)
            ? tc
            : throw new InputException($"{Path.GetFileName(file)}'s {column}: {error}", file, column, "HH:MM:SS:FF");

    private static MetadataValue RecordedAt(string? date, string? time)
        => date is not null && time is not null
           && DateTime.TryParseExact(date + time.PadLeft(6, '0'), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? MetadataValue.Of(at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            : MetadataValue.Missing("the CSV's Date and Timestamp are not yyyyMMdd and HHmmss");

    private static double[]? Cdl(Func<string, string?> get)
    {
        if (!string.Equals(get("CDL Enabled:"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string[] columns = ["CDL Slope: Red", "CDL Slope: Green", "CDL Slope: Blue", "CDL Offset: Red", "CDL Offset: Green", "CDL Offset: Blue",
            "CDL Power: Red", "CDL Power: Green", "CDL Power: Blue", "CDL Saturation"];
        var values = new double[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (get(columns[i]) is not { } text || !Units.TryNumber(text, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>Per frame: Timecode, Aperture (an f-number, as the clip CSV's "F5.6"), Focus Distance (mm), Focal Length (mm).</summary>
    private static List<FrameMetadata> Frames(string file, FrameRate rate)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), ',', file);
        foreach (var column in new[] { "FrameNo", "Timecode", "Aperture", "Focus Distance", "Focal Length" })
        {
            table.Column(column);
        }

        var frames = new List<FrameMetadata>(table.Rows.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            if (!Units.TryInteger(table.Value(row, "FrameNo"), out var frameNo) || frameNo != row)
            {
                throw new InputException($"{Path.GetFileName(file)} row {row + 1}'s FrameNo '{table.Value(row, "FrameNo")}' is not {row}.", file, "FrameNo", $"{row}");
            }

            var values = MetadataSet.Create();
            if (Units.TryNumber(table.Value(row, "Aperture"), out var f) && f > 0)
            {
                values.Set(NormalizedField.FStop, MetadataValue.Of(f, MetadataUnit.FNumber));
            }

            if (Units.TryNumber(table.Value(row, "Focus Distance"), out var mm) && mm > 0)
            {
                values.Set(NormalizedField.FocusDistance, MetadataValue.Of(mm / 1000, MetadataUnit.Metre));
            }

            if (Units.TryNumber(table.Value(row, "Focal Length"), out var focal) && focal > 0)
            {
                values.Set(NormalizedField.FocalLength, MetadataValue.Of(focal, MetadataUnit.Millimetre));
            }

            frames.Add(new FrameMetadata { Frame = row, Timecode = ParseTimecode(table.Value(row, "Timecode"), rate, file, "Timecode"), Values = values.Build() });
        }

        return frames;
    }
}
