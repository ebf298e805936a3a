namespace Rushes.Contracts.Colour;

/// <summary>
/// A compiled, immutable colour transform. Applying it is thread-safe: the host splits images into
/// bands of rows and calls it from every core at once. Alpha is never touched.
/// </summary>
public interface IPixelProcessor
{
    /// <summary>
    /// Identifies what the processor computes, so equal descriptions share one compiled processor
    /// (for example a hash of the transform id, direction, parameters and file contents).
    /// </summary>
    string CacheId { get; }

    /// <summary>True when it changes no value, so a chain may drop it.</summary>
    bool IsIdentity { get; }

    /// <summary>The processor as an affine matrix when it is exactly one, so a chain may fuse it; otherwise null.</summary>
    ColourMatrix? AsMatrix { get; }

    /// <summary>Transforms planar runs in place: <paramref name="red"/>, <paramref name="green"/> and <paramref name="blue"/> have equal lengths.</summary>
    void Apply(Span<float> red, Span<float> green, Span<float> blue);

    /// <summary>Transforms interleaved pixels in place; <paramref name="channels"/> is 3 (RGB) or 4 (RGBA).</summary>
    void ApplyInterleaved(Span<float> pixels, int channels);
}
