namespace Rushes.Plugins.Dng.Codecs.Deflate;

/// <summary>
/// DNG's 24-bit floating point (DNG 1.4 specification, "BitsPerSample" for floating-point data): 1 sign bit,
/// 7 exponent bits biased by 63 and 16 mantissa bits, with IEEE 754 conventions for zero, subnormals
/// (exponent 0), infinities and NaN (exponent 127).
/// </summary>
internal static class Float24
{
    public static float ToSingle(uint bits)
    {
        var sign = (bits >> 23) & 1;
        var exponent = (int)((bits >> 16) & 0x7F);
        var mantissa = bits & 0xFFFF;
        if (exponent == 0)
        {
            // Subnormal: mantissa × 2^(1 - 63 - 16), exact in binary32.
            var magnitude = MathF.ScaleB(mantissa, -78);
            return sign != 0 ? -magnitude : magnitude;
        }

        // Rebias 63 -> 127 and widen the mantissa 16 -> 23 bits; exponent 127 maps to 255 (infinity or NaN).
        var e32 = exponent == 127 ? 255u : (uint)(exponent - 63 + 127);
        return BitConverter.UInt32BitsToSingle((sign << 31) | (e32 << 23) | (mantissa << 7));
    }
}
