namespace Rushes.Plugins.AcesOutput.Aces1;

/// <summary>
/// The ACES 1.1+ single-stage tone scale (ACESlib.SSTS.ctl init_TsParams): the RRT and ODT tone curves
/// in one spline, built from the display's black, mid-grey and peak luminance.
/// </summary>
internal static class SingleStageToneScale
{
    // ACESlib.SSTS.ctl: the stops and luminances that anchor the curve's ends.
    private const double MinStopSdr = -6.5, MaxStopSdr = 6.5, MinStopRrt = -15, MaxStopRrt = 18;
    private const double MinLumSdr = 0.02, MaxLumSdr = 48.0, MinLumRrt = 0.0001, MaxLumRrt = 10000.0;

    // Mid point: 18 % grey to 4.8 cd/m² with a log–log slope of 1.55 (init_TsParams MID_PT).
    private const double MidX = 0.18, MidY = 4.8, MidSlope = 1.55;

    /// <summary>The curve for a display from <paramref name="minLum"/> to <paramref name="maxLum"/> cd/m², mid grey landing at <paramref name="midLum"/>.</summary>
    public static SegmentedSpline Create(double minLum, double midLum, double maxLum)
    {
        // outputTransform(): shift exposure so that 0.18 lands on Y_MID instead of 4.8.
        var unshifted = Build(minLum, maxLum, 0);
        var expShift = Math.Log2(unshifted.Reverse(midLum)) - Math.Log2(MidX);
        return Build(minLum, maxLum, expShift);
    }

    private static SegmentedSpline Build(double minLum, double maxLum, double expShift)
    {
        var minX = 0.18 * Math.Pow(2, Interpolate(Math.Log10(minLum), Math.Log10(MinLumRrt), MinStopRrt, Math.Log10(MinLumSdr), MinStopSdr));
        var maxX = 0.18 * Math.Pow(2, Interpolate(Math.Log10(maxLum), Math.Log10(MaxLumSdr), MaxStopSdr, Math.Log10(MaxLumRrt), MaxStopRrt));

        // init_coefsLow / init_coefsHigh: outer coefficients continue the end slopes, the middle one bends.
        var knotIncLow = (Math.Log10(MidX) - Math.Log10(minX)) / 3;
        var knotIncHigh = (Math.Log10(maxX) - Math.Log10(MidX)) / 3;
        var pctLow = Interpolate(Math.Log2(minX / 0.18), MinStopRrt, 0.18, MinStopSdr, 0.35);
        var pctHigh = Interpolate(Math.Log2(maxX / 0.18), MaxStopSdr, 0.89, MaxStopRrt, 0.90);
        double[] low =
        [
            Line(minX, minLum, 0, -0.5 * knotIncLow),
            Line(minX, minLum, 0, 0.5 * knotIncLow),
            Math.Log10(minLum) + (pctLow * (Math.Log10(MidY) - Math.Log10(minLum))),
            Line(MidX, MidY, MidSlope, -0.5 * knotIncLow),
            Line(MidX, MidY, MidSlope, 0.5 * knotIncLow),
            0,
        ];
        low[5] = low[4];
        double[] high =
        [
            Line(MidX, MidY, MidSlope, -0.5 * knotIncHigh),
            Line(MidX, MidY, MidSlope, 0.5 * knotIncHigh),
            Math.Log10(MidY) + (pctHigh * (Math.Log10(maxLum) - Math.Log10(MidY))),
            Line(maxX, maxLum, 0, -0.5 * knotIncHigh),
            Line(maxX, maxLum, 0, 0.5 * knotIncHigh),
            0,
        ];
        high[5] = high[4];

        double Shift(double x) => Math.Pow(2, Math.Log2(x) - expShift);
        return new SegmentedSpline((Shift(minX), minLum), (Shift(MidX), MidY), (Shift(maxX), maxLum), 0, 0, low, high);
    }

    // log10 y of the straight line through (x, y) with log–log slope s, offset by dx in log10 x.
    private static double Line(double x, double y, double slope, double dx)
        => (slope * (Math.Log10(x) + dx)) + (Math.Log10(y) - (slope * Math.Log10(x)));

    // CTL interpolate1D over a two-row table, clamped at its ends.
    private static double Interpolate(double p, double x0, double y0, double x1, double y1)
    {
        if (p <= x0)
        {
            return y0;
        }

        return p >= x1 ? y1 : y0 + ((p - x0) / (x1 - x0) * (y1 - y0));
    }
}
