namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// Building the hue tables (once per compiled transform). The sampling follows OpenColorIO's
/// ACES2/Transform.cpp, the executable reference for the Academy's test vectors: hues are spread as
/// uniformly as possible over 360 entries while landing exactly on every limiting-gamut and reach
/// corner, so that the piecewise-linear cusp follows the gamut's corners.
/// </summary>
internal sealed partial class GamutMapper
{
    private const int CornerCount = 6;
    private const double ReachCuspTolerance = 1e-3;
    private const double DisplayCuspTolerance = 1e-7;

    // Upper-hull gamma search (OCIO ACES2 Common.h gammaMinimum/Maximum/SearchStep/Accuracy).
    private const double GammaMinimum = 0, GammaMaximum = 5, GammaSearchStep = 0.4, GammaAccuracy = 1e-5;

    /// <summary>The M where the reach gamut (AP1) leaves positive RGB at J = limit J max, per whole degree.</summary>
    public static double[] ReachTable(Hellwig2022 reach, double limitJMax)
    {
        const double step = 50, maximum = 1300, tolerance = 1e-2;
        var table = new double[HueTable.Size];
        for (var i = 0; i < HueTable.Nominal; i++)
        {
            double low = 0, high = step;
            var outside = false;
            while (!outside && high < maximum)
            {
                outside = reach.JmhToRgb(new Vec3(limitJMax, high, i)).Min < 0;
                if (!outside)
                {
                    low = high;
                    high += step;
                }
            }

            while (high - low > tolerance)
            {
                var mid = (high + low) / 2;
                if (reach.JmhToRgb(new Vec3(limitJMax, mid, i)).Min < 0)
                {
                    high = mid;
                }
                else
                {
                    low = mid;
                }
            }

            table[i + HueTable.First] = high;
        }

        HueTable.Wrap(table);
        return table;
    }

    // Unit-cube corners in hue order R, Y, G, C, B, M.
    private static Vec3 Corner(int i)
        => new(((i + 1) % CornerCount) < 3 ? 1 : 0, ((i + 5) % CornerCount) < 3 ? 1 : 0, ((i + 3) % CornerCount) < 3 ? 1 : 0);

    private void BuildCuspTable(ToneScale tone, Hellwig2022 limit, Hellwig2022 reach)
    {
        // Limiting gamut corners at display peak.
        var limitRgb = new Vec3[CornerCount];
        var limitJmh = new Vec3[CornerCount];
        for (var i = 0; i < CornerCount; i++)
        {
            limitRgb[i] = tone.Peak / Hellwig2022.ReferenceLuminance * Corner(i);
            limitJmh[i] = limit.RgbToJmh(limitRgb[i]);
        }

        // Reach corners: scale each unit corner until its achromatic response reaches limit J max.
        var reachJmh = new Vec3[CornerCount];
        var limitA = Math.Pow(_limitJMax / 100, 1 / reach.Cz);
        for (var i = 0; i < CornerCount; i++)
        {
            double lower = 0, upper = tone.ForwardLimit;
            while (upper - lower > ReachCuspTolerance)
            {
                var test = (lower + upper) / 2;
                var a = reach.RgbToAab(test * Corner(i)).X;
                if (a < limitA)
                {
                    lower = test;
                }
                else
                {
                    upper = test;
                }

                if (a == limitA)
                {
                    break;
                }
            }

            reachJmh[i] = reach.RgbToJmh(upper * Corner(i));
        }

        var (cycleRgb, cycleJmh) = Cycle(limitRgb, limitJmh);
        var (_, reachCycle) = Cycle(new Vec3[CornerCount], reachJmh);
        BuildHueTable(MergeHues(reachCycle, cycleJmh));

        var previous = (Corner: -1, T: 0.0);
        for (var i = HueTable.First; i < HueTable.UpperWrap; i++)
        {
            var (j, m) = DisplayCusp(_hues[i], cycleRgb, cycleJmh, limit, ref previous);
            _cuspJ[i] = j;
            _cuspM[i] = m * (1 + (SmoothM * SmoothCusps));
        }

        HueTable.Wrap(_cuspJ);
        HueTable.Wrap(_cuspM);
    }

    // Rotates the corners so the lowest hue comes first, then adds one wrap entry at each end (hues
    // shifted by ∓360°) to form a cycle of 8.
    private static (Vec3[] Rgb, Vec3[] Jmh) Cycle(Vec3[] rgb, Vec3[] jmh)
    {
        var min = 0;
        for (var i = 1; i < CornerCount; i++)
        {
            if (jmh[i].Z < jmh[min].Z)
            {
                min = i;
            }
        }

        var outRgb = new Vec3[CornerCount + 2];
        var outJmh = new Vec3[CornerCount + 2];
        for (var i = 0; i < CornerCount; i++)
        {
            outRgb[i + 1] = rgb[(i + min) % CornerCount];
            outJmh[i + 1] = jmh[(i + min) % CornerCount];
        }

        outRgb[0] = outRgb[CornerCount];
        outRgb[CornerCount + 1] = outRgb[1];
        outJmh[0] = outJmh[CornerCount] with { Z = outJmh[CornerCount].Z - 360 };
        outJmh[CornerCount + 1] = outJmh[1] with { Z = outJmh[1].Z + 360 };
        return (outRgb, outJmh);
    }

    // Merges the two sorted corner-hue lists into one list of unique hues.
    private static List<double> MergeHues(Vec3[] reach, Vec3[] display)
    {
        var hues = new List<double>();
        int r = 1, d = 1;
        while (r < CornerCount + 1 || d < CornerCount + 1)
        {
            var rh = reach[r].Z;
            var dh = display[d].Z;
            if (rh == dh)
            {
                hues.Add(rh);
                r++;
                d++;
            }
            else if (rh < dh)
            {
                hues.Add(rh);
                r++;
            }
            else
            {
                hues.Add(dh);
                d++;
            }
        }

        return hues;
    }

    // Spreads 360 samples over [0, 360) so that each corner hue is a sample, in proportion to the gaps.
    private void BuildHueTable(List<double> sorted)
    {
        var counts = new int[(2 * CornerCount) + 2];
        var lastIndex = -1;
        var minIndex = sorted[0] == 0 ? 0 : 1;
        for (var k = 0; k < sorted.Count; k++)
        {
            var nominal = Math.Min(Math.Max((int)Math.Round(sorted[k], MidpointRounding.AwayFromZero), minIndex), HueTable.Nominal - 1);
            if (lastIndex == nominal)
            {
                if (k > 1 && counts[k - 2] != counts[k - 1] - 1)
                {
                    counts[k - 1]--;
                }
                else
                {
                    nominal++;
                }
            }

            counts[k] = Math.Min(nominal, HueTable.Nominal - 1);
            lastIndex = minIndex = nominal;
        }

        var total = 0;
        var i = 0;
        Fill(counts[i], 0, sorted[i], total + 1);
        total += counts[i];
        for (i = 1; i < sorted.Count; i++)
        {
            var samples = counts[i] - counts[i - 1];
            Fill(samples, sorted[i - 1], sorted[i], total + 1);
            total += samples;
        }

        Fill(HueTable.Nominal - total, sorted[i - 1], 360, total + 1);
        _hues[0] = _hues[HueTable.Last] - 360;
        _hues[HueTable.UpperWrap] = _hues[HueTable.First] + 360;
        _hues[HueTable.UpperWrap + 1] = _hues[HueTable.First + 1] + 360;

        void Fill(int samples, double lower, double upper, int start)
        {
            var delta = (upper - lower) / samples;
            for (var s = 0; s < samples; s++)
            {
                _hues[start + s] = lower + (s * delta);
            }
        }
    }

    // The limiting gamut's cusp at a hue: bisect along the cube edge between the two corners around it.
    private static (double J, double M) DisplayCusp(double hue, Vec3[] rgb, Vec3[] jmh, Hellwig2022 limit, ref (int Corner, double T) previous)
    {
        var upper = 1;
        for (var i = 1; i < CornerCount + 2; i++)
        {
            if (jmh[i].Z > hue)
            {
                upper = i;
                break;
            }
        }

        var lower = upper - 1;
        if (jmh[lower].Z == hue)
        {
            return (jmh[lower].X, jmh[lower].Y);
        }

        var lowT = upper == previous.Corner ? previous.T : 0;
        var highT = 1.0;
        while (highT - lowT > DisplayCuspTolerance)
        {
            var t = (lowT + highT) / 2;
            var sampleHue = limit.RgbToJmh(rgb[lower] + (t * (rgb[upper] - rgb[lower]))).Z;
            if (sampleHue < jmh[lower].Z)
            {
                highT = t;
            }
            else if (sampleHue >= jmh[upper].Z)
            {
                lowT = t;
            }
            else if (sampleHue > hue)
            {
                highT = t;
            }
            else
            {
                lowT = t;
            }
        }

        var final = (lowT + highT) / 2;
        var cusp = limit.RgbToJmh(rgb[lower] + (final * (rgb[upper] - rgb[lower])));
        previous = (upper, final);
        return (cusp.X, cusp.Y);
    }

    // Per hue, the smallest upper-hull gamma whose hull lies outside the limiting gamut at five test points.
    private void BuildUpperHullGamma(double peak, Hellwig2022 limit)
    {
        ReadOnlySpan<double> positions = [0.01, 0.1, 0.5, 0.8, 0.99];
        var luminanceLimit = peak / Hellwig2022.ReferenceLuminance;
        Span<(double J, double JIntersect, double Slope, double JIntersectCusp)> tests = stackalloc (double, double, double, double)[5];
        for (var i = HueTable.First; i < HueTable.UpperWrap; i++)
        {
            var (cuspJ, cuspM, hue) = (_cuspJ[i], _cuspM[i], _hues[i]);
            var threshold = HueTable.Lerp(cuspJ, _limitJMax, FocusGainBlend);
            var focusJ = FocusJ(cuspJ);
            for (var k = 0; k < positions.Length; k++)
            {
                var testJ = HueTable.Lerp(cuspJ, _limitJMax, positions[k]);
                var gain = FocusGain(testJ, threshold);
                var jIntersect = SolveJIntersect(testJ, cuspM, focusJ, gain);
                tests[k] = (testJ, jIntersect, CompressionSlope(jIntersect, focusJ, gain), SolveJIntersect(cuspJ, cuspM, focusJ, gain));
            }

            bool Fits(double gamma, ReadOnlySpan<(double J, double JIntersect, double Slope, double JIntersectCusp)> data)
            {
                foreach (var t in data)
                {
                    var m = BoundaryIntersection(cuspJ, cuspM, 1 / gamma, _lowerHullGammaInv, t.JIntersect, t.Slope, t.JIntersectCusp);
                    var j = t.JIntersect + (t.Slope * m);
                    var rgb = limit.JmhToRgb(new Vec3(j, m, hue));
                    if (!(rgb.X > luminanceLimit || rgb.Y > luminanceLimit || rgb.Z > luminanceLimit))
                    {
                        return false;
                    }
                }

                return true;
            }

            double low = GammaMinimum, high = low + GammaSearchStep;
            var found = false;
            while (!found && high < GammaMaximum)
            {
                if (Fits(high, tests))
                {
                    found = true;
                }
                else
                {
                    low = high;
                    high += GammaSearchStep;
                }
            }

            while (high - low > GammaAccuracy)
            {
                var test = (high + low) / 2;
                if (Fits(test, tests))
                {
                    high = test;
                }
                else
                {
                    low = test;
                }
            }

            _upperGammaInv[i] = 1 / high;
        }

        HueTable.Wrap(_upperGammaInv);
    }
}
