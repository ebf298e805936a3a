namespace Rushes.Contracts.Imaging;

/// <summary>
/// A colour-filter-array mosaic before demosaicing: one float sample per photosite, already
/// linearized and scaled so that black is 0 and the white level is 1.
/// </summary>
public sealed class CfaImage : ImageBuffer
{
    /// <summary>Rents a mosaic of the given size.</summary>
    public CfaImage(int width, int height, CfaPattern pattern, int bitDepth)
        : base(width, height, (long)width * height)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitDepth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitDepth, 32);
        Pattern = pattern;
        BitDepth = bitDepth;
    }

    /// <summary>The filter tile, anchored at (0, 0) of this mosaic.</summary>
    public CfaPattern Pattern { get; }

    /// <summary>Bits per sample in the source (for example 12 or 14).</summary>
    public int BitDepth { get; }

    /// <summary>One row of photosites.</summary>
    public Span<float> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Samples.Slice(y * Width, Width);
    }
}
