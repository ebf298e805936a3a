using System.Buffers;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// The high-quality method: edge-directed demosaicing in the family of Sanz Rodríguez's RCD ("Ratio Corrected
/// Demosaicing", 2017) and Hamilton–Adams / Menon et al. ("Demosaicing with directional filtering and a
/// posteriori decision", IEEE TIP 2007), written here from those descriptions, not from their code.
/// Chosen over AHD because it reaches a higher PSNR (see docs/PERFORMANCE.md) at a fraction of the cost:
/// a few linear passes, no CIELab conversion and no homogeneity maps. Stages:
/// <list type="number">
/// <item>a soft direction weight V/(V+H) at every site, from the squared same-colour gradient and curvature
/// summed over three sites along each axis;</item>
/// <item>green at red and blue sites: each axial neighbour's green scaled by the ratio of the centre sample to
/// the mean of the centre and the same-colour sample beyond that neighbour (exact for constant hue, the
/// linear-light case), the two sides of an axis weighted against their gradients, the axes blended by the
/// direction weight (or by the mean of its diagonal neighbours when that is more decisive);</item>
/// <item>red at blue and blue at red from the diagonal colour differences, blended by a diagonal weight;</item>
/// <item>red and blue at green sites from the axial colour differences;</item>
/// <item>green at red and blue sites refined: half the first estimate, half the site's own sample plus the
/// directional colour difference of its now complete neighbours (exact on grey detail up to the Nyquist
/// limit of green), then stages 3 and 4 again with the refined green.</item>
/// </list>
/// All stages read a mirrored copy of the mosaic (see <see cref="PaddedMosaic"/>), so the borders are
/// treated as the interior is; each stage computes a margin narrower than the one before it.
/// </summary>
internal static partial class EdgeDirectedDemosaic
{
    private const int Pad = 16;

    /// <summary>False forces the scalar path (the tests compare the two).</summary>
    internal static bool UseVectors { get; set; } = true;

    // Keeps weights and ratios finite on flat or black areas (values are normalized, white = 1).
    private const float Epsilon = 1e-5f;

    public static PlanarImage Run(CfaImage mosaic, BayerLayout layout)
    {
        using var padded = PaddedMosaic.From(mosaic, Pad);
        var rows = padded.Rows;
        var size = padded.Stride * rows;
        var pool = ArrayPool<float>.Shared;
        float[] axial = pool.Rent(size), diagonal = pool.Rent(size), red = pool.Rent(size), green = pool.Rent(size), blue = pool.Rent(size);
        try
        {
            var run = new Stages(padded, layout, axial, diagonal, red, green, blue);
            // Each margin is the previous stage's margin plus how far this stage reads.
            Stage(3, run.AxialWeights);
            Stage(4, run.Green);
            Stage(3, run.DiagonalWeights);
            Stage(6, run.ChromaAtChroma);
            Stage(9, run.ChromaAtGreen);
            Stage(10, run.RefineGreen);
            Stage(12, run.ChromaAtChroma);
            Stage(15, run.ChromaAtGreen);

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

            void Stage(int margin, Action<int, int, int> stage) => RowBands.For(margin, rows - margin, (first, last) => stage(first, last, margin));
        }
        finally
        {
            pool.Return(axial);
            pool.Return(diagonal);
            pool.Return(red);
            pool.Return(green);
            pool.Return(blue);
        }
    }

    /// <summary>The stages over padded rows and columns [margin, size − margin).</summary>
    private sealed partial class Stages(PaddedMosaic padded, BayerLayout layout, float[] axial, float[] diagonal, float[] red, float[] green, float[] blue)
    {
        private readonly float[] _cfa = padded.Data;
        private readonly int _w = padded.Stride;
        private readonly int _pad = padded.Pad;

        /// <summary>The first padded column at or after <paramref name="margin"/> that is a red or blue site (<paramref name="chroma"/>) or a green one.</summary>
        private int FirstColumn(int row, int margin, bool chroma)
        {
            var isChroma = (((margin - _pad) ^ layout.ChromaColumnParity(row - _pad)) & 1) == 0;
            return isChroma == chroma ? margin : margin + 1;
        }

        /// <summary>Stage 1: V/(V+H) at every site.</summary>
        public void AxialWeights(int first, int last, int margin)
        {
            var c = _cfa;
            int w = _w, w2 = 2 * _w;
            for (var row = first; row < last; row++)
            {
                if (VectorizedAxialWeights(row, margin))
                {
                    continue;
                }

                for (int col = margin, i = (row * w) + margin; col < w - margin; col++, i++)
                {
                    var v = Energy(c, i - w, w, w2) + Energy(c, i, w, w2) + Energy(c, i + w, w, w2);
                    var h = Energy(c, i - 1, 1, 2) + Energy(c, i, 1, 2) + Energy(c, i + 1, 1, 2);
                    axial[i] = (v + Epsilon) / (v + h + (2 * Epsilon));
                }
            }
        }

        /// <summary>Stage 2: green everywhere (copied at green sites, estimated at red and blue sites).</summary>
        public void Green(int first, int last, int margin)
        {
            var c = _cfa;
            int w = _w, w2 = 2 * w, w3 = 3 * w, w4 = 4 * w;
            for (var row = first; row < last; row++)
            {
                if (VectorizedGreen(row, margin))
                {
                    continue;
                }

                for (var col = FirstColumn(row, margin, chroma: false); col < w - margin; col += 2)
                {
                    var i = (row * w) + col;
                    green[i] = c[i];
                }

                for (var col = FirstColumn(row, margin, chroma: true); col < w - margin; col += 2)
                {
                    var i = (row * w) + col;
                    var north = Epsilon + Math.Abs(c[i - w] - c[i + w]) + Math.Abs(c[i] - c[i - w2]) + Math.Abs(c[i - w] - c[i - w3]) + Math.Abs(c[i - w2] - c[i - w4]);
                    var south = Epsilon + Math.Abs(c[i + w] - c[i - w]) + Math.Abs(c[i] - c[i + w2]) + Math.Abs(c[i + w] - c[i + w3]) + Math.Abs(c[i + w2] - c[i + w4]);
                    var west = Epsilon + Math.Abs(c[i - 1] - c[i + 1]) + Math.Abs(c[i] - c[i - 2]) + Math.Abs(c[i - 1] - c[i - 3]) + Math.Abs(c[i - 2] - c[i - 4]);
                    var east = Epsilon + Math.Abs(c[i + 1] - c[i - 1]) + Math.Abs(c[i] - c[i + 2]) + Math.Abs(c[i + 1] - c[i + 3]) + Math.Abs(c[i + 2] - c[i + 4]);

                    var centre = c[i];
                    var northEstimate = c[i - w] * Ratio(centre, c[i - w2]);
                    var southEstimate = c[i + w] * Ratio(centre, c[i + w2]);
                    var westEstimate = c[i - 1] * Ratio(centre, c[i - 2]);
                    var eastEstimate = c[i + 1] * Ratio(centre, c[i + 2]);

                    // Each side's estimate is trusted in inverse proportion to the gradient on its side.
                    var vertical = ((south * northEstimate) + (north * southEstimate)) / (north + south);
                    var horizontal = ((east * westEstimate) + (west * eastEstimate)) / (west + east);
                    var weight = Refined(axial, i, w);
                    green[i] = (weight * horizontal) + ((1 - weight) * vertical);
                }
            }
        }

        /// <summary>Stage 3: P/(P+Q) at red and blue sites, P the energy along the NW–SE diagonal.</summary>
        public void DiagonalWeights(int first, int last, int margin)
        {
            var c = _cfa;
            int p = _w + 1, q = _w - 1;
            for (var row = first; row < last; row++)
            {
                if (VectorizedDiagonalWeights(row, margin))
                {
                    continue;
                }

                for (var col = FirstColumn(row, margin, chroma: true); col < _w - margin; col += 2)
                {
                    var i = (row * _w) + col;
                    var pe = Energy(c, i - p, p, 2 * p) + Energy(c, i, p, 2 * p) + Energy(c, i + p, p, 2 * p);
                    var qe = Energy(c, i - q, q, 2 * q) + Energy(c, i, q, 2 * q) + Energy(c, i + q, q, 2 * q);
                    diagonal[i] = (pe + Epsilon) / (pe + qe + (2 * Epsilon));
                }
            }
        }

        /// <summary>Stage 4: red at blue sites and blue at red sites, from the diagonal colour differences.</summary>
        public void ChromaAtChroma(int first, int last, int margin)
        {
            var c = _cfa;
            var g = green;
            int w = _w, p = w + 1, q = w - 1;
            for (var row = first; row < last; row++)
            {
                if (VectorizedChromaAtChroma(row, margin))
                {
                    continue;
                }

                var redRow = layout.IsRedRow(row - _pad);
                var own = redRow ? red : blue;
                var other = redRow ? blue : red;
                for (var col = FirstColumn(row, margin, chroma: true); col < w - margin; col += 2)
                {
                    // The diagonal neighbours of a red site are blue and vice versa: raw samples of the other colour.
                    var i = (row * w) + col;
                    var nw = Epsilon + Math.Abs(c[i - p] - c[i + p]) + Math.Abs(c[i - p] - c[i - (3 * p)]) + Math.Abs(g[i] - g[i - (2 * p)]);
                    var se = Epsilon + Math.Abs(c[i + p] - c[i - p]) + Math.Abs(c[i + p] - c[i + (3 * p)]) + Math.Abs(g[i] - g[i + (2 * p)]);
                    var ne = Epsilon + Math.Abs(c[i - q] - c[i + q]) + Math.Abs(c[i - q] - c[i - (3 * q)]) + Math.Abs(g[i] - g[i - (2 * q)]);
                    var sw = Epsilon + Math.Abs(c[i + q] - c[i - q]) + Math.Abs(c[i + q] - c[i + (3 * q)]) + Math.Abs(g[i] - g[i + (2 * q)]);

                    var pEstimate = ((se * (c[i - p] - g[i - p])) + (nw * (c[i + p] - g[i + p]))) / (nw + se);
                    var qEstimate = ((sw * (c[i - q] - g[i - q])) + (ne * (c[i + q] - g[i + q]))) / (ne + sw);
                    var weight = Refined(diagonal, i, w);
                    own[i] = c[i];
                    other[i] = g[i] + (weight * qEstimate) + ((1 - weight) * pEstimate);
                }
            }
        }

        /// <summary>Stage 5: red and blue at green sites, from the axial colour differences (both planes are complete at red and blue sites).</summary>
        public void ChromaAtGreen(int first, int last, int margin)
        {
            for (var row = first; row < last; row++)
            {
                if (VectorizedChromaAtGreen(row, margin))
                {
                    continue;
                }

                for (var col = FirstColumn(row, margin, chroma: false); col < _w - margin; col += 2)
                {
                    var i = (row * _w) + col;
                    var weight = Refined(axial, i, _w);
                    red[i] = Axial(red, i, weight);
                    blue[i] = Axial(blue, i, weight);
                }
            }
        }

        /// <summary>Stage 6: green at red and blue sites, half the first estimate and half the sample plus its neighbours' colour difference.</summary>
        public void RefineGreen(int first, int last, int margin)
        {
            var c = _cfa;
            var g = green;
            int w = _w, w2 = 2 * w;
            for (var row = first; row < last; row++)
            {
                var own = layout.IsRedRow(row - _pad) ? red : blue;
                var from = VectorizedRefineGreen(row, margin, own);
                for (var col = FirstColumn(row, from, chroma: true); col < w - margin; col += 2)
                {
                    var i = (row * w) + col;
                    var north = Epsilon + Math.Abs(c[i] - c[i - w2]) + Math.Abs(g[i - w] - g[i + w]);
                    var south = Epsilon + Math.Abs(c[i] - c[i + w2]) + Math.Abs(g[i - w] - g[i + w]);
                    var west = Epsilon + Math.Abs(c[i] - c[i - 2]) + Math.Abs(g[i - 1] - g[i + 1]);
                    var east = Epsilon + Math.Abs(c[i] - c[i + 2]) + Math.Abs(g[i - 1] - g[i + 1]);
                    var vertical = ((south * (g[i - w] - own[i - w])) + (north * (g[i + w] - own[i + w]))) / (north + south);
                    var horizontal = ((east * (g[i - 1] - own[i - 1])) + (west * (g[i + 1] - own[i + 1]))) / (west + east);
                    var weight = Refined(axial, i, w);
                    g[i] = 0.5f * (g[i] + c[i] + (weight * horizontal) + ((1 - weight) * vertical));
                }
            }
        }

        // At a green site the four axial neighbours are red and blue sites, where both planes are complete.
        private float Axial(float[] x, int i, float weight)
        {
            var g = green;
            int w = _w, w2 = 2 * w, w3 = 3 * w;
            var north = Epsilon + Math.Abs(g[i] - g[i - w2]) + Math.Abs(x[i - w] - x[i + w]) + Math.Abs(x[i - w] - x[i - w3]);
            var south = Epsilon + Math.Abs(g[i] - g[i + w2]) + Math.Abs(x[i + w] - x[i - w]) + Math.Abs(x[i + w] - x[i + w3]);
            var west = Epsilon + Math.Abs(g[i] - g[i - 2]) + Math.Abs(x[i - 1] - x[i + 1]) + Math.Abs(x[i - 1] - x[i - 3]);
            var east = Epsilon + Math.Abs(g[i] - g[i + 2]) + Math.Abs(x[i + 1] - x[i - 1]) + Math.Abs(x[i + 1] - x[i + 3]);

            var vertical = ((south * (x[i - w] - g[i - w])) + (north * (x[i + w] - g[i + w]))) / (north + south);
            var horizontal = ((east * (x[i - 1] - g[i - 1])) + (west * (x[i + 1] - g[i + 1]))) / (west + east);
            return g[i] + (weight * horizontal) + ((1 - weight) * vertical);
        }

        /// <summary>Squared same-colour gradient and curvature at <paramref name="i"/> along a step of one and two sites.</summary>
        private static float Energy(float[] c, int i, int step, int step2)
        {
            var gradient = c[i - step] - c[i + step];
            var curvature = (2 * c[i]) - c[i - step2] - c[i + step2];
            return (gradient * gradient) + (0.25f * curvature * curvature);
        }

        /// <summary>A direction weight, or the mean of its four diagonal neighbours when that is further from ½ (more decisive).</summary>
        private static float Refined(float[] weights, int i, int w)
        {
            var centre = weights[i];
            var neighbours = 0.25f * (weights[i - w - 1] + weights[i - w + 1] + weights[i + w - 1] + weights[i + w + 1]);
            return Math.Abs(0.5f - centre) < Math.Abs(0.5f - neighbours) ? neighbours : centre;
        }

        /// <summary>
        /// The centre sample over the mean of it and a same-colour sample two sites away: the factor from the
        /// colour at the neighbour half-way between them to the centre, for a constant hue. Bounded to [0, 2];
        /// 1 where either sample is black or below (noise), so dark areas are not amplified.
        /// </summary>
        private static float Ratio(float centre, float beyond)
            => centre > Epsilon && beyond > Epsilon ? 2 * centre / (centre + beyond) : 1f;
    }
}
