using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// Bilinear demosaicing: a missing colour is the mean of the nearest photosites of that colour in the
/// 3×3 neighbourhood (4 axial for green, 2 axial or 4 diagonal for red and blue). Borders read a mirrored copy.
/// </summary>
internal static class BilinearDemosaic
{
    public static PlanarImage Run(CfaImage mosaic, BayerLayout layout)
    {
        using var padded = PaddedMosaic.From(mosaic, 1);
        int width = mosaic.Width, s = padded.Stride;
        var m = padded.Data;
        var output = new PlanarImage(width, mosaic.Height);
        RowBands.For(mosaic.Height, (first, last) =>
        {
            for (var y = first; y < last; y++)
            {
                var redRow = layout.IsRedRow(y);
                // In a red row the chroma sites are red, their diagonal partner blue; in a blue row the reverse.
                var own = output.GetRow(redRow ? 0 : 2, y);
                var other = output.GetRow(redRow ? 2 : 0, y);
                var green = output.GetRow(1, y);
                var parity = layout.ChromaColumnParity(y);
                var i = padded.Index(0, y);
                for (var x = 0; x < width; x++, i++)
                {
                    var centre = m[i];
                    if (((x ^ parity) & 1) == 0)
                    {
                        own[x] = centre;
                        green[x] = 0.25f * (m[i - 1] + m[i + 1] + m[i - s] + m[i + s]);
                        other[x] = 0.25f * (m[i - s - 1] + m[i - s + 1] + m[i + s - 1] + m[i + s + 1]);
                    }
                    else
                    {
                        green[x] = centre;
                        own[x] = 0.5f * (m[i - 1] + m[i + 1]);
                        other[x] = 0.5f * (m[i - s] + m[i + s]);
                    }
                }
            }
        });
        return output;
    }
}
