using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Development;

/// <summary>Box averages for the reduced resolutions of images that are not demosaiced at that level.</summary>
internal static class Downscale
{
    /// <summary>Averages each <paramref name="factor"/> × <paramref name="factor"/> block; trailing partial blocks are dropped, as the superpixel demosaic drops them.</summary>
    public static PlanarImage Box(PlanarImage full, int factor)
    {
        var width = full.Width / factor;
        var height = full.Height / factor;
        var small = new PlanarImage(Math.Max(1, width), Math.Max(1, height), full.Channels);
        var weight = 1f / (factor * factor);
        Parallel.For(0, small.Height, y =>
        {
            for (var c = 0; c < full.Channels; c++)
            {
                var row = small.GetRow(c, y);
                row.Clear();
                for (var dy = 0; dy < factor; dy++)
                {
                    var source = full.GetRow(c, Math.Min(full.Height - 1, (y * factor) + dy));
                    for (var x = 0; x < small.Width; x++)
                    {
                        var sum = 0f;
                        for (var dx = 0; dx < factor; dx++)
                        {
                            sum += source[Math.Min(full.Width - 1, (x * factor) + dx)];
                        }

                        row[x] += sum * weight;
                    }
                }
            }
        });
        return small;
    }

    /// <summary>Copies a rectangle of an image into a new one.</summary>
    public static PlanarImage Crop(PlanarImage image, int x, int y, int width, int height)
    {
        var result = new PlanarImage(width, height, image.Channels);
        for (var c = 0; c < image.Channels; c++)
        {
            for (var row = 0; row < height; row++)
            {
                image.GetRow(c, y + row).Slice(x, width).CopyTo(result.GetRow(c, row));
            }
        }

        return result;
    }
}
