using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>What to do with highlights once the mosaic is white-balanced.</summary>
public enum HighlightMode
{
    /// <summary>
    /// Clip every photosite at the level where the first channel saturates (1 after balancing): blown areas
    /// come out neutral white instead of magenta or cyan, at the cost of the detail above that level.
    /// </summary>
    Clip,

    /// <summary>Keep every value, above 1 too: the most data, but blown areas may carry a colour cast.</summary>
    Preserve,
}

/// <summary>Per-pixel colour steps around the demosaic: white balance of the mosaic, highlights, and a matrix to RGB.</summary>
public static class MosaicColour
{
    /// <summary>Multiplies each photosite by its channel's multiplier (red, green, blue), in place.</summary>
    public static void WhiteBalance(CfaImage mosaic, IReadOnlyList<double> multipliers)
    {
        ArgumentNullException.ThrowIfNull(mosaic);
        ArgumentNullException.ThrowIfNull(multipliers);
        if (multipliers.Count != 3)
        {
            throw new ArgumentException("Three multipliers: red, green, blue.", nameof(multipliers));
        }

        // The gain of each site of the filter tile, then row by row.
        var pattern = mosaic.Pattern;
        var gains = new float[pattern.Width * pattern.Height];
        for (var y = 0; y < pattern.Height; y++)
        {
            for (var x = 0; x < pattern.Width; x++)
            {
                var colour = (int)pattern.ColourAt(x, y);
                gains[(y * pattern.Width) + x] = colour < 3 ? (float)multipliers[colour] : 1f;
            }
        }

        var memory = mosaic.SampleMemory;
        int width = mosaic.Width;
        RowBands.For(mosaic.Height, (first, last) =>
        {
            for (var y = first; y < last; y++)
            {
                var row = memory.Span.Slice(y * width, width);
                var tile = gains.AsSpan((y % pattern.Height) * pattern.Width, pattern.Width);
                for (var x = 0; x < width; x++)
                {
                    row[x] *= tile[x % pattern.Width];
                }
            }
        });
    }

    /// <summary>Applies <paramref name="mode"/> to a white-balanced mosaic, in place: <see cref="HighlightMode.Clip"/> caps every value at 1.</summary>
    public static void Highlights(CfaImage balancedMosaic, HighlightMode mode)
    {
        ArgumentNullException.ThrowIfNull(balancedMosaic);
        if (mode == HighlightMode.Preserve)
        {
            return;
        }

        var memory = balancedMosaic.SampleMemory;
        RowBands.For(balancedMosaic.Height, (first, last) =>
        {
            var rows = memory.Span.Slice(first * balancedMosaic.Width, (last - first) * balancedMosaic.Width);
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = Math.Min(rows[i], 1f);
            }
        });
    }

    /// <summary>Applies a 3×3 matrix (and offset) to every pixel of an RGB image, in place, on all cores.</summary>
    public static void Transform(PlanarImage image, ColourMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(matrix);
        var m = matrix.Coefficients.Select(v => (float)v).ToArray();
        var o = matrix.Offset.Select(v => (float)v).ToArray();
        RowBands.For(image.Height, (first, last) =>
        {
            for (var y = first; y < last; y++)
            {
                var r = image.GetRow(0, y);
                var g = image.GetRow(1, y);
                var b = image.GetRow(2, y);
                for (var x = 0; x < r.Length; x++)
                {
                    float rr = r[x], gg = g[x], bb = b[x];
                    r[x] = (m[0] * rr) + (m[1] * gg) + (m[2] * bb) + o[0];
                    g[x] = (m[3] * rr) + (m[4] * gg) + (m[5] * bb) + o[1];
                    b[x] = (m[6] * rr) + (m[7] * gg) + (m[8] * bb) + o[2];
                }
            }
        });
    }
}
