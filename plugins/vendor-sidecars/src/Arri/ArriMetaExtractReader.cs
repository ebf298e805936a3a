using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Arri;

/// <summary>Maps an ARRI Meta Extract CSV to vendor, normalized and per-frame metadata.</summary>
internal static partial class ArriMetaExtractReader
{
    /// <summary>The columns a clip cannot be read without.</summary>
    private static readonly string[] Required =
        ["Master TC", "Camera Clip Name", "Sensor FPS", "Project FPS", "Master TC Time Base", "Master TC Drop Frame", "Image Width", "Image Height",
         "Lens Focus Distance", "Lens Focal Length", "Lens Linear Iris", "Lens Distance Unit"];

    public static VendorClip Read(string file, string? mediaFile)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), '\t', file);
        foreach (var column in Required)
        {
            table.Column(column);
        }

        var first = table.FirstRow();
        string? Get(string column) => table.Has(column) && Value(first[table.Column(column)]) is { } v ? v : null;

        var projectFps = Rate(table, "Project FPS", first);
        var captureFps = Rate(table, "Sensor FPS", first);
        var timecodeRate = Rate(table, "Master TC Time Base", first)
            ?? throw new InputException($"{Path.GetFileName(file)}'s Master TC Time Base '{first[table.Column("Master TC Time Base")]}' is not a frame rate.", file, "Master TC Time Base", "a frame rate such as 24.000");
        var dropFrame = string.Equals(Get("Master TC Drop Frame"), "yes", StringComparison.OrdinalIgnoreCase);
        var rate = new FrameRate(timecodeRate.Numerator, timecodeRate.Denominator);
        var metresPerUnit = DistanceUnit(Get("Lens Distance Unit"), file);
        var frames = new List<FrameMetadata>(table.Rows.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            frames.Add(Frame(table, row, rate, dropFrame, metresPerUnit));
        }

        var start = frames[0].Timecode;
        var end = frames[^1].Timecode;
        var n = new NormalizedBuilder();
        double? squeeze = Get("Lens Squeeze") is { } sq && Units.TryNumber(sq, out var s) && s > 0 ? s : null;
        long? width = Get("Image Width") is { } w && Units.TryInteger(w, out var pw) && pw > 0 ? pw : null;
        long? height = Get("Image Height") is { } h && Units.TryInteger(h, out var ph) && ph > 0 ? ph : null;
        double? angle = Get("Shutter Angle") is { } a && Units.TryNumber(a, out var deg) ? deg : null;
        n.Text(F.ClipName, Get("Camera Clip Name"), "the CSV's Camera Clip Name is empty")
            // AME names its CSV after the file it read ("<clip>.mov.csv"): the media name is the CSV's without ".csv".
            .Text(Keys.FileName, mediaFile is not null ? Path.GetFileName(mediaFile) : MediaNameOf(file), "the CSV is not named after a media file (<clip>.<ext>.csv), and no media file is beside it")
            .Text(F.Reel, Get("Reel"), "the CSV's Reel is not set")
            .Text(F.Scene, Get("Scene"), "the CSV's Scene is not set")
            .Text(F.Take, Get("Take"), "the CSV's Take is not set")
            .Integer(F.FrameCount, table.Rows.Count, MetadataUnit.None, string.Empty)
            .Rational(F.CaptureFrameRate, captureFps, MetadataUnit.FramesPerSecond, "the CSV's Sensor FPS is not a frame rate")
            .Rational(F.ProjectFrameRate, projectFps, MetadataUnit.FramesPerSecond, "the CSV's Project FPS is not a frame rate")
            .Text(F.Codec, Get("Recording Codec"), "the CSV's Recording Codec is not set")
            .DateTime(F.RecordedAt, RecordedAt(Get("System Image Creation Date"), Get("System Image Creation Time"), Get("System Image Timezone Offset")),
                "the CSV has no System Image Creation Date and Time")
            .Text(F.CameraLetter, Get("Camera Index"), "the CSV's Camera Index is not set")
            // Meta Extract reads only ARRI cameras' files.
            .Text(F.CameraMake, "ARRI", string.Empty)
            .Text(F.CameraModel, Get("Camera Model"), "the CSV's Camera Model is not set")
            .Text(F.CameraSerial, Get("Camera Serial Number"), "the CSV's Camera Serial Number is not set")
            // The SUP (software update package) is the ALEXA's firmware release.
            .Text(F.CameraFirmware, Get("Camera SUP Name"), "the CSV's Camera SUP Name is not set")
            .Missing(F.SensorMode, "Meta Extract's CSV names no sensor mode")
            .Timecode(F.TimecodeIn, start, string.Empty)
            .Timecode(Keys.TimecodeOut, end, string.Empty)
            .Integer(F.Width, width, MetadataUnit.Pixel, "the CSV's Image Width is not a number")
            .Integer(F.Height, height, MetadataUnit.Pixel, "the CSV's Image Height is not a number")
            .Integer(Keys.ActiveWidth, Get("Active Image Width") is { } aw && Units.TryInteger(aw, out var activeWidth) ? activeWidth : null, MetadataUnit.Pixel, "the CSV's Active Image Width is not set")
            .Integer(Keys.ActiveHeight, Get("Active Image Height") is { } ah && Units.TryInteger(ah, out var activeHeight) ? activeHeight : null, MetadataUnit.Pixel, "the CSV's Active Image Height is not set")
            .Missing(F.LensMake, "Meta Extract's CSV has no lens make")
            .Text(F.LensModel, Get("Lens Model"), "the CSV's Lens Model is not set")
            .Text(F.LensSerial, Get("Lens Serial Number"), "the CSV's Lens Serial Number is not set")
            .Number(F.Squeeze, squeeze, MetadataUnit.None, "the CSV's Lens Squeeze is not set")
            .Integer(F.ExposureIndex, Get("Exposure Index ASA") is { } ei && Units.TryInteger(ei, out var iso) ? iso : null, MetadataUnit.Iso, "the CSV's Exposure Index ASA is not set")
            .Number(F.ShutterAngle, angle, MetadataUnit.Degree, "the CSV's Shutter Angle is not set")
            .Rational(F.ShutterTime, ExposureTime(Get("Exposure Time")), MetadataUnit.Second, "the CSV's Exposure Time is not a time in ms")
            .Number(F.NeutralDensity, NeutralDensity(Get("ND Filter Type"), Get("ND Filter Density")), MetadataUnit.Stop, "the CSV names an ND filter without a density")
            .Number(F.WhiteBalanceKelvin, Get("White Balance") is { } wb && Units.TryNumber(wb, out var kelvin) ? kelvin : null, MetadataUnit.Kelvin, "the CSV's White Balance is not set")
            // White Balance CC is ARRI's green-magenta tint in CC units.
            .Number(F.WhiteBalanceTint, Get("White Balance CC") is { } cc && Units.TryNumber(cc, out var tint) ? tint : null, MetadataUnit.None, "the CSV's White Balance CC is not set");
        Colour(n, Get("Target Color Space"), Get("Camera Family"));
        n.Text(F.Look, Get("Look Name"), "the CSV's Look Name is not set")
            .Text(Keys.Lut, Get("Custom LUT File Name"), "the CSV names no custom LUT file")
            .Numbers(Keys.Cdl, Cdl(Get), "the CSV's CDL values are not all set");
        foreach (var key in new[] { F.FocalLength, F.TStop, F.FocusDistance })
        {
            n.Value(key, frames[0].Values[key]);
        }

        n.Missing(F.FStop, "ARRI records the iris as a T-stop");
        var vendor = MetadataSet.Create();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var name = table.Header[i];
            vendor.Set(table.Header.Take(i).Contains(name) ? $"ARRI:{name}#{i}" : $"ARRI:{name}", MetadataValue.Of(first[i]));
        }

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, table.Rows.Count - 1),
            Width = (int)Math.Min(width ?? 0, int.MaxValue),
            Height = (int)Math.Min(height ?? 0, int.MaxValue),
            PixelAspectRatio = squeeze ?? 1,
            FrameRate = projectFps is { } p ? new FrameRate(p.Numerator, p.Denominator) : rate,
            StartTimecode = start,
        };
        var diagnostics = new List<Diagnostic>();
        if (start is { } s0 && end is { } s1 && s1.FramesSince(s0) != table.Rows.Count - 1)
        {
            diagnostics.Add(Diagnostic.Warning($"Master TC runs {start} to {end}, which is not {table.Rows.Count} consecutive frames.", file, "Master TC"));
        }

        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Frames = frames, Diagnostics = diagnostics };
    }

    /// <summary>ARRI writes "--", "n.a." or "no scene name" for a field it does not have.</summary>
    private static string? Value(string raw)
        => raw.Length == 0 || raw is "--" or "n.a." or "no scene name" or "no take name" ? null : raw;

    private static Rational? Rate(DelimitedTable table, string column, string[] row)
        => Units.TryFrameRate(row[table.Column(column)], out var rate) ? rate : null;

    private static double DistanceUnit(string? unit, string file) => unit switch
    {
        "Meter" or "Metric" or null => 1.0,
        // Feet to metres: × 0.3048 (camera-formats.md §6).
        "Feet" or "Imperial" => Units.MetresPerFoot,
        _ => throw new InputException($"{Path.GetFileName(file)}'s Lens Distance Unit '{unit}' is neither Meter nor Feet.", file, "Lens Distance Unit", "Meter or Feet"),
    };

    private static FrameMetadata Frame(DelimitedTable table, int row, FrameRate rate, bool dropFrame, double metresPerUnit)
    {
        var tcText = table.Value(row, "Master TC");
        if (!Timecode.TryParse(tcText, rate, out var tc, out var error))
        {
            throw new InputException($"{Path.GetFileName(table.File)} frame {row}: {error}", table.File, "Master TC", "HH:MM:SS:FF");
        }

        var values = MetadataSet.Create();
        if (Units.TryNumber(table.Value(row, "Lens Focus Distance"), out var focus) && focus > 0)
        {
            values.Set(F.FocusDistance, MetadataValue.Of(focus * metresPerUnit, MetadataUnit.Metre));
        }

        if (Units.TryNumber(table.Value(row, "Lens Focal Length"), out var focal) && focal > 0)
        {
            values.Set(F.FocalLength, MetadataValue.Of(focal, MetadataUnit.Millimetre));
        }

        if (Units.TryNumber(table.Value(row, "Lens Linear Iris"), out var iris) && iris > 0)
        {
            values.Set(F.TStop, MetadataValue.Of(Units.ArriLinearIrisToTStop(iris), MetadataUnit.TNumber));
        }

        return new FrameMetadata { Frame = row, Timecode = dropFrame && rate.SupportsDropFrame ? tc.WithCounting(true) : tc, Values = values.Build() };
    }

    /// <summary>"2018/03/27" + "12:36:51" + "UTC+00:00".</summary>
    private static DateTimeOffset? RecordedAt(string? date, string? time, string? zone)
    {
        if (date is null || time is null)
        {
            return null;
        }

        var offset = zone is not null && Zone().Match(zone) is { Success: true } m
            ? new TimeSpan(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), 0) * (m.Groups[1].Value == "-" ? -1 : 1)
            : TimeSpan.Zero;
        return DateTime.TryParseExact($"{date} {time}", "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset)
            : null;
    }

    /// <summary>"20.000 ms" as an exact fraction of a second.</summary>
    private static Rational? ExposureTime(string? text)
        => text is not null && text.EndsWith("ms", StringComparison.Ordinal) && Rational.TryParse(text[..^2].Trim(), out var ms) && ms.Numerator > 0
            ? new Rational(ms.Numerator, checked(ms.Denominator * 1000))
            : null;

    /// <summary>No filter is 0 stops; a density D (ND 0.6) is D / log10(2) stops.</summary>
    private static double? NeutralDensity(string? type, string? density)
        => type is null or "No Filter" ? 0 : density is not null && Units.TryNumber(density, out var d) ? Units.DensityToStops(d) : null;

    /// <summary>
    /// "LOG-C" on ALEV III cameras (ALEXA classic, Mini, LF, SXT, 65) is Log C v3 in ARRI Wide Gamut 3; the ALEXA 35
    /// records Log C v4 in AWG4 (ARRI, "ALEXA 35 Log C4" white paper; camera-formats.md §1.2).
    /// </summary>
    private static void Colour(NormalizedBuilder n, string? target, string? family)
    {
        var alexa35 = family?.Contains("35", StringComparison.Ordinal) == true;
        switch (target)
        {
            case "LOG-C" when !alexa35:
                n.Text(F.ColourGamma, "LogC3", string.Empty).Text(F.ColourGamut, "ARRI Wide Gamut 3", string.Empty).Text(F.InputTransformId, Keys.ArriLogC3ToAces, string.Empty);
                break;
            case "LOG-C" or "LOG-C4":
                n.Text(F.ColourGamma, "LogC4", string.Empty).Text(F.ColourGamut, "ARRI Wide Gamut 4", string.Empty).Text(F.InputTransformId, Keys.ArriLogC4ToAces, string.Empty);
                break;
            default:
                var why = target is null ? "the CSV's Target Color Space is not set" : $"the CSV's Target Color Space '{target}' is not a camera log encoding we map";
                n.Missing(F.ColourGamma, why).Missing(F.ColourGamut, why).Missing(F.InputTransformId, why);
                break;
        }
    }

    private static double[]? Cdl(Func<string, string?> get)
    {
        string[] columns = ["CDL Slope R", "CDL Slope G", "CDL Slope B", "CDL Offset R", "CDL Offset G", "CDL Offset B", "CDL Power R", "CDL Power G", "CDL Power B", "CDL Saturation"];
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

    private static string? MediaNameOf(string csv)
    {
        var name = Path.GetFileName(csv);
        var inner = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return Path.HasExtension(inner) ? inner : null;
    }

    [GeneratedRegex(@"^UTC([+-])(\d{2}):(\d{2})$")]
    private static partial Regex Zone();
}
