namespace Rushes.Testing;

/// <summary>A simple interleaved float image for golden comparisons, independent of pooled buffers.</summary>
public sealed class FloatImage
{
    /// <summary>Makes an image; <paramref name="pixels"/> is interleaved, row 0 first.</summary>
    public FloatImage(int width, int height, int channels, float[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0 || channels is not (1 or 3) || pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"A {width}×{height} image with {channels} channels (1 or 3) needs {width * height * channels} samples, not {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>1 (grey) or 3 (RGB).</summary>
    public int Channels { get; }

    /// <summary>Interleaved samples, row 0 first.</summary>
    public float[] Pixels { get; }

    /// <summary>Copies the RGB planes of a planar image.</summary>
    public static FloatImage FromPlanar(Rushes.Contracts.Imaging.PlanarImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = new float[image.Width * image.Height * 3];
        for (var c = 0; c < 3; c++)
        {
            var plane = image.GetPlane(c);
            for (var i = 0; i < plane.Length; i++)
            {
                pixels[(i * 3) + c] = plane[i];
            }
        }

        return new FloatImage(image.Width, image.Height, 3, pixels);
    }
}
