using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>The unit conversions of vendor metadata, each with the source of its formula.</summary>
internal static partial class Units
{
    /// <summary>Metres in one international foot (exact, by the 1959 international yard and pound agreement).</summary>
    public const double MetresPerFoot = 0.3048;

    /// <summary>
    /// ARRI "Lens Linear Iris" to a T-number: T = 2^((v − 1000) / 2000), so 1000 is T1 and every 1000 is one stop
    /// (SMPTE RIS camdkit, src/main/python/camdkit/arri/reader.py; camera-formats.md §6).
    /// </summary>
    public static double ArriLinearIrisToTStop(double linearIris) => Math.Pow(2, (linearIris - 1000) / 2000);

    /// <summary>
    /// Sony NRT ShutterSpeedAngle (and RDD 18 tag 8108) is in 1/60 degree: 10380 is 173° (camera-formats.md §1.5 and §6).
    /// </summary>
    public static double SonyShutterAngle(long sixtiethsOfADegree) => sixtiethsOfADegree / 60.0;

    /// <summary>Sony NRT AnamorphicLensSqueezeRatio is the squeeze × 100: 200 is 2× (camera-formats.md §6).</summary>
    public static double SonySqueeze(long hundredths) => hundredths / 100.0;

    /// <summary>
    /// An aperture written as whole stops and tenths, "T 2 3/10" (Sony) or "1.4 + 7/10" (ARRI): the stop number
    /// n + k/10 is the aperture value AV, and the T- or f-number is 2^(AV/2) (APEX: AV = 2·log2 N; camdkit
    /// venice/reader.py reads Sony's CSV the same way).
    /// </summary>
    public static double StopsToNumber(double apertureValue) => Math.Pow(2, apertureValue / 2);

    /// <summary>The APEX aperture value of a number: AV = 2·log2 N (so T1.4 is 1 stop, T2 is 2).</summary>
    public static double NumberToStops(double number) => 2 * Math.Log2(number);

    /// <summary>
    /// Optical density to stops: a filter of density D passes 10^−D of the light, which is log2(10^D) = D / log10(2)
    /// stops (ND 0.3 is one stop).
    /// </summary>
    public static double DensityToStops(double density) => density / Math.Log10(2);

    /// <summary>
    /// The exposure time of a rotary shutter: the angle's share of one frame period, angle / 360 / fps
    /// (180° at 24 fps is 1/48 s). Exact when the angle is a decimal.
    /// </summary>
    public static Rational? ShutterTime(double angleDegrees, Rational fps)
    {
        if (!(angleDegrees > 0) || fps.Numerator <= 0 || !Rational.TryParse(angleDegrees.ToString("0.######", CultureInfo.InvariantCulture), out var angle))
        {
            return null;
        }

        return new Rational(checked(angle.Numerator * fps.Denominator), checked(angle.Denominator * 360 * fps.Numerator));
    }

    /// <summary>A frame rate from text ("24", "23.976", "24.00p"), exact for the NTSC family (23.976 → 24000/1001).</summary>
    public static bool TryFrameRate(string text, out Rational rate)
    {
        rate = default;
        var match = RateText().Match(text.Trim());
        if (!match.Success || !FrameRate.TryParse(match.Groups[1].Value, out var fps))
        {
            return false;
        }

        rate = fps.AsRational;
        return true;
    }

    /// <summary>A decimal number in invariant culture.</summary>
    public static bool TryNumber(string text, out double value)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A whole number in invariant culture.</summary>
    public static bool TryInteger(string text, out long value)
        => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A number with an optional unit suffix ("40mm", "410mm", "T2.3", "F5.6", "180°").</summary>
    public static bool TryNumberWithAffix(string text, string prefix, string suffix, out double value)
    {
        value = 0;
        var t = text.Trim();
        if (!t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || t.Length <= prefix.Length + suffix.Length)
        {
            return false;
        }

        return TryNumber(t[prefix.Length..^suffix.Length], out value);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?(?:/\d+)?)\s*[pPiI]?$")]
    private static partial Regex RateText();
}
