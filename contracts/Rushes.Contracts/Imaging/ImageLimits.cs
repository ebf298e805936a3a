namespace Rushes.Contracts.Imaging;

/// <summary>
/// Upper bounds on image sizes. Plugins check sizes read from files against these before any
/// allocation, so that a corrupt header asking for 100,000 × 100,000 pixels is an input error
/// and not an out-of-memory crash.
/// </summary>
public static class ImageLimits
{
    /// <summary>The widest or tallest image accepted: 65,536 pixels.</summary>
    public const int MaxDimension = 65_536;

    /// <summary>The most pixels in one image: 2^28 (16,384 × 16,384).</summary>
    public const long MaxPixels = 1L << 28;

    /// <summary>True when an image of this size may be allocated.</summary>
    public static bool IsAllowed(long width, long height)
        => width is > 0 and <= MaxDimension && height is > 0 and <= MaxDimension && width * height <= MaxPixels;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the limit when the size is not allowed.</summary>
    public static void Check(long width, long height)
    {
        if (!IsAllowed(width, height))
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"An image of {width} × {height} pixels is outside the limits: each side 1 to {MaxDimension}, at most {MaxPixels} pixels.");
        }
    }
}
