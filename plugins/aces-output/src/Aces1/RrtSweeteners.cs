using System.Runtime.CompilerServices;

namespace Rushes.Plugins.AcesOutput.Aces1;

/// <summary>
/// The RRT's look adjustments before its tone curve (ACESlib.RRT_Common.ctl rrt_sweeteners): glow,
/// red modifier, clamping into AP1 and a 0.96 global desaturation. Input ACES2065-1, output AP1.
/// </summary>
internal static class RrtSweeteners
{
    // ACESlib.RRT_Common.ctl constants.
    private const double GlowGain = 0.05, GlowMid = 0.08;
    private const double RedScale = 0.82, RedPivot = 0.03, RedHue = 0, RedWidth = 135;
    private const double SatFactor = 0.96;
    private const double HalfMax = 65504;

    /// <summary>AP1's luminance weights (the Y row of AP1→XYZ), CTL AP1_RGB2Y. Declared first: the matrices below use it.</summary>
    public static readonly Vec3 Ap1Luminance = new(Gamut.Ap1.ToXyz().M10, Gamut.Ap1.ToXyz().M11, Gamut.Ap1.ToXyz().M12);

    public static readonly Mat3 Ap0ToAp1 = Gamut.Ap1.FromXyz() * Gamut.Ap0.ToXyz();
    public static readonly Mat3 Ap1ToAp0 = Ap0ToAp1.Inverse();
    public static readonly Mat3 Desaturate = SaturationMatrix(SatFactor);
    public static readonly Mat3 DesaturateInverse = Desaturate.Inverse();

    /// <summary>CTL calc_sat_adjust_matrix: blends each channel toward AP1 luminance.</summary>
    public static Mat3 SaturationMatrix(double sat)
    {
        var w = Ap1Luminance;
        var k = 1 - sat;
        return new Mat3(
            (k * w.X) + sat, k * w.Y, k * w.Z,
            k * w.X, (k * w.Y) + sat, k * w.Z,
            k * w.X, k * w.Y, (k * w.Z) + sat);
    }

    public static Vec3 Forward(Vec3 aces)
    {
        // Glow: lift dark, saturated colours a little.
        var saturation = Saturation(aces);
        var s = SigmoidShaper((saturation - 0.4) / 0.2);
        aces = (1 + GlowForward(Yc(aces), GlowGain * s)) * aces;

        // Red modifier: pull saturated reds' red channel toward the pivot.
        var hueWeight = ClearlyNotRed(aces) ? 0 : RedWeight(aces);
        aces = aces with { X = aces.X + (hueWeight * saturation * (RedPivot - aces.X) * (1 - RedScale)) };

        aces = aces.ClampLow(0);
        var rgb = Ap0ToAp1.Apply(aces).Clamp(0, HalfMax);
        return Desaturate.Apply(rgb);
    }

    public static Vec3 Reverse(Vec3 ap1)
    {
        var rgb = DesaturateInverse.Apply(ap1).Clamp(0, HalfMax);
        var aces = Ap1ToAp0.Apply(rgb).Clamp(0, HalfMax);

        // Red modifier: solve its quadratic in the red channel (InvRRT.ctl).
        var centered = CenteredHue(aces);
        var hueWeight = CubicBasisShaper(centered, RedWidth);
        var minChan = centered < 0 ? aces.Y : aces.Z;
        var a = (hueWeight * (1 - RedScale)) - 1;
        var b = aces.X - (hueWeight * (RedPivot + minChan) * (1 - RedScale));
        var c = hueWeight * RedPivot * minChan * (1 - RedScale);
        aces = aces with { X = (-b - Math.Sqrt((b * b) - (4 * a * c))) / (2 * a) };

        var s = SigmoidShaper((Saturation(aces) - 0.4) / 0.2);
        return (1 + GlowReverse(Yc(aces), GlowGain * s)) * aces;
    }

    // ACESlib.RRT_Common.ctl rgb_2_saturation (TINY = 1e-10).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Saturation(Vec3 rgb)
        => (Math.Max(rgb.Max, 1e-10) - Math.Max(rgb.Min, 1e-10)) / Math.Max(rgb.Max, 1e-2);

    // rgb_2_yc with the default radius weight 1.75: a luminance proxy that rises with chroma.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Yc(Vec3 rgb)
    {
        var (r, g, b) = (rgb.X, rgb.Y, rgb.Z);
        var chroma = Math.Sqrt((b * (b - g)) + (g * (g - r)) + (r * (r - b)));
        return (b + g + r + (1.75 * chroma)) / 3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SigmoidShaper(double x)
    {
        var t = Math.Max(1 - Math.Abs(x / 2), 0);
        var y = 1 + (Math.Sign(x) * (1 - (t * t)));
        return y / 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GlowForward(double yc, double gain)
    {
        if (yc <= 2.0 / 3 * GlowMid)
        {
            return gain;
        }

        return yc >= 2 * GlowMid ? 0 : gain * ((GlowMid / yc) - 0.5);
    }

    private static double GlowReverse(double yc, double gain)
    {
        if (yc <= (1 + gain) * 2.0 / 3 * GlowMid)
        {
            return -gain / (1 + gain);
        }

        return yc >= 2 * GlowMid ? 0 : gain * ((GlowMid / yc) - 0.5) / ((gain / 2) - 1);
    }

    // The red modifier's weight is zero beyond RedWidth / 2 from red (hue 0°). Most pixels are far
    // outside; telling them from the hue's vector (2R − G − B, √3 (G − B)) without its atan2 saves the
    // call. The test keeps a 2.5° margin, so the pixels it skips would have got exactly 0 anyway; NaN
    // and neutral inputs fall through to the exact path.
    private static readonly double NotRedSlope = Math.Tan(((RedWidth / 2) + 2.5) * Math.PI / 180);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ClearlyNotRed(Vec3 rgb)
    {
        var x = (2 * rgb.X) - rgb.Y - rgb.Z;
        var y = Math.Sqrt(3) * (rgb.Y - rgb.Z);
        return x < 0 || Math.Abs(y) > NotRedSlope * x;
    }

    /// <summary>The red modifier's hue weight: a bump of width RedWidth centred on red.</summary>
    internal static double RedWeight(Vec3 rgb) => CubicBasisShaper(CenteredHue(rgb), RedWidth);

    // rgb_2_hue then center_hue around the red hue (0°); neutral colours have no hue and get no weight.
    private static double CenteredHue(Vec3 rgb)
    {
        if (rgb.X == rgb.Y && rgb.Y == rgb.Z)
        {
            return double.NaN;
        }

        var hue = 180 / Math.PI * Math.Atan2(Math.Sqrt(3) * (rgb.Y - rgb.Z), (2 * rgb.X) - rgb.Y - rgb.Z);
        if (hue < 0)
        {
            hue += 360;
        }

        var centered = hue - RedHue;
        if (centered < -180)
        {
            centered += 360;
        }
        else if (centered > 180)
        {
            centered -= 360;
        }

        return centered;
    }

    // A smooth bump of full width w centred on 0 (uniform cubic B-spline basis), peak 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CubicBasisShaper(double x, double w)
    {
        if (!(x > -w / 2 && x < w / 2))
        {
            return 0;
        }

        var knotCoord = (x + (w / 2)) * 4 / w;
        var j = (int)knotCoord;
        var t = knotCoord - j;
        double y = j switch
        {
            3 => ((((-t + 3) * t) - 3) * t + 1) / 6,
            2 => (((3 * t) - 6) * t * t + 4) / 6,
            1 => ((((-3 * t) + 3) * t + 3) * t + 1) / 6,
            0 => t * t * t / 6,
            _ => 0,
        };
        return y * 1.5;
    }
}
