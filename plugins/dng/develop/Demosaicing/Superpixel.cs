using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>Reduced-resolution "demosaicing" that needs no interpolation: one RGB pixel per Bayer tile.</summary>
internal static class Superpixel
{
    /// <summary>One pixel per 2×2 tile: red and blue as sampled, the greens averaged.</summary>
    public static PlanarImage Half(CfaImage mosaic, BayerLayout layout)
    {
        int width = mosaic.Width / 2, height = mosaic.Height / 2, stride = mosaic.Width;
        var output = new PlanarImage(width, height);
        var source = mosaic.SampleMemory;
        int rx = layout.RedX, ry = layout.RedY, bx = layout.BlueX, by = layout.BlueY;
        RowBands.For(height, (first, last) =>
        {
            var src = source.Span;
            for (var y = first; y < last; y++)
            {
                var top = src.Slice(2 * y * stride, stride);
                var bottom = src.Slice(((2 * y) + 1) * stride, stride);
                var redRow = ry == 0 ? top : bottom;
                var blueRow = by == 0 ? top : bottom;
                var red = output.GetRow(0, y);
                var green = output.GetRow(1, y);
                var blue = output.GetRow(2, y);
                for (var x = 0; x < width; x++)
                {
                    var c = 2 * x;
                    red[x] = redRow[c + rx];
                    blue[x] = blueRow[c + bx];
                    // The greens share the red row (at the blue column) and the blue row (at the red column).
                    green[x] = 0.5f * (redRow[c + bx] + blueRow[c + rx]);
                }
            }
        });
        return output;
    }

    /// <summary>Half resolution followed by a 2×2 box average.</summary>
    public static PlanarImage Quarter(CfaImage mosaic, BayerLayout layout)
    {
        using var half = Half(mosaic, layout);
        int width = half.Width / 2, height = half.Height / 2;
        var output = new PlanarImage(width, height);
        RowBands.For(height, (first, last) =>
        {
            for (var channel = 0; channel < 3; channel++)
            {
                for (var y = first; y < last; y++)
                {
                    var top = half.GetRow(channel, 2 * y);
                    var bottom = half.GetRow(channel, (2 * y) + 1);
                    var to = output.GetRow(channel, y);
                    for (var x = 0; x < width; x++)
                    {
                        to[x] = 0.25f * (top[2 * x] + top[(2 * x) + 1] + bottom[2 * x] + bottom[(2 * x) + 1]);
                    }
                }
            }
        });
        return output;
    }
}
