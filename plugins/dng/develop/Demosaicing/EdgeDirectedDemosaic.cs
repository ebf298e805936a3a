using System.Buffers;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// The high-quality method: ratio-corrected, edge-directed demosaicing after the design of Luis Sanz
/// Rodríguez's RCD ("Ratio Corrected Demosaicing", 2017), written here from its description rather than
/// its (GPL) code. Chosen over AHD because it reaches higher PSNR with fewer artefacts at a fraction of
/// the cost: one pass per stage, no colour-space conversion and no homogeneity maps. Stages:
/// <list type="number">
/// <item>a soft direction weight at every site, V/(V+H), from the squared high-pass energy along each axis
/// (same-colour first differences and second differences, summed over three sites along the axis);</item>
/// <item>green at red and blue sites: the four neighbouring greens, each corrected by the ratio of a
/// low-pass of the mosaic at the site to its value half-way to the neighbour, weighted against the gradient
/// on its side, then blended vertically/horizontally by the direction weight (refined from the four diagonal
/// neighbours when they are more decisive);</item>
/// <item>red at blue sites and blue at red sites from the diagonal colour differences (minus green), blended
/// by the same kind of weight on the two diagonals;</item>
/// <item>red and blue at green sites from the axial colour differences, blended by the axial weight.</item>
/// </list>
/// All stages work on a mirrored copy of the mosaic (see <see cref="PaddedMosaic"/>) so the borders get the
/// same treatment as the interior.
/// </summary>
internal static class EdgeDirectedDemosaic
{
    // How far each stage reads: energies 3, refinement +1, green 4, diagonal chroma 3 more, axial chroma 3 more.
    private const int Pad = 10;

    // Keeps weights and ratios finite on flat or black areas (values are normalized, white = 1).
    private const float Epsilon = 1e-5f;

    public static PlanarImage Run(CfaImage mosaic, BayerLayout layout)
    {
        using var padded = PaddedMosaic.From(mosaic, Pad);
        var size = padded.Stride * padded.Rows;
        var pool = ArrayPool<float>.Shared;
        float[] vh = pool.Rent(size), work = pool.Rent(size), red = pool.Rent(size), green = pool.Rent(size), blue = pool.Rent(size);
        try
        {
            var run = new Stages(padded, layout, vh, work, red, green, blue);
            RowBands.For(3, padded.Rows - 3, run.AxialWeights);
            RowBands.For(1, padded.Rows - 1, run.LowPass);
            RowBands.For(4, padded.Rows - 4, run.Green);
            RowBands.For(3, padded.Rows - 3, run.DiagonalWeights);
            RowBands.For(6, padded.Rows - 6, run.ChromaAtChroma);
            RowBands.For(Pad, padded.Rows - Pad, run.ChromaAtGreen);

            var output = new PlanarImage(mosaic.Width, mosaic.Height);
            RowBands.For(mosaic.Height, (first, last) =>
            {
                for (var y = first; y < last; y++)
                {
                    var from = padded.Index(0, y);
                    red.AsSpan(from, mosaic.Width).CopyTo(output.GetRow(0, y));
                    green.AsSpan(from, mosaic.Width).CopyTo(output.GetRow(1, y));
                    blue.AsSpan(from, mosaic.Width).CopyTo(output.GetRow(2, y));
                }
            });
            return output;
        }
        finally
        {
            pool.Return(vh);
            pool.Return(work);
            pool.Return(red);
            pool.Return(green);
            pool.Return(blue);
        }
    }

    /// <summary>The stages over padded rows; each touches only the columns whose reads stay inside the padding.</summary>
    private sealed class Stages(PaddedMosaic padded, BayerLayout layout, float[] vh, float[] work, float[] red, float[] green, float[] blue)
    {
        private readonly float[] _cfa = padded.Data;
        private readonly int _w = padded.Stride;
        private readonly int _pad = padded.Pad;

        /// <summary>Stage 1: V/(V+H) from high-pass energy along each axis, at every site.</summary>
        public void AxialWeights(int first, int last)
        {
            var c = _cfa;
            int w = _w, w2 = 2 * _w;
            for (var row = first; row < last; row++)
            {
                var i = (row * w) + 3;
                for (var col = 3; col < w - 3; col++, i++)
                {
                    var v = Energy(c, i - w, w, w2) + Energy(c, i, w, w2) + Energy(c, i + w, w, w2);
                    var h = Energy(c, i - 1, 1, 2) + Energy(c, i, 1, 2) + Energy(c, i + 1, 1, 2);
                    vh[i] = (v + Epsilon) / (v + h + (2 * Epsilon));
                }
            }
        }

        /// <summary>Stage 2: a 3×3 binomial low-pass of the mosaic at red and blue sites (a luminance proxy there).</summary>
        public void LowPass(int first, int last)
        {
            var c = _cfa;
            var w = _w;
            for (var row = first; row < last; row++)
            {
                var start = 1 + (((1 - _pad) ^ layout.ChromaColumnParity(row - _pad)) & 1);
                for (var col = start; col < w - 1; col += 2)
                {
                    var i = (row * w) + col;
                    work[i] = c[i] + (0.5f * (c[i - 1] + c[i + 1] + c[i - w] + c[i + w]))
                        + (0.25f * (c[i - w - 1] + c[i - w + 1] + c[i + w - 1] + c[i + w + 1]));
                }
            }
        }

        /// <summary>Stage 3: green everywhere (copied at green sites, estimated at red and blue sites).</summary>
        public void Green(int first, int last)
        {
            var c = _cfa;
            var lpf = work;
            int w = _w, w2 = 2 * w, w3 = 3 * w, w4 = 4 * w;
            for (var row = first; row < last; row++)
            {
                var parity = layout.ChromaColumnParity(row - _pad);
                for (var col = 4; col < w - 4; col++)
                {
                    var i = (row * w) + col;
                    if ((((col - _pad) ^ parity) & 1) != 0)
                    {
                        green[i] = c[i];
                        continue;
                    }

                    var north = Epsilon + Math.Abs(c[i - w] - c[i + w]) + Math.Abs(c[i] - c[i - w2]) + Math.Abs(c[i - w] - c[i - w3]) + Math.Abs(c[i - w2] - c[i - w4]);
                    var south = Epsilon + Math.Abs(c[i + w] - c[i - w]) + Math.Abs(c[i] - c[i + w2]) + Math.Abs(c[i + w] - c[i + w3]) + Math.Abs(c[i + w2] - c[i + w4]);
                    var west = Epsilon + Math.Abs(c[i - 1] - c[i + 1]) + Math.Abs(c[i] - c[i - 2]) + Math.Abs(c[i - 1] - c[i - 3]) + Math.Abs(c[i - 2] - c[i - 4]);
                    var east = Epsilon + Math.Abs(c[i + 1] - c[i - 1]) + Math.Abs(c[i] - c[i + 2]) + Math.Abs(c[i + 1] - c[i + 3]) + Math.Abs(c[i + 2] - c[i + 4]);

                    var centre = lpf[i];
                    var northEstimate = c[i - w] * Ratio(centre, lpf[i - w2]);
                    var southEstimate = c[i + w] * Ratio(centre, lpf[i + w2]);
                    var westEstimate = c[i - 1] * Ratio(centre, lpf[i - 2]);
                    var eastEstimate = c[i + 1] * Ratio(centre, lpf[i + 2]);

                    // Each side's estimate is trusted in inverse proportion to the gradient on its side.
                    var vertical = ((south * northEstimate) + (north * southEstimate)) / (north + south);
                    var horizontal = ((east * westEstimate) + (west * eastEstimate)) / (west + east);
                    var weight = Refined(vh, i, w);
                    green[i] = (weight * horizontal) + ((1 - weight) * vertical);
                }
            }
        }

        /// <summary>Stage 4: P/(P+Q), P the energy along the NW–SE diagonal, at red and blue sites (into the low-pass buffer, no longer needed).</summary>
        public void DiagonalWeights(int first, int last)
        {
            var c = _cfa;
            var w = _w;
            int p = w + 1, q = w - 1;
            for (var row = first; row < last; row++)
            {
                var parity = layout.ChromaColumnParity(row - _pad);
                for (var col = 3; col < w - 3; col++)
                {
                    if ((((col - _pad) ^ parity) & 1) != 0)
                    {
                        continue;
                    }

                    var i = (row * w) + col;
                    var pe = Energy(c, i - p, p, 2 * p) + Energy(c, i, p, 2 * p) + Energy(c, i + p, p, 2 * p);
                    var qe = Energy(c, i - q, q, 2 * q) + Energy(c, i, q, 2 * q) + Energy(c, i + q, q, 2 * q);
                    work[i] = (pe + Epsilon) / (pe + qe + (2 * Epsilon));
                }
            }
        }

        /// <summary>Stage 5: red at blue sites and blue at red sites, from diagonal colour differences.</summary>
        public void ChromaAtChroma(int first, int last)
        {
            var w = _w;
            for (var row = first; row < last; row++)
            {
                var redRow = layout.IsRedRow(row - _pad);
                var parity = layout.ChromaColumnParity(row - _pad);
                // The plane sampled here, and the one to estimate from its diagonal neighbours.
                var own = redRow ? red : blue;
                var other = redRow ? blue : red;
                for (var col = 6; col < w - 6; col++)
                {
                    var i = (row * w) + col;
                    if ((((col - _pad) ^ parity) & 1) != 0)
                    {
                        continue;
                    }

                    own[i] = _cfa[i];
                    other[i] = Diagonal(i, w);
                }
            }
        }

        /// <summary>Stage 6: red and blue at green sites, from axial colour differences.</summary>
        public void ChromaAtGreen(int first, int last)
        {
            var w = _w;
            for (var row = first; row < last; row++)
            {
                var parity = layout.ChromaColumnParity(row - _pad);
                for (var col = _pad; col < w - _pad; col++)
                {
                    var i = (row * w) + col;
                    if ((((col - _pad) ^ parity) & 1) == 0)
                    {
                        continue;
                    }

                    var weight = Refined(vh, i, w);
                    red[i] = Axial(red, i, w, weight);
                    blue[i] = Axial(blue, i, w, weight);
                }
            }
        }

        // The diagonal neighbours of a red site are blue and vice versa: they are raw mosaic samples.
        private float Diagonal(int i, int w)
        {
            var c = _cfa;
            var g = green;
            int p = w + 1, q = w - 1;
            var nw = Epsilon + Math.Abs(c[i - p] - c[i + p]) + Math.Abs(c[i - p] - c[i - (3 * p)]) + Math.Abs(g[i] - g[i - (2 * p)]);
            var se = Epsilon + Math.Abs(c[i + p] - c[i - p]) + Math.Abs(c[i + p] - c[i + (3 * p)]) + Math.Abs(g[i] - g[i + (2 * p)]);
            var ne = Epsilon + Math.Abs(c[i - q] - c[i + q]) + Math.Abs(c[i - q] - c[i - (3 * q)]) + Math.Abs(g[i] - g[i - (2 * q)]);
            var sw = Epsilon + Math.Abs(c[i + q] - c[i - q]) + Math.Abs(c[i + q] - c[i + (3 * q)]) + Math.Abs(g[i] - g[i + (2 * q)]);

            var pEstimate = ((se * (c[i - p] - g[i - p])) + (nw * (c[i + p] - g[i + p]))) / (nw + se);
            var qEstimate = ((sw * (c[i - q] - g[i - q])) + (ne * (c[i + q] - g[i + q]))) / (ne + sw);
            var weight = Refined(work, i, w);
            return g[i] + (weight * qEstimate) + ((1 - weight) * pEstimate);
        }

        // At a green site the four axial neighbours are red and blue sites, where both planes are now complete.
        private float Axial(float[] x, int i, int w, float weight)
        {
            var g = green;
            int w2 = 2 * w, w3 = 3 * w;
            var north = Epsilon + Math.Abs(g[i] - g[i - w2]) + Math.Abs(x[i - w] - x[i + w]) + Math.Abs(x[i - w] - x[i - w3]);
            var south = Epsilon + Math.Abs(g[i] - g[i + w2]) + Math.Abs(x[i + w] - x[i - w]) + Math.Abs(x[i + w] - x[i + w3]);
            var west = Epsilon + Math.Abs(g[i] - g[i - 2]) + Math.Abs(x[i - 1] - x[i + 1]) + Math.Abs(x[i - 1] - x[i - 3]);
            var east = Epsilon + Math.Abs(g[i] - g[i + 2]) + Math.Abs(x[i + 1] - x[i - 1]) + Math.Abs(x[i + 1] - x[i + 3]);

            var vertical = ((south * (x[i - w] - g[i - w])) + (north * (x[i + w] - g[i + w]))) / (north + south);
            var horizontal = ((east * (x[i - 1] - g[i - 1])) + (west * (x[i + 1] - g[i + 1]))) / (west + east);
            return g[i] + (weight * horizontal) + ((1 - weight) * vertical);
        }

        /// <summary>Squared same-colour gradient and curvature at <paramref name="i"/> along a step (1 site and 2 sites).</summary>
        private static float Energy(float[] c, int i, int step, int step2)
        {
            var gradient = c[i - step] - c[i + step];
            var curvature = (2 * c[i]) - c[i - step2] - c[i + step2];
            var e = Math.Abs(gradient) + (0.5f * Math.Abs(curvature));
            return e * e;
        }

        /// <summary>A direction weight, or the mean of its four diagonal neighbours when that is further from ½ (more decisive).</summary>
        private static float Refined(float[] weights, int i, int w)
        {
            var centre = weights[i];
            var neighbours = 0.25f * (weights[i - w - 1] + weights[i - w + 1] + weights[i + w - 1] + weights[i + w + 1]);
            return Math.Abs(0.5f - centre) < Math.Abs(0.5f - neighbours) ? neighbours : centre;
        }

        /// <summary>The low-pass at the site over its mean with a same-colour neighbour: the correction for a neighbour half-way between them.</summary>
        private static float Ratio(float centre, float neighbour)
            => centre > Epsilon && neighbour > Epsilon ? 2 * centre / (centre + neighbour) : 1f;
    }
}
