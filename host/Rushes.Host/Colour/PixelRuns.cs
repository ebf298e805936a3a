namespace Rushes.Host.Colour;

/// <summary>Argument checks shared by the host's processors.</summary>
internal static class PixelRuns
{
    public static void CheckInterleaved(Span<float> pixels, int channels)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Interleaved pixels have 3 (RGB) or 4 (RGBA) channels.");
        }

        if (pixels.Length % channels != 0)
        {
            throw new ArgumentException($"{pixels.Length} samples are not a whole number of {channels}-channel pixels.", nameof(pixels));
        }
    }
}
