using Rushes.Contracts.Colour;

namespace Rushes.Plugins.AcesOutput;

/// <summary>
/// A compiled output transform: an immutable pipeline whose tables were built at compile time.
/// Thread-safe; allocates nothing per call.
/// </summary>
internal sealed class OutputProcessor(string cacheId, Pipeline pipeline) : IPixelProcessor
{
    public string CacheId { get; } = cacheId;

    public bool IsIdentity => false;

    public ColourMatrix? AsMatrix => null;

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (red.Length != green.Length || red.Length != blue.Length)
        {
            throw new ArgumentException("The red, green and blue runs must have equal lengths.", nameof(red));
        }

        for (var i = 0; i < red.Length; i++)
        {
            var o = pipeline.Apply(new Vec3(red[i], green[i], blue[i]));
            (red[i], green[i], blue[i]) = ((float)o.X, (float)o.Y, (float)o.Z);
        }
    }

    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Interleaved pixels have 3 (RGB) or 4 (RGBA) channels.");
        }

        if (pixels.Length % channels != 0)
        {
            throw new ArgumentException($"{pixels.Length} samples are not a whole number of {channels}-channel pixels.", nameof(pixels));
        }

        for (var i = 0; i < pixels.Length; i += channels)
        {
            var o = pipeline.Apply(new Vec3(pixels[i], pixels[i + 1], pixels[i + 2]));
            (pixels[i], pixels[i + 1], pixels[i + 2]) = ((float)o.X, (float)o.Y, (float)o.Z);
        }
    }
}
