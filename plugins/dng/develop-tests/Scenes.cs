using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop.Tests;

/// <summary>A linear RGB ground-truth image, planar (R plane, G plane, B plane).</summary>
internal sealed record RgbImage(int Width, int Height, float[] Planes)
{
    public float this[int channel, int x, int y] => Planes[(channel * Width * Height) + (y * Width) + x];

    /// <summary>Samples this image through a colour filter array: one colour per photosite, as a sensor does.</summary>
    public CfaImage Mosaic(CfaPattern pattern, Func<float, float>? quantize = null)
    {
        var mosaic = new CfaImage(Width, Height, pattern, 16);
        var samples = mosaic.Samples;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var value = this[(int)pattern.ColourAt(x, y), x, y];
                samples[(y * Width) + x] = quantize is null ? value : quantize(value);
            }
        }

        return mosaic;
    }

    public static RgbImage From(PlanarImage image) => new(image.Width, image.Height, image.Samples.ToArray());
}

/// <summary>
/// Synthetic scenes with a known truth, rendered with 4×4 supersampling (a box pre-filter standing in for a
/// camera's optical low-pass filter), in linear light between about 0.02 and 0.9.
/// </summary>
internal static class Scenes
{
    private const int Supersampling = 4;

    /// <summary>A grey circular zone plate whose frequency rises from 0 at the centre to <paramref name="cornerFrequency"/> cycles per pixel at the corners.</summary>
    public static RgbImage ZonePlate(int width, int height, double cornerFrequency = 0.5)
    {
        double cx = width / 2.0, cy = height / 2.0;
        var rMax = Math.Sqrt((cx * cx) + (cy * cy));
        var k = cornerFrequency / rMax;
        return Render(width, height, (x, y) =>
        {
            var r2 = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy));
            var v = 0.45 + (0.4 * Math.Cos(Math.PI * k * r2));
            return (v, v, v);
        });
    }

    /// <summary>Cells of two saturated colours split by a straight edge at a random angle through the cell.</summary>
    public static RgbImage ColourEdges(int width, int height, int seed = 7, int cell = 32)
    {
        (double, double, double)[] palette =
        [
            (0.85, 0.05, 0.05), (0.05, 0.75, 0.08), (0.06, 0.08, 0.85), (0.05, 0.7, 0.75),
            (0.8, 0.06, 0.7), (0.85, 0.8, 0.06), (0.8, 0.8, 0.8), (0.03, 0.03, 0.03),
        ];
        var random = new Random(seed);
        var cols = (width + cell - 1) / cell;
        var rows = (height + cell - 1) / cell;
        var cells = new (double Nx, double Ny, int A, int B)[cols * rows];
        for (var i = 0; i < cells.Length; i++)
        {
            var angle = random.NextDouble() * Math.PI;
            var a = random.Next(palette.Length);
            var b = (a + 1 + random.Next(palette.Length - 1)) % palette.Length;
            cells[i] = (Math.Cos(angle), Math.Sin(angle), a, b);
        }

        return Render(width, height, (x, y) =>
        {
            int col = Math.Min(cols - 1, (int)(x / cell)), row = Math.Min(rows - 1, (int)(y / cell));
            var c = cells[(row * cols) + col];
            double dx = x - ((col + 0.5) * cell), dy = y - ((row + 0.5) * cell);
            return (dx * c.Nx) + (dy * c.Ny) < 0 ? palette[c.A] : palette[c.B];
        });
    }

    /// <summary>
    /// A natural-looking picture: a smooth lit background, overlapping soft and hard-edged coloured ellipses,
    /// and fine multiplicative texture (a few oriented sinusoids), as foliage, skin and fabric give.
    /// </summary>
    public static RgbImage Natural(int width, int height, int seed = 11)
    {
        var random = new Random(seed);
        var blobs = new (double X, double Y, double Rx, double Ry, double Cos, double Sin, double R, double G, double B, double Soft)[40];
        for (var i = 0; i < blobs.Length; i++)
        {
            var angle = random.NextDouble() * Math.PI;
            // Natural colours are mostly muted: a brightness with a moderate tint, and now and then a saturated one.
            var brightness = 0.05 + (random.NextDouble() * 0.7);
            var saturation = random.NextDouble() < 0.15 ? 0.9 : 0.3;
            double Tint() => brightness * (1 + (saturation * ((2 * random.NextDouble()) - 1)));
            blobs[i] = (random.NextDouble() * width, random.NextDouble() * height,
                (0.04 + (random.NextDouble() * 0.2)) * width, (0.04 + (random.NextDouble() * 0.2)) * height,
                Math.Cos(angle), Math.Sin(angle),
                Tint(), Tint(), Tint(),
                random.NextDouble() < 0.5 ? 0.02 : 0.3);
        }

        var waves = new (double Fx, double Fy, double Phase, double Amplitude)[6];
        for (var i = 0; i < waves.Length; i++)
        {
            var frequency = 0.02 + (random.NextDouble() * 0.25);
            var angle = random.NextDouble() * Math.PI;
            waves[i] = (frequency * Math.Cos(angle), frequency * Math.Sin(angle), random.NextDouble() * 2 * Math.PI, 0.04 + (random.NextDouble() * 0.06));
        }

        return Render(width, height, (x, y) =>
        {
            double u = x / width, v = y / height;
            double r = 0.25 + (0.2 * u), g = 0.3 + (0.15 * v), b = 0.35 - (0.15 * u * v);
            foreach (var blob in blobs)
            {
                double dx = x - blob.X, dy = y - blob.Y;
                double a = ((dx * blob.Cos) + (dy * blob.Sin)) / blob.Rx, c = ((dy * blob.Cos) - (dx * blob.Sin)) / blob.Ry;
                var d = Math.Sqrt((a * a) + (c * c));
                var cover = Math.Clamp((1 - d) / blob.Soft, 0, 1);
                r += cover * (blob.R - r);
                g += cover * (blob.G - g);
                b += cover * (blob.B - b);
            }

            var texture = 1.0;
            foreach (var wave in waves)
            {
                texture += wave.Amplitude * Math.Sin((2 * Math.PI * ((wave.Fx * x) + (wave.Fy * y))) + wave.Phase);
            }

            return (r * texture, g * texture, b * texture);
        });
    }

    /// <summary>Each channel an affine function of position: bilinear and Malvar–He–Cutler reproduce it exactly away from the borders.</summary>
    public static RgbImage Ramps(int width, int height)
        => Render(width, height, (x, y) => (0.1 + (0.004 * x) + (0.001 * y), 0.2 + (0.002 * x) + (0.003 * y), 0.7 - (0.002 * x) - (0.001 * y)), supersampling: 1);

    public static RgbImage Flat(int width, int height, double r, double g, double b)
        => Render(width, height, (_, _) => (r, g, b), supersampling: 1);

    private static RgbImage Render(int width, int height, Func<double, double, (double R, double G, double B)> scene, int supersampling = Supersampling)
    {
        var planes = new float[3 * width * height];
        var plane = width * height;
        Parallel.For(0, height, y =>
        {
            for (var x = 0; x < width; x++)
            {
                double r = 0, g = 0, b = 0;
                for (var sy = 0; sy < supersampling; sy++)
                {
                    for (var sx = 0; sx < supersampling; sx++)
                    {
                        // Pixel (x, y) covers [x, x + 1) × [y, y + 1); sample at sub-pixel centres.
                        var (cr, cg, cb) = supersampling == 1 ? scene(x, y) : scene(x + ((sx + 0.5) / supersampling), y + ((sy + 0.5) / supersampling));
                        r += cr;
                        g += cg;
                        b += cb;
                    }
                }

                var n = supersampling * supersampling;
                planes[(y * width) + x] = (float)(r / n);
                planes[plane + (y * width) + x] = (float)(g / n);
                planes[(2 * plane) + (y * width) + x] = (float)(b / n);
            }
        });
        return new RgbImage(width, height, planes);
    }
}

/// <summary>Colour PSNR (all three channels) in linear light against a peak of 1, with a border left out.</summary>
internal static class Quality
{
    public static double Psnr(RgbImage truth, RgbImage actual, int border)
    {
        double sum = 0;
        long count = 0;
        for (var c = 0; c < 3; c++)
        {
            for (var y = border; y < truth.Height - border; y++)
            {
                for (var x = border; x < truth.Width - border; x++)
                {
                    var d = (double)truth[c, x, y] - actual[c, x, y];
                    sum += d * d;
                    count++;
                }
            }
        }

        return sum == 0 ? double.PositiveInfinity : 10 * Math.Log10(count / sum);
    }

    public static double MaxError(RgbImage expected, RgbImage actual, int border)
    {
        double max = 0;
        for (var c = 0; c < 3; c++)
        {
            for (var y = border; y < expected.Height - border; y++)
            {
                for (var x = border; x < expected.Width - border; x++)
                {
                    max = Math.Max(max, Math.Abs((double)expected[c, x, y] - actual[c, x, y]));
                }
            }
        }

        return max;
    }
}
