using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Arri;

/// <summary>
/// The ARRI camera fields that Meta Extract's CSV and the camera's ALE share, mapped once. Values are looked up by
/// Meta Extract's column names ("Camera Serial Number"); the ALE reader translates its own column names to them.
/// </summary>
internal static partial class ArriFields
{
    /// <summary>Adds the clip-level fields; <paramref name="source"/> ("the CSV") names the file kind in reasons.</summary>
    public static void Static(NormalizedBuilder n, Func<string, string?> get, string source)
    {
        n.Text(F.Reel, get("Reel"), $"{source}'s Reel is not set")
            .Text(F.Scene, get("Scene"), $"{source}'s Scene is not set")
            .Text(F.Take, get("Take"), $"{source}'s Take is not set")
            .Rational(F.CaptureFrameRate, Rate(get("Sensor FPS")), MetadataUnit.FramesPerSecond, $"{source}'s Sensor FPS is not a frame rate")
            .Rational(F.ProjectFrameRate, Rate(get("Project FPS")), MetadataUnit.FramesPerSecond, $"{source}'s Project FPS is not a frame rate")
            .Text(F.Codec, get("Recording Codec"), $"{source}'s Recording Codec is not set")
            .DateTime(F.RecordedAt, RecordedAt(get("System Image Creation Date"), get("System Image Creation Time"), get("System Image Timezone Offset")),
                $"{source} has no System Image Creation Date and Time")
            .Text(F.CameraLetter, get("Camera Index"), $"{source}'s Camera Index is not set")
            // Meta Extract and the camera's ALE describe ARRI cameras' files only.
            .Text(F.CameraMake, "ARRI", string.Empty)
            .Text(F.CameraModel, get("Camera Model"), $"{source}'s Camera Model is not set")
            .Text(F.CameraSerial, get("Camera Serial Number"), $"{source}'s Camera Serial Number is not set")
            // The SUP (software update package) is the ALEXA's firmware release.
            .Text(F.CameraFirmware, get("Camera SUP Name"), $"{source}'s Camera SUP Name is not set")
            .Missing(F.SensorMode, source == "the CSV" ? "Meta Extract's CSV names no sensor mode" : $"{source} names no sensor mode")
            .Integer(F.Width, Positive(get("Image Width")), MetadataUnit.Pixel, $"{source}'s Image Width is not a number")
            .Integer(F.Height, Positive(get("Image Height")), MetadataUnit.Pixel, $"{source}'s Image Height is not a number")
            .Integer(Keys.ActiveWidth, get("Active Image Width") is { } aw && Units.TryInteger(aw, out var activeWidth) ? activeWidth : null, MetadataUnit.Pixel, $"{source}'s Active Image Width is not set")
            .Integer(Keys.ActiveHeight, get("Active Image Height") is { } ah && Units.TryInteger(ah, out var activeHeight) ? activeHeight : null, MetadataUnit.Pixel, $"{source}'s Active Image Height is not set")
            .Missing(F.LensMake, source == "the CSV" ? "Meta Extract's CSV has no lens make" : $"{source} has no lens make")
            .Text(F.LensModel, get("Lens Model"), $"{source}'s Lens Model is not set")
            .Text(F.LensSerial, get("Lens Serial Number"), $"{source}'s Lens Serial Number is not set")
            .Number(F.Squeeze, Squeeze(get("Lens Squeeze")), MetadataUnit.None, $"{source}'s Lens Squeeze is not set")
            .Integer(F.ExposureIndex, get("Exposure Index ASA") is { } ei && Units.TryInteger(ei, out var iso) ? iso : null, MetadataUnit.Iso, $"{source}'s Exposure Index ASA is not set")
            .Number(F.ShutterAngle, get("Shutter Angle") is { } a && Units.TryNumber(a, out var deg) ? deg : null, MetadataUnit.Degree, $"{source}'s Shutter Angle is not set")
            .Rational(F.ShutterTime, ExposureTime(get("Exposure Time")), MetadataUnit.Second, $"{source}'s Exposure Time is not a time in ms")
            .Number(F.NeutralDensity, NeutralDensity(get("ND Filter Type"), get("ND Filter Density")), MetadataUnit.Stop, $"{source} names an ND filter without a density")
            .Number(F.WhiteBalanceKelvin, get("White Balance") is { } wb && Units.TryNumber(wb, out var kelvin) ? kelvin : null, MetadataUnit.Kelvin, $"{source}'s White Balance is not set")
            // White Balance CC is ARRI's green-magenta tint in CC units.
            .Number(F.WhiteBalanceTint, get("White Balance CC") is { } cc && Units.TryNumber(cc, out var tint) ? tint : null, MetadataUnit.None, $"{source}'s White Balance CC is not set");
        Colour(n, get("Target Color Space"), get("Camera Family"), source);
        n.Text(F.Look, get("Look Name"), $"{source}'s Look Name is not set")
            .Text(Keys.Lut, get("Custom LUT File Name"), $"{source} names no custom LUT file")
            .Numbers(Keys.Cdl, Cdl(get), $"{source}'s CDL values are not all set");
        n.Missing(F.FStop, "ARRI records the iris as a T-stop");
    }

    /// <summary>The lens values of one frame (or of the clip): focal length (mm), T-stop from the linear iris, focus in metres.</summary>
    public static MetadataSet Lens(Func<string, string?> get, double metresPerUnit)
    {
        var values = MetadataSet.Create();
        if (get("Lens Focus Distance") is { } fd && Units.TryNumber(fd, out var focus) && focus > 0)
        {
            values.Set(F.FocusDistance, MetadataValue.Of(focus * metresPerUnit, MetadataUnit.Metre));
        }

        if (get("Lens Focal Length") is { } fl && Units.TryNumber(fl, out var focal) && focal > 0)
        {
            values.Set(F.FocalLength, MetadataValue.Of(focal, MetadataUnit.Millimetre));
        }

        if (get("Lens Linear Iris") is { } li && Units.TryNumber(li, out var iris) && iris > 0)
        {
            values.Set(F.TStop, MetadataValue.Of(Units.ArriLinearIrisToTStop(iris), MetadataUnit.TNumber));
        }

        return values.Build();
    }

    /// <summary>ARRI writes "--", "n.a." or "no scene name" for a field it does not have.</summary>
    public static string? Value(string raw)
        => raw.Length == 0 || raw is "--" or "n.a." or "no scene name" or "no take name" ? null : raw;

    public static Rational? Rate(string? text) => text is not null && Units.TryFrameRate(text, out var rate) ? rate : null;

    public static long? Positive(string? text) => text is not null && Units.TryInteger(text, out var v) && v > 0 ? v : null;

    /// <summary>A squeeze factor as ARRI writes it ("1.000", "2.000"); anything outside the anamorphic range is not one.</summary>
    public static double? Squeeze(string? text) => text is not null && Units.TryNumber(text, out var s) && s is >= 0.5 and <= 4 ? s : null;

    public static double DistanceUnit(string? unit, string file) => unit switch
    {
        "Meter" or "Metric" or null => 1.0,
        // Feet to metres: × 0.3048 (camera-formats.md §6).
        "Feet" or "Imperial" => Units.MetresPerFoot,
        _ => throw new InputException($"{Path.GetFileName(file)}'s Lens Distance Unit '{unit}' is neither Meter nor Feet.", file, "Lens Distance Unit", "Meter or Feet"),
    };

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
    private static void Colour(NormalizedBuilder n, string? target, string? family, string source)
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
                var why = target is null ? $"{source}'s Target Color Space is not set" : $"{source}'s Target Color Space '{target}' is not a camera log encoding we map";
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

    [GeneratedRegex(@"^UTC([+-])(\d{2}):(\d{2})$")]
    private static partial Regex Zone();
}
