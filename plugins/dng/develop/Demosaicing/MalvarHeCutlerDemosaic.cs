using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// Malvar–He–Cutler gradient-corrected linear interpolation (ICASSP 2004, Fig. 2). Each missing colour is the
/// bilinear estimate plus a scaled Laplacian of the colour sampled at the site; the paper's gains
/// (α = 1/2, β = 5/8, γ = 3/4) give these 5×5 kernels, all with the common divisor 8:
/// green at red/blue: centre 4, axial ±1: 2, axial ±2: −1;
/// red at green, red neighbours along the row: centre 5, row ±1: 4, row ±2: −1, column ±2: ½, diagonals: −1
/// (transposed when the red neighbours are along the column);
/// red at blue: centre 6, diagonals: 2, axial ±2: −3/2. Blue is the mirror of red.
/// </summary>
internal static class MalvarHeCutlerDemosaic
{
    public static PlanarImage Run(CfaImage mosaic, BayerLayout layout)
    {
        using var padded = PaddedMosaic.From(mosaic, 2);
        int width = mosaic.Width, s = padded.Stride, s2 = 2 * padded.Stride;
        var m = padded.Data;
        var output = new PlanarImage(width, mosaic.Height);
        RowBands.For(mosaic.Height, (first, last) =>
        {
            for (var y = first; y < last; y++)
            {
                var redRow = layout.IsRedRow(y);
                var own = output.GetRow(redRow ? 0 : 2, y);
                var other = output.GetRow(redRow ? 2 : 0, y);
                var green = output.GetRow(1, y);
                var parity = layout.ChromaColumnParity(y);
                var i = padded.Index(0, y);
                for (var x = 0; x < width; x++, i++)
                {
                    var c = m[i];
                    var axial2 = m[i - 2] + m[i + 2] + m[i - s2] + m[i + s2];
                    var diagonal = m[i - s - 1] + m[i - s + 1] + m[i + s - 1] + m[i + s + 1];
                    if (((x ^ parity) & 1) == 0)
                    {
                        var axial1 = m[i - 1] + m[i + 1] + m[i - s] + m[i + s];
                        own[x] = c;
                        green[x] = ((4 * c) + (2 * axial1) - axial2) * 0.125f;
                        other[x] = ((6 * c) + (2 * diagonal) - (1.5f * axial2)) * 0.125f;
                    }
                    else
                    {
                        var row1 = m[i - 1] + m[i + 1];
                        var column1 = m[i - s] + m[i + s];
                        var row2 = m[i - 2] + m[i + 2];
                        var column2 = m[i - s2] + m[i + s2];
                        green[x] = c;
                        // This row's chroma colour neighbours the green along the row, the other along the column.
                        own[x] = ((5 * c) + (4 * row1) - row2 + (0.5f * column2) - diagonal) * 0.125f;
                        other[x] = ((5 * c) + (4 * column1) - column2 + (0.5f * row2) - diagonal) * 0.125f;
                    }
                }
            }
        });
        return output;
    }
}
