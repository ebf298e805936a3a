namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>Deterministic test content: smooth gradients with seeded noise, like a raw sensor, at any bit depth.</summary>
internal static class TestImages
{
    public static ushort[] Samples(int width, int height, int components, int precision, int seed)
    {
        var random = new Random(seed);
        var max = (1 << precision) - 1;
        var samples = new ushort[width * height * components];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < components; c++)
                {
                    var ramp = (double)((x * (c + 1)) + (y * 3)) / (width + height + 1) * max * 0.8;
                    var noise = random.Next(-max / 16, (max / 16) + 1);
                    samples[(((y * width) + x) * components) + c] = (ushort)Math.Clamp((int)ramp + noise, 0, max);
                }
            }
        }

        // The extremes appear at least once, so every difference category is exercised near the range ends.
        samples[0] = (ushort)max;
        samples[^1] = 0;
        return samples;
    }

    public static ushort[] Uniform(int count, int precision, int seed)
    {
        var random = new Random(seed);
        var samples = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (ushort)random.Next(1 << precision);
        }

        return samples;
    }
}
