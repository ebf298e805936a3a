namespace Rushes.Plugins.Dng.Codecs.Deflate;

/// <summary>The inverse TIFF predictors, applied row by row after inflating.</summary>
internal static class Predictors
{
    /// <summary>
    /// The pixel distance of a horizontal-differencing predictor: TIFF 6.0 section 14 (2) and the DNG 1.5
    /// X2 (34892) and X4 (34893) variants, which difference against the sample 2 or 4 pixels to the left.
    /// </summary>
    public static int HorizontalSpan(int predictor) => predictor switch { 2 => 1, 34892 => 2, 34893 => 4, _ => 0 };

    /// <summary>
    /// The pixel distance of a floating-point predictor: Adobe TIFF Technical Note 3 (3) and the DNG 1.5
    /// X2 (34894) and X4 (34895) variants.
    /// </summary>
    public static int FloatingPointSpan(int predictor) => predictor switch { 3 => 1, 34894 => 2, 34895 => 4, _ => 0 };

    /// <summary>Undoes horizontal differencing over one row of 16-bit samples (sums modulo 2^16).</summary>
    public static void UndoHorizontal(Span<ushort> row, int distance)
    {
        for (var i = distance; i < row.Length; i++)
        {
            row[i] = (ushort)(row[i] + row[i - distance]);
        }
    }

    /// <summary>Undoes horizontal differencing over one row of bytes (sums modulo 2^8).</summary>
    public static void UndoHorizontal(Span<byte> row, int distance)
    {
        for (var i = distance; i < row.Length; i++)
        {
            row[i] = (byte)(row[i] + row[i - distance]);
        }
    }
}
