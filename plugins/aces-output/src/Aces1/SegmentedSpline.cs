using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rushes.Plugins.AcesOutput.Aces1;

/// <summary>
/// The ACES 1.x tone curve shape: in log10–log10, a uniform quadratic B-spline from a minimum point to a
/// mid point and another from the mid point to a maximum point, with straight lines beyond
/// (ACESlib.Tonescales.ctl segmented_spline_c5/c9 and ACESlib.SSTS.ctl ssts share this form).
/// </summary>
internal sealed class SegmentedSpline
{
    // Smallest positive half float (CTL HALF_MIN): the floor before taking the log.
    private const double HalfMin = 5.96046448e-08;

    private readonly double[] _low;
    private readonly double[] _high;
    private readonly double[] _knotYLow;
    private readonly double[] _knotYHigh;
    private readonly double _logMinX, _logMidX, _logMaxX, _logMinY, _logMidY, _logMaxY, _slopeLow, _slopeHigh;

    /// <param name="min">The minimum point (x, y), linear.</param>
    /// <param name="mid">The mid point.</param>
    /// <param name="max">The maximum point.</param>
    /// <param name="slopeLow">Log–log slope below the minimum.</param>
    /// <param name="slopeHigh">Log–log slope above the maximum.</param>
    /// <param name="coefsLow">B-spline coefficients (log10 y) of the lower half; knots = count − 2.</param>
    /// <param name="coefsHigh">Coefficients of the upper half.</param>
    public SegmentedSpline((double X, double Y) min, (double X, double Y) mid, (double X, double Y) max, double slopeLow, double slopeHigh, double[] coefsLow, double[] coefsHigh)
    {
        _low = coefsLow;
        _high = coefsHigh;
        (_logMinX, _logMinY) = (Math.Log10(min.X), Math.Log10(min.Y));
        (_logMidX, _logMidY) = (Math.Log10(mid.X), Math.Log10(mid.Y));
        (_logMaxX, _logMaxY) = (Math.Log10(max.X), Math.Log10(max.Y));
        _slopeLow = slopeLow;
        _slopeHigh = slopeHigh;
        _knotYLow = KnotValues(coefsLow);
        _knotYHigh = KnotValues(coefsHigh);
    }

    /// <summary>The RRT's tone curve (ACESlib.Tonescales.ctl RRT_PARAMS), scene ACES to OCES luminance.</summary>
    public static SegmentedSpline Rrt { get; } = new(
        (0.18 * Math.Pow(2, -15), 0.0001), (0.18, 4.8), (0.18 * Math.Pow(2, 18), 10000), 0, 0,
        [-4.0000000000, -4.0000000000, -3.1573765773, -0.4852499958, 1.8477324706, 1.8477324706],
        [-0.7185482425, 2.0810307172, 3.6681241237, 4.0000000000, 4.0000000000, 4.0000000000]);

    /// <summary>The 48 cd/m² ODT tone curve (ACESlib.Tonescales.ctl ODT_48nits), OCES to display luminance.</summary>
    public static SegmentedSpline Odt48Nits { get; } = new(
        (Rrt.Forward(0.18 * Math.Pow(2, -6.5)), 0.02), (Rrt.Forward(0.18), 4.8), (Rrt.Forward(0.18 * Math.Pow(2, 6.5)), 48.0), 0, 0.04,
        [-1.6989700043, -1.6989700043, -1.4779000000, -1.2291000000, -0.8648000000, -0.4480000000, 0.0051800000, 0.4511080334, 0.9113744414, 0.9113744414],
        [0.5154386965, 0.8470437783, 1.1358000000, 1.3802000000, 1.5197000000, 1.5985000000, 1.6467000000, 1.6746091357, 1.6878733390, 1.6878733390]);

    public Vec3 Forward(Vec3 v)
    {
        if (!VectorMath.Enabled)
        {
            return new(Forward(v.X), Forward(v.Y), Forward(v.Z));
        }

        // The logs and powers of the three channels in one vector call each; the spline piece per lane.
        var logx = Vector256.Log(Vector256.Max(VectorMath.Load(v), Vector256.Create(HalfMin))) * Vector256.Create(1 / Ln10);
        var logy = Vector256.Create(LogForward(logx[0]), LogForward(logx[1]), LogForward(logx[2]), 0);
        return VectorMath.Store(Vector256.Exp(logy * Vector256.Create(Ln10)));
    }

    public Vec3 Reverse(Vec3 v) => new(Reverse(v.X), Reverse(v.Y), Reverse(v.Z));

    public double Forward(double x) => Pow10(LogForward(Math.Log10(Math.Max(x, HalfMin))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LogForward(double logx)
    {
        double logy;
        if (logx <= _logMinX)
        {
            logy = (logx * _slopeLow) + (_logMinY - (_slopeLow * _logMinX));
        }
        else if (logx < _logMidX)
        {
            logy = Segment(_low, (_low.Length - 3) * (logx - _logMinX) / (_logMidX - _logMinX));
        }
        else if (logx < _logMaxX)
        {
            logy = Segment(_high, (_high.Length - 3) * (logx - _logMidX) / (_logMaxX - _logMidX));
        }
        else
        {
            logy = (logx * _slopeHigh) + (_logMaxY - (_slopeHigh * _logMaxX));
        }

        return logy;
    }

    // 10^y through exp, which is cheaper than a general power and exact to a few ulps.
    private static double Pow10(double y) => Math.Exp(y * Ln10);

    private const double Ln10 = 2.302585092994045684;

    /// <summary>The inverse within [min, max]; clamps outside it, as the CTL does.</summary>
    public double Reverse(double y)
    {
        var logy = Math.Log10(Math.Max(y, 1e-10));
        if (logy <= _logMinY)
        {
            return Math.Pow(10, _logMinX);
        }

        if (logy <= _logMidY)
        {
            return Math.Pow(10, _logMinX + (InvertSegment(_low, _knotYLow, logy) * (_logMidX - _logMinX) / (_low.Length - 3)));
        }

        if (logy < _logMaxY)
        {
            return Math.Pow(10, _logMidX + (InvertSegment(_high, _knotYHigh, logy) * (_logMaxX - _logMidX) / (_high.Length - 3)));
        }

        return Math.Pow(10, _logMaxX);
    }

    // The value at knot i is the mean of coefficients i and i + 1 (quadratic B-spline).
    private static double[] KnotValues(double[] coefs)
    {
        var knots = new double[coefs.Length - 2];
        for (var i = 0; i < knots.Length; i++)
        {
            knots[i] = (coefs[i] + coefs[i + 1]) / 2;
        }

        return knots;
    }

    // Quadratic B-spline piece j at t: [t², t, 1] · M · (c_j, c_j+1, c_j+2), M = [[½, −1, ½], [−1, 1, ½], [½, 0, 0]].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Segment(double[] c, double knotCoord)
    {
        var j = (int)knotCoord;
        var t = knotCoord - j;
        var (a, b, k) = Quadratic(c, j);
        return (((a * t) + b) * t) + k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double A, double B, double C) Quadratic(double[] c, int j)
        => ((0.5 * c[j]) - c[j + 1] + (0.5 * c[j + 2]), -c[j] + c[j + 1], (0.5 * c[j]) + (0.5 * c[j + 1]));

    // Finds the piece whose knot range holds logy and solves its quadratic for t; returns j + t.
    private static double InvertSegment(double[] c, double[] knotY, double logy)
    {
        var j = 0;
        while (j < knotY.Length - 2 && logy > knotY[j + 1])
        {
            j++;
        }

        var (a, b, k) = Quadratic(c, j);
        k -= logy;
        var d = Math.Sqrt((b * b) - (4 * a * k));
        var t = 2 * k / (-d - b);
        return t + j;
    }
}
