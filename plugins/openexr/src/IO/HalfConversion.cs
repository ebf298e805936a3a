using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rushes.Plugins.OpenExr.IO;

/// <summary>
/// Float to half and back, eight or more lanes at a time with integer SIMD. The results are bit for bit
/// those of <see cref="Half"/>'s conversions (IEEE 754 round to nearest even), which the tests check over
/// millions of values. Half to float is exact; float to half rounds as follows (see IEEE 754-2019 §4.3):
/// <list type="bullet">
/// <item>normal results: move the exponent bias from 127 to 15 and add 0xfff plus the lowest kept mantissa
/// bit before dropping 13 bits, which rounds ties to even and carries into the exponent when needed;</item>
/// <item>results below 2^-14 (half subnormals): add 0.5 as a float, so that the FPU's own round-to-nearest-even
/// aligns the 10 mantissa bits at the bottom, then take the low bits;</item>
/// <item>magnitudes of 2^16 and above: infinity (65520 up to 2^16 rounds there through the normal path).</item>
/// </list>
/// </summary>
internal static class HalfConversion
{
    private const uint SignMask = 0x8000_0000;

    // 2^16: the first float whose magnitude is past every rounding to a finite half.
    private const uint HalfOverflow = (127 + 16) << 23;

    // 2^-14: the smallest normal half.
    private const uint HalfMinNormal = 113 << 23;

    // 0.5f: adding it aligns a half subnormal's mantissa at bit 0 (exponent 126 = 127 - 15 + 23 - 10 + 1).
    private const uint SubnormalMagic = 126 << 23;

    // Rebias the exponent from float (127) to half (15), in place in the float's bit layout.
    private const uint Rebias = unchecked((uint)((15 - 127) << 23));

    /// <summary>
    /// Converts every sample; returns false (leaving <paramref name="destination"/> partly written) as soon as
    /// one would not be a finite half, so that the caller can apply its policy sample by sample.
    /// </summary>
    public static bool TryToHalf(ReadOnlySpan<float> source, Span<ushort> destination)
    {
        var bits = MemoryMarshal.Cast<float, uint>(source);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 16 <= bits.Length; i += 16)
            {
                var low = ToHalf(Vector256.Create(bits.Slice(i, 8)));
                var high = ToHalf(Vector256.Create(bits.Slice(i + 8, 8)));
                var halves = Vector256.Narrow(low, high);
                // Exponent all ones: infinity or NaN.
                if (Vector256.EqualsAny(halves & Vector256.Create((ushort)0x7c00), Vector256.Create((ushort)0x7c00)))
                {
                    return false;
                }

                halves.CopyTo(destination[i..]);
            }
        }

        for (; i < bits.Length; i++)
        {
            var h = BitConverter.HalfToUInt16Bits((Half)source[i]);
            if ((h & 0x7c00) == 0x7c00)
            {
                return false;
            }

            destination[i] = h;
        }

        return true;
    }

    /// <summary>Converts half bits to floats (exact).</summary>
    public static void ToSingle(ReadOnlySpan<ushort> source, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var output = MemoryMarshal.Cast<float, uint>(destination);
            for (; i + 16 <= source.Length; i += 16)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(source.Slice(i, 16)));
                ToSingle(low).CopyTo(output[i..]);
                ToSingle(high).CopyTo(output[(i + 8)..]);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (float)BitConverter.UInt16BitsToHalf(source[i]);
        }
    }

    private static Vector256<uint> ToHalf(Vector256<uint> f)
    {
        var sign = f & Vector256.Create(SignMask);
        var a = f ^ sign;

        var overflow = Vector256.GreaterThanOrEqual(a, Vector256.Create(HalfOverflow));
        var nan = Vector256.GreaterThan(a, Vector256.Create(0x7f80_0000u));
        var special = Vector256.ConditionalSelect(nan, Vector256.Create(0x7e00u), Vector256.Create(0x7c00u));

        var subnormal = Vector256.LessThan(a, Vector256.Create(HalfMinNormal));
        var aligned = (a.AsSingle() + Vector256.Create(SubnormalMagic).AsSingle()).AsUInt32() - Vector256.Create(SubnormalMagic);

        var odd = (a >> 13) & Vector256<uint>.One;
        var normal = (a + Vector256.Create(Rebias + 0xfff) + odd) >> 13;

        var result = Vector256.ConditionalSelect(overflow, special, Vector256.ConditionalSelect(subnormal, aligned, normal));
        return result | (sign >> 16);
    }

    private static Vector256<uint> ToSingle(Vector256<uint> h)
    {
        var shiftedExponent = Vector256.Create(0x7c00u << 13);
        var o = (h & Vector256.Create(0x7fffu)) << 13;
        var exponent = o & shiftedExponent;
        o += Vector256.Create((127u - 15) << 23);

        // Infinity and NaN: push the exponent to all ones.
        var infinite = Vector256.Equals(exponent, shiftedExponent);
        o += infinite & Vector256.Create((128u - 16) << 23);

        // Zero and subnormals: renormalize through a float subtraction of 2^-14.
        var tiny = Vector256.Equals(exponent, Vector256<uint>.Zero);
        var renormalized = ((o + Vector256.Create(1u << 23)).AsSingle() - Vector256.Create(113u << 23).AsSingle()).AsUInt32();
        o = Vector256.ConditionalSelect(tiny, renormalized, o);
        return o | ((h & Vector256.Create(0x8000u)) << 16);
    }
}
