namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// How opcode parameters relate to float pixels. The DNG SDK runs opcodes on 16-bit integer images, where
/// MapPolynomial and the per-row/column deltas work on value / 65535 and MapTable and FixBadPixelsConstant on the
/// integer itself. Here pixels are floats and <c>sampleScale</c> is the float that stands for 1.0: 1 for a normalized
/// image, 65535 for OpcodeList1 applied to 16-bit values as stored.
/// </summary>
internal static class OpcodeValues
{
    /// <summary>The integer range of the SDK's 16-bit images.</summary>
    public const double IntegerRange = 65535;

    /// <summary>The factor from a float pixel to the SDK's 16-bit integer value.</summary>
    public static double IntegerScale(double sampleScale) => IntegerRange / sampleScale;
}
