using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Canon;

/// <summary>Maps Canon's clip and per-frame CSVs to vendor, normalized and per-frame metadata.</summary>
internal static class CanonCsvReader
{
    /// <summary>Canon writes 65535 (or 65535/65535) for a value it does not have.</summary>
    private const string NotAvailable = "65535";

    public static VendorClip Read(string file, string? framesFile)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), ',', file);
        foreach (var column in new[] { "ShotNumber", "ReelNumber", "LensSqueezeFactor", "Timescale", "Duration", "Width", "Height" })
        {
            table.Column(column);
        }

        var row = table.FirstRow();
        string? Get(string column) => table.Has(column) && row[table.Column(column)] is { Length: > 0 } v ? v : null;

        var diagnostics = new List<Diagnostic>();
        var (frames, firstRow) = framesFile is null ? ([], null) : Frames(framesFile);
        string? Frame0(string column) => firstRow is not null && firstRow.Has(column) && firstRow.Rows[0][firstRow.Column(column)] is { Length: > 0 } v && v is not NotAvailable and not "65535/65535" ? v : null;

        long? width = Get("Width") is { } w && Units.TryInteger(w, out var pw) && pw > 0 ? pw : null;
        long? height = Get("Height") is { } h && Units.TryInteger(h, out var ph) && ph > 0 ? ph : null;
        var squeeze = Squeeze(Get("LensSqueezeFactor"));
        Rational? duration = Get("Duration") is { } d && Units.TryInteger(d, out var ticks) && ticks > 0 && Get("Timescale") is { } ts && Units.TryInteger(ts, out var scale) && scale > 0
            ? new Rational(ticks, scale)
            : null;
        var apertureTMode = Frame0("ApertureMode") == "2";
        var why = framesFile is null ? "the per-frame CSV is not beside the clip CSV" : null;

        var n = new NormalizedBuilder();
        // Canon's shot number is the camera's clip name (A001C001).
        n.Text(F.ClipName, Get("ShotNumber"), "the CSV's ShotNumber is empty")
            .Missing(Keys.FileName, "the Canon CSVs do not name the media file")
            .Text(F.Reel, Get("ReelNumber"), "the CSV's ReelNumber is empty")
            .Text(F.Scene, Get("SceneNumber"), "the CSV's SceneNumber is empty")
            .Text(F.Take, Get("TakeNumber"), "the CSV's TakeNumber is empty")
            .Missing(F.FrameCount, "the Canon CSVs give a duration but no frame rate to count frames with")
            .Rational(Keys.Duration, duration, MetadataUnit.Second, "the CSV's Duration and Timescale are not whole numbers")
            .Missing(F.CaptureFrameRate, "the Canon CSVs carry no frame rate")
            .Missing(F.ProjectFrameRate, "the Canon CSVs carry no frame rate")
            .Missing(F.Codec, "the Canon CSVs do not name the codec")
            .DateTime(F.RecordedAt, RecordedAt(Frame0), why ?? "the per-frame CSV's Record_Date and Record_Time are not set")
            .Missing(F.CameraLetter, "the Canon CSVs have no camera index")
            // These CSVs are Canon's own export.
            .Text(F.CameraMake, "Canon", string.Empty)
            .Missing(F.CameraModel, "the Canon CSVs do not name the camera model")
            .Missing(F.CameraSerial, "the Canon CSVs have no camera serial")
            .Missing(F.CameraFirmware, "the Canon CSVs have no firmware version")
            .Missing(F.SensorMode, "the Canon CSVs name no sensor mode")
            .Missing(F.TimecodeIn, $"the Canon CSVs give timecode {Frame0("Timecode") ?? "none"} without a frame rate to count it at")
            .Missing(Keys.TimecodeOut, "the Canon CSVs carry no frame rate")
            .Integer(F.Width, width, MetadataUnit.Pixel, "the CSV's Width is not a number")
            .Integer(F.Height, height, MetadataUnit.Pixel, "the CSV's Height is not a number")
            .Missing(Keys.ActiveWidth, "the Canon CSVs give no active area")
            .Missing(Keys.ActiveHeight, "the Canon CSVs give no active area")
            .Missing(F.LensMake, "the Canon CSVs have no lens make")
            .Missing(F.LensModel, "the Canon CSVs have no lens model")
            .Missing(F.LensSerial, "the Canon CSVs have no lens serial")
            .Number(F.Squeeze, squeeze, MetadataUnit.None, $"the CSV's LensSqueezeFactor '{Get("LensSqueezeFactor")}' is not one of Canon's codes 0-3");
        foreach (var key in new[] { F.FocalLength, F.TStop, F.FStop, F.FocusDistance })
        {
            n.Value(key, frames.Count > 0 && frames[0].Values.TryGetValue(key, out var v) ? v
                : MetadataValue.Missing(why ?? (key == F.TStop && !apertureTMode ? "Canon's ApertureMode says the aperture is an f-number"
                    : key == F.FStop && apertureTMode ? "Canon's ApertureMode says the aperture is a T-number" : "the per-frame CSV's first frame has no value")));
        }

        n.Integer(F.ExposureIndex, Iso(Frame0), MetadataUnit.Iso, why ?? "the per-frame CSV's PhotographicSensitivityMode is not 1 (ISO)")
            .Number(F.ShutterAngle, ShutterAngle(Frame0), MetadataUnit.Degree, why ?? "the per-frame CSV's ExposureTimeMode is not 2 (angle)")
            .Missing(F.ShutterTime, "needs a frame rate, which the Canon CSVs do not carry")
            .Missing(F.NeutralDensity, why ?? "the per-frame CSV's NDFilter is 65535/65535 (not available)")
            .Number(F.WhiteBalanceKelvin, Frame0("ColorTemperature") is { } k && Units.TryNumber(k, out var kelvin) ? kelvin : null, MetadataUnit.Kelvin, why ?? "the per-frame CSV's ColorTemperature is not set")
            .Missing(F.WhiteBalanceTint, $"Canon's ColorCompensation code ({Frame0("ColorCompensation") ?? "none"}) has no published tint scale")
            .Missing(F.ColourGamma, $"Canon's CP_Gamma code ({Frame0("CP_Gamma") ?? "none"}) has no published name table")
            .Missing(F.ColourGamut, $"Canon's CP_Color_Space code ({Frame0("CP_Color_Space") ?? "none"}) has no published name table")
            .Missing(F.InputTransformId, "needs the named gamma and gamut")
            .Missing(F.Look, "the Canon CSVs name no look")
            .Missing(Keys.Lut, "the Canon CSVs name no LUT")
            .Missing(Keys.Cdl, "the Canon CSVs carry no CDL");

        var vendor = MetadataSet.Create();
        for (var i = 0; i < table.Header.Count; i++)
        {
            vendor.Set($"Canon:{table.Header[i]}", MetadataValue.Of(row[i]));
        }

        if (firstRow is not null)
        {
            for (var i = 0; i < firstRow.Header.Count; i++)
            {
                vendor.Set($"Canon:Frame0/{firstRow.Header[i]}", MetadataValue.Of(firstRow.Rows[0][i]));
            }
        }

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, Math.Max(frames.Count, 1) - 1),
            Width = (int)Math.Min(width ?? 0, int.MaxValue),
            Height = (int)Math.Min(height ?? 0, int.MaxValue),
            PixelAspectRatio = squeeze ?? 1,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Frames = frames, Diagnostics = diagnostics };
    }

    /// <summary>LensSqueezeFactor codes 0, 1, 2, 3 are 1.0, 1.33, 2.0 and 1.8 (camera-formats.md §6; camdkit canon/reader.py).</summary>
    private static double? Squeeze(string? code) => code switch
    {
        "0" => 1.0,
        "1" => 1.33,
        "2" => 2.0,
        "3" => 1.8,
        _ => null,
    };

    /// <summary>
    /// With PhotographicSensitivityMode 1 the ISO is the numerator less the flag bit 0x80000000
    /// (2147485248 is ISO 1600; camdkit canon/reader.py).
    /// </summary>
    private static long? Iso(Func<string, string?> frame0)
        => frame0("PhotographicSensitivityMode") == "1" && frame0("PhotographicSensitivity") is { } text && Rational.TryParse(text, out var r)
           && r.Denominator == 1 && r.Numerator > 0x80000000L ? r.Numerator - 0x80000000L : null;

    /// <summary>With ExposureTimeMode 2 ExposureTime is the shutter angle in degrees ("18000/100" is 180°; camdkit canon/reader.py).</summary>
    private static double? ShutterAngle(Func<string, string?> frame0)
        => frame0("ExposureTimeMode") == "2" && frame0("ExposureTime") is { } text && Rational.TryParse(text, out var r) && r.Numerator > 0 ? r.ToDouble() : null;

    /// <summary>
    /// Record date and time with the zone: hour value and sign (0 is east of UTC). The sample's 2022-01-01 00:01:46 at
    /// zone hour 1, sign 0 is 2021-12-31 23:01 UTC, which is the clip CSV's CreationTime: the sign reads as +.
    /// </summary>
    private static DateTimeOffset? RecordedAt(Func<string, string?> frame0)
    {
        string[] parts = ["Record_Date_Year", "Record_Date_Month", "Record_Date_Day", "Record_Time_Hour", "Record_Time_Minute", "Record_Time_Second"];
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (frame0(parts[i]) is not { } text || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        var hours = frame0("Time_Zone_Hour_Value") is { } zh && int.TryParse(zh, NumberStyles.None, CultureInfo.InvariantCulture, out var zhv) ? zhv : 0;
        var minutes = frame0("Time_Zone_Minute_Value") is { } zm && int.TryParse(zm, NumberStyles.None, CultureInfo.InvariantCulture, out var zmv) ? zmv : 0;
        var sign = frame0("Time_Zone_Hour_Value_Sign") == "1" ? -1 : 1;
        try
        {
            return new DateTimeOffset(values[0], values[1], values[2], values[3], values[4], values[5], new TimeSpan(hours, minutes, 0) * sign);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Per frame: FocusPosition, a big-endian IEEE float32 in hex, in metres ("3F000000" is 0.5 m; camdkit canon/reader.py);
    /// FocalLength in mm as a fraction ("180/10"); ApertureNumber as a fraction, a T-number when ApertureMode is 2 and an
    /// f-number when 1 (camera-formats.md §6).
    /// </summary>
    private static (List<FrameMetadata> Frames, DelimitedTable? Table) Frames(string file)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), ',', file);
        foreach (var column in new[] { "Timecode", "FocusPosition", "FocalLength", "ApertureNumber", "ApertureMode" })
        {
            table.Column(column);
        }

        table.FirstRow();
        var frames = new List<FrameMetadata>(table.Rows.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var values = MetadataSet.Create();
            var focus = table.Value(row, "FocusPosition");
            if (focus.Length == 8 && uint.TryParse(focus, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits) && BitConverter.UInt32BitsToSingle(bits) is var metres
                && float.IsFinite(metres) && metres > 0)
            {
                values.Set(F.FocusDistance, MetadataValue.Of((double)metres, MetadataUnit.Metre));
            }

            if (Rational.TryParse(table.Value(row, "FocalLength"), out var focal) && focal.Numerator > 0)
            {
                values.Set(F.FocalLength, MetadataValue.Of(focal.ToDouble(), MetadataUnit.Millimetre));
            }

            var mode = table.Value(row, "ApertureMode");
            if (Rational.TryParse(table.Value(row, "ApertureNumber"), out var aperture) && aperture.Numerator > 0 && mode is "1" or "2")
            {
                values.Set(mode == "2" ? F.TStop : F.FStop, MetadataValue.Of(aperture.ToDouble(), mode == "2" ? MetadataUnit.TNumber : MetadataUnit.FNumber));
            }

            values.Set("Canon:Timecode", MetadataValue.Of(table.Value(row, "Timecode")));
            frames.Add(new FrameMetadata { Frame = row, Values = values.Build() });
        }

        return (frames, table);
    }
}
