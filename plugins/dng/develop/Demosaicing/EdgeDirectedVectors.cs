using System.Numerics;
using System.Runtime.InteropServices;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// The SIMD path of the edge-directed stages: the same arithmetic as the scalar code, <see cref="Vector{T}"/>
/// lanes at a time. Each vector computes every lane with the red/blue formula and the green one where they
/// differ, and keeps per lane the one that applies to its site. The last vector of a row overlaps the one before
/// it rather than leaving a scalar tail, which is safe because these stages never read what they write.
/// </summary>
internal static partial class EdgeDirectedDemosaic
{
    private static readonly Vector<float> Half = new(0.5f);
    private static readonly Vector<float> Quarter = new(0.25f);
    private static readonly Vector<float> Two = new(2f);
    private static readonly Vector<float> One = Vector<float>.One;
    private static readonly Vector<float> Eps = new(Epsilon);

    // Lanes 0, 2, 4, … and lanes 1, 3, 5, …: the sites of one parity within a vector (Vector<float>.Count is even).
    private static readonly Vector<int> EvenLanes = Lanes(0);
    private static readonly Vector<int> OddLanes = Lanes(1);

    private static Vector<int> Lanes(int parity)
    {
        var lanes = new int[Vector<int>.Count];
        for (var k = 0; k < lanes.Length; k++)
        {
            lanes[k] = (k & 1) == parity ? -1 : 0;
        }

        return new Vector<int>(lanes);
    }

    private sealed partial class Stages
    {
        // Loads without a bounds check: every index is inside the padded planes by the stage margins, the same
        // ranges the scalar path reads with checks (and VectorPathTests compares the two).
        private static Vector<float> L(float[] a, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

        /// <summary>Calls <paramref name="at"/>(index, chroma-lane mask) for vectors covering columns [margin, stride − margin) of a row; false when the row is too short.</summary>
        private bool ForVectors(int row, int margin, Action<int, Vector<int>> at)
        {
            var count = Vector<float>.Count;
            int start = margin, end = _w - margin;
            if (!UseVectors || !Vector.IsHardwareAccelerated || end - start < count)
            {
                return false;
            }

            var parity = layout.ChromaColumnParity(row - _pad);
            for (var col = start; ; col += count)
            {
                var c = Math.Min(col, end - count);
                at((row * _w) + c, (((c - _pad) ^ parity) & 1) == 0 ? EvenLanes : OddLanes);
                if (c == end - count)
                {
                    return true;
                }
            }
        }

        private static Vector<float> EnergyV(float[] c, int i, int step, int step2)
        {
            var gradient = L(c, i - step) - L(c, i + step);
            var curvature = (Two * L(c, i)) - L(c, i - step2) - L(c, i + step2);
            return (gradient * gradient) + (Quarter * curvature * curvature);
        }

        private static Vector<float> RefinedV(float[] weights, int i, int w)
        {
            var centre = L(weights, i);
            var neighbours = Quarter * (L(weights, i - w - 1) + L(weights, i - w + 1) + L(weights, i + w - 1) + L(weights, i + w + 1));
            return Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(Half - centre), Vector.Abs(Half - neighbours)), neighbours, centre);
        }

        private static Vector<float> RatioV(Vector<float> centre, Vector<float> beyond)
        {
            var valid = Vector.BitwiseAnd(Vector.GreaterThan(centre, Eps), Vector.GreaterThan(beyond, Eps));
            return Vector.ConditionalSelect(valid, Two * centre / (centre + beyond), One);
        }

        private bool VectorizedAxialWeights(int row, int margin) => ForVectors(row, margin, (i, _) =>
        {
            var c = _cfa;
            int w = _w, w2 = 2 * _w;
            var v = EnergyV(c, i - w, w, w2) + EnergyV(c, i, w, w2) + EnergyV(c, i + w, w, w2);
            var h = EnergyV(c, i - 1, 1, 2) + EnergyV(c, i, 1, 2) + EnergyV(c, i + 1, 1, 2);
            ((v + Eps) / (v + h + (Two * Eps))).CopyTo(axial, i);
        });

        private bool VectorizedDiagonalWeights(int row, int margin) => ForVectors(row, margin, (i, _) =>
        {
            var c = _cfa;
            int p = _w + 1, q = _w - 1;
            var pe = EnergyV(c, i - p, p, 2 * p) + EnergyV(c, i, p, 2 * p) + EnergyV(c, i + p, p, 2 * p);
            var qe = EnergyV(c, i - q, q, 2 * q) + EnergyV(c, i, q, 2 * q) + EnergyV(c, i + q, q, 2 * q);
            ((pe + Eps) / (pe + qe + (Two * Eps))).CopyTo(diagonal, i);
        });

        private bool VectorizedGreen(int row, int margin) => ForVectors(row, margin, (i, chroma) =>
        {
            var c = _cfa;
            int w = _w, w2 = 2 * w, w3 = 3 * w, w4 = 4 * w;
            var centre = L(c, i);
            var north = Eps + Vector.Abs(L(c, i - w) - L(c, i + w)) + Vector.Abs(centre - L(c, i - w2)) + Vector.Abs(L(c, i - w) - L(c, i - w3)) + Vector.Abs(L(c, i - w2) - L(c, i - w4));
            var south = Eps + Vector.Abs(L(c, i + w) - L(c, i - w)) + Vector.Abs(centre - L(c, i + w2)) + Vector.Abs(L(c, i + w) - L(c, i + w3)) + Vector.Abs(L(c, i + w2) - L(c, i + w4));
            var west = Eps + Vector.Abs(L(c, i - 1) - L(c, i + 1)) + Vector.Abs(centre - L(c, i - 2)) + Vector.Abs(L(c, i - 1) - L(c, i - 3)) + Vector.Abs(L(c, i - 2) - L(c, i - 4));
            var east = Eps + Vector.Abs(L(c, i + 1) - L(c, i - 1)) + Vector.Abs(centre - L(c, i + 2)) + Vector.Abs(L(c, i + 1) - L(c, i + 3)) + Vector.Abs(L(c, i + 2) - L(c, i + 4));

            var northEstimate = L(c, i - w) * RatioV(centre, L(c, i - w2));
            var southEstimate = L(c, i + w) * RatioV(centre, L(c, i + w2));
            var westEstimate = L(c, i - 1) * RatioV(centre, L(c, i - 2));
            var eastEstimate = L(c, i + 1) * RatioV(centre, L(c, i + 2));

            var vertical = ((south * northEstimate) + (north * southEstimate)) / (north + south);
            var horizontal = ((east * westEstimate) + (west * eastEstimate)) / (west + east);
            var weight = RefinedV(axial, i, w);
            var estimate = (weight * horizontal) + ((One - weight) * vertical);
            Vector.ConditionalSelect(chroma, estimate, centre).CopyTo(green, i);
        });

        private bool VectorizedChromaAtChroma(int row, int margin)
        {
            var redRow = layout.IsRedRow(row - _pad);
            var own = redRow ? red : blue;
            var other = redRow ? blue : red;
            return ForVectors(row, margin, (i, chroma) =>
            {
                var c = _cfa;
                var g = green;
                int w = _w, p = w + 1, q = w - 1;
                var gi = L(g, i);
                var nw = Eps + Vector.Abs(L(c, i - p) - L(c, i + p)) + Vector.Abs(L(c, i - p) - L(c, i - (3 * p))) + Vector.Abs(gi - L(g, i - (2 * p)));
                var se = Eps + Vector.Abs(L(c, i + p) - L(c, i - p)) + Vector.Abs(L(c, i + p) - L(c, i + (3 * p))) + Vector.Abs(gi - L(g, i + (2 * p)));
                var ne = Eps + Vector.Abs(L(c, i - q) - L(c, i + q)) + Vector.Abs(L(c, i - q) - L(c, i - (3 * q))) + Vector.Abs(gi - L(g, i - (2 * q)));
                var sw = Eps + Vector.Abs(L(c, i + q) - L(c, i - q)) + Vector.Abs(L(c, i + q) - L(c, i + (3 * q))) + Vector.Abs(gi - L(g, i + (2 * q)));

                var pEstimate = ((se * (L(c, i - p) - L(g, i - p))) + (nw * (L(c, i + p) - L(g, i + p)))) / (nw + se);
                var qEstimate = ((sw * (L(c, i - q) - L(g, i - q))) + (ne * (L(c, i + q) - L(g, i + q)))) / (ne + sw);
                var weight = RefinedV(diagonal, i, w);
                Vector.ConditionalSelect(chroma, L(c, i), L(own, i)).CopyTo(own, i);
                Vector.ConditionalSelect(chroma, gi + (weight * qEstimate) + ((One - weight) * pEstimate), L(other, i)).CopyTo(other, i);
            });
        }

        private bool VectorizedChromaAtGreen(int row, int margin) => ForVectors(row, margin, (i, chroma) =>
        {
            var weight = RefinedV(axial, i, _w);
            Vector.ConditionalSelect(chroma, L(red, i), AxialV(red, i, weight)).CopyTo(red, i);
            Vector.ConditionalSelect(chroma, L(blue, i), AxialV(blue, i, weight)).CopyTo(blue, i);
        });

        /// <summary>
        /// Stage 6 on whole vectors from the margin; returns the first column left to the scalar code. This stage
        /// reads the green it refines, so its vectors must not overlap: the rest of the row is done one site at a time.
        /// </summary>
        private int VectorizedRefineGreen(int row, int margin, float[] own)
        {
            var count = Vector<float>.Count;
            if (!UseVectors || !Vector.IsHardwareAccelerated)
            {
                return margin;
            }

            var parity = layout.ChromaColumnParity(row - _pad);
            var c = _cfa;
            var g = green;
            int w = _w, w2 = 2 * w;
            var col = margin;
            for (; col + count <= w - margin; col += count)
            {
                var i = (row * w) + col;
                var chroma = (((col - _pad) ^ parity) & 1) == 0 ? EvenLanes : OddLanes;
                var centre = L(c, i);
                var gi = L(g, i);
                var verticalGreen = Vector.Abs(L(g, i - w) - L(g, i + w));
                var horizontalGreen = Vector.Abs(L(g, i - 1) - L(g, i + 1));
                var north = Eps + Vector.Abs(centre - L(c, i - w2)) + verticalGreen;
                var south = Eps + Vector.Abs(centre - L(c, i + w2)) + verticalGreen;
                var west = Eps + Vector.Abs(centre - L(c, i - 2)) + horizontalGreen;
                var east = Eps + Vector.Abs(centre - L(c, i + 2)) + horizontalGreen;
                var vertical = ((south * (L(g, i - w) - L(own, i - w))) + (north * (L(g, i + w) - L(own, i + w)))) / (north + south);
                var horizontal = ((east * (L(g, i - 1) - L(own, i - 1))) + (west * (L(g, i + 1) - L(own, i + 1)))) / (west + east);
                var weight = RefinedV(axial, i, w);
                var refined = Half * (gi + centre + (weight * horizontal) + ((One - weight) * vertical));
                Vector.ConditionalSelect(chroma, refined, gi).CopyTo(g, i);
            }

            return col;
        }

        private Vector<float> AxialV(float[] x, int i, Vector<float> weight)
        {
            var g = green;
            int w = _w, w2 = 2 * w, w3 = 3 * w;
            var gi = L(g, i);
            var north = Eps + Vector.Abs(gi - L(g, i - w2)) + Vector.Abs(L(x, i - w) - L(x, i + w)) + Vector.Abs(L(x, i - w) - L(x, i - w3));
            var south = Eps + Vector.Abs(gi - L(g, i + w2)) + Vector.Abs(L(x, i + w) - L(x, i - w)) + Vector.Abs(L(x, i + w) - L(x, i + w3));
            var west = Eps + Vector.Abs(gi - L(g, i - 2)) + Vector.Abs(L(x, i - 1) - L(x, i + 1)) + Vector.Abs(L(x, i - 1) - L(x, i - 3));
            var east = Eps + Vector.Abs(gi - L(g, i + 2)) + Vector.Abs(L(x, i + 1) - L(x, i - 1)) + Vector.Abs(L(x, i + 1) - L(x, i + 3));

            var vertical = ((south * (L(x, i - w) - L(g, i - w))) + (north * (L(x, i + w) - L(g, i + w)))) / (north + south);
            var horizontal = ((east * (L(x, i - 1) - L(g, i - 1))) + (west * (L(x, i + 1) - L(g, i + 1)))) / (west + east);
            return gi + (weight * horizontal) + ((One - weight) * vertical);
        }
    }
}
