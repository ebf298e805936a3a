namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// ACES 2.0 gamut compression (aces-core Lib.Academy.OutputTransform.ctl gamutMap, with the table
/// construction of OpenColorIO's ACES2/Transform.cpp): out-of-gamut colours move along lines toward a
/// focus point on the J axis, compressing M between a threshold and the reach boundary onto the
/// limiting gamut's hull, described per hue by its cusp (J, M) and an upper-hull gamma.
/// All tables are built once, here; the instance is immutable.
/// </summary>
internal sealed partial class GamutMapper
{
    // Lib.Academy.OutputTransform.ctl gamut mapper presets.
    private const double SmoothCusps = 0.12;
    private const double SmoothM = 0.27;
    private const double CuspMidBlend = 1.3;
    private const double FocusGainBlend = 0.3;
    private const double FocusDistance = 1.35;
    private const double FocusDistanceScaling = 1.75;
    private const double CompressionThreshold = 0.75;

    private readonly double _limitJMax;
    private readonly double _midJ;
    private readonly double _focusDist;
    private readonly double _lowerHullGammaInv;
    private readonly double[] _hues = new double[HueTable.Size];
    private readonly double[] _cuspJ = new double[HueTable.Size];
    private readonly double[] _cuspM = new double[HueTable.Size];
    private readonly double[] _upperGammaInv = new double[HueTable.Size];

    public GamutMapper(ToneScale tone, Hellwig2022 input, Hellwig2022 limit, Hellwig2022 reach, double limitJMax)
    {
        _limitJMax = limitJMax;
        _midJ = input.YToJ(tone.GreyTarget * Hellwig2022.ReferenceLuminance);
        _focusDist = FocusDistance + (FocusDistance * FocusDistanceScaling * tone.LogPeak);
        _lowerHullGammaInv = 1 / (1.14 + (0.07 * tone.LogPeak));
        BuildCuspTable(tone, limit, reach);
        BuildUpperHullGamma(tone.Peak, limit);
    }

    public Vec3 Forward(Vec3 jmh, double reachM)
    {
        var (j, m, h) = (jmh.X, jmh.Y, jmh.Z);
        if (j <= 0)
        {
            return new Vec3(0, 0, h);
        }

        if (m <= 0 || j > _limitJMax)
        {
            return new Vec3(j, 0, h);
        }

        var hue = HueParameters(h);
        return Compress(jmh, j, reachM, hue, inverse: false);
    }

    public Vec3 Inverse(Vec3 jmh, double reachM)
    {
        var (j, m, h) = (jmh.X, jmh.Y, jmh.Z);
        if (j <= 0)
        {
            return new Vec3(0, 0, h);
        }

        if (m <= 0 || j > _limitJMax)
        {
            return new Vec3(j, 0, h);
        }

        var hue = HueParameters(h);
        var jx = j;
        if (jx > hue.AnalyticalThreshold)
        {
            // Above the threshold the focus gain depends on the source J: approximate it with one pass.
            jx = Compress(jmh, jx, reachM, hue, inverse: true).X;
        }

        return Compress(jmh, jx, reachM, hue, inverse: true);
    }

    private readonly record struct HueDependent(double CuspJ, double CuspM, double GammaTopInv, double GammaBottomInv, double FocusJ, double AnalyticalThreshold);

    private HueDependent HueParameters(double hue)
    {
        var hi = HueInterval(hue);
        var t = (hue - _hues[hi - 1]) / (_hues[hi] - _hues[hi - 1]);
        var cuspJ = HueTable.Lerp(_cuspJ[hi - 1], _cuspJ[hi], t);
        var cuspM = HueTable.Lerp(_cuspM[hi - 1], _cuspM[hi], t);
        var gammaTop = HueTable.Lerp(_upperGammaInv[hi - 1], _upperGammaInv[hi], t);
        return new HueDependent(cuspJ, cuspM, gammaTop, _lowerHullGammaInv, FocusJ(cuspJ), HueTable.Lerp(cuspJ, _limitJMax, FocusGainBlend));
    }

    // The upper index of the table interval that holds the hue (hues[hi − 1] < hue ≤ hues[hi]).
    private int HueInterval(double hue)
    {
        int lo = 0, hi = HueTable.UpperWrap;
        while (lo + 1 < hi)
        {
            var mid = (lo + hi) / 2;
            if (hue > _hues[mid])
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Max(1, hi);
    }

    private double FocusJ(double cuspJ) => HueTable.Lerp(cuspJ, _midJ, Math.Min(1, CuspMidBlend - (cuspJ / _limitJMax)));

    private Vec3 Compress(Vec3 jmh, double jx, double reachM, HueDependent p, bool inverse)
    {
        var (j, m, h) = (jmh.X, jmh.Y, jmh.Z);
        var slopeGain = FocusGain(jx, p.AnalyticalThreshold);
        var jIntersectSource = SolveJIntersect(j, m, p.FocusJ, slopeGain);
        var slope = CompressionSlope(jIntersectSource, p.FocusJ, slopeGain);
        var jIntersectCusp = SolveJIntersect(p.CuspJ, p.CuspM, p.FocusJ, slopeGain);
        var boundaryM = BoundaryIntersection(p.CuspJ, p.CuspM, p.GammaTopInv, p.GammaBottomInv, jIntersectSource, slope, jIntersectCusp);
        if (boundaryM <= 0)
        {
            return new Vec3(j, 0, h);
        }

        var reachBoundaryM = LineBoundaryIntersectionM(jIntersectSource, slope, ChromaCompression.GammaInverse, _limitJMax, reachM, _limitJMax);
        var remapped = RemapM(m, boundaryM, reachBoundaryM, inverse);
        return new Vec3(jIntersectSource + (remapped * slope), remapped, h);
    }

    private double FocusGain(double j, double analyticalThreshold)
    {
        var gain = _limitJMax * _focusDist;
        if (j > analyticalThreshold)
        {
            var adjustment = Math.Log10((_limitJMax - analyticalThreshold) / Math.Max(0.0001, _limitJMax - j));
            gain *= (adjustment * adjustment) + 1;
        }

        return gain;
    }

    // Where the compression line through (J, M) crosses the J axis.
    private double SolveJIntersect(double j, double m, double focusJ, double slopeGain)
    {
        var mScaled = m / slopeGain;
        var a = mScaled / focusJ;
        if (j < focusJ)
        {
            var b = 1 - mScaled;
            var c = -j;
            return -2 * c / (b + Math.Sqrt((b * b) - (4 * a * c)));
        }
        else
        {
            var b = -(1 + mScaled + (_limitJMax * a));
            var c = (_limitJMax * mScaled) + j;
            return -2 * c / (b - Math.Sqrt((b * b) - (4 * a * c)));
        }
    }

    private double CompressionSlope(double jIntersect, double focusJ, double slopeGain)
    {
        var direction = jIntersect < focusJ ? jIntersect : _limitJMax - jIntersect;
        return direction * (jIntersect - focusJ) / (focusJ * slopeGain);
    }

    // Approximate intersection of the line J = slope·M + J_intersect with the hull J = J_max (M / M_max)^(1/γ).
    private static double LineBoundaryIntersectionM(double jAxisIntersect, double slope, double gammaInv, double jMax, double mMax, double jReference)
    {
        var shifted = jReference * Math.Pow(jAxisIntersect / jReference, gammaInv);
        return shifted * mMax / (jMax - (slope * mMax));
    }

    private double BoundaryIntersection(double cuspJ, double cuspM, double gammaTopInv, double gammaBottomInv, double jIntersectSource, double slope, double jIntersectCusp)
    {
        var lower = LineBoundaryIntersectionM(jIntersectSource, slope, gammaBottomInv, cuspJ, cuspM, jIntersectCusp);

        // The upper hull, flipped about J_max.
        var upper = LineBoundaryIntersectionM(_limitJMax - jIntersectSource, -slope, gammaTopInv, _limitJMax - cuspJ, cuspM, _limitJMax - jIntersectCusp);
        return SmoothMin(lower, upper, cuspM);
    }

    // A cubic smooth minimum whose width scales with the reference.
    private static double SmoothMin(double a, double b, double reference)
    {
        var s = SmoothCusps * reference;
        var h = Math.Max(s - Math.Abs(a - b), 0) / s;
        return Math.Min(a, b) - (h * h * h * s / 6);
    }

    // Compresses M beyond a threshold so that the reach boundary lands on the gamut boundary (Reinhard curve).
    private static double RemapM(double m, double gamutBoundaryM, double reachBoundaryM, bool inverse)
    {
        var proportion = Math.Max(gamutBoundaryM / reachBoundaryM, CompressionThreshold);
        var threshold = proportion * gamutBoundaryM;
        if (m <= threshold || proportion >= 1)
        {
            return m;
        }

        var mOffset = m - threshold;
        var gamutOffset = gamutBoundaryM - threshold;
        var reachOffset = reachBoundaryM - threshold;
        var scale = reachOffset / ((reachOffset / gamutOffset) - 1);
        var nd = mOffset / scale;
        if (inverse)
        {
            return threshold + (nd >= 1 ? scale : scale * -(nd / (nd - 1)));
        }

        return threshold + (scale * nd / (1 + nd));
    }
}
