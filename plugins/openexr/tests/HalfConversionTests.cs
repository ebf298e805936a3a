using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>The SIMD half conversions agree bit for bit with <see cref="Half"/>'s own.</summary>
public sealed class HalfConversionTests
{
    [Fact]
    public void Float_to_half_rounds_exactly_as_Half_does()
    {
        // Every 251st float bit pattern (about 17 million values, both signs, all exponents), minus NaNs and
        // values that overflow (those return false by design and are checked below).
        const int Block = 4096;
        var floats = new float[Block];
        var halves = new ushort[Block];
        var n = 0;
        for (ulong bits = 0; bits <= uint.MaxValue; bits += 251)
        {
            var value = BitConverter.UInt32BitsToSingle((uint)bits);
            if (float.IsNaN(value) || float.IsInfinity((float)(Half)value))
            {
                continue;
            }

            floats[n++] = value;
            if (n == Block)
            {
                Check(floats, halves);
                n = 0;
            }
        }

        // Ties at every scale: halfway between neighbouring halves, subnormal and normal.
        var ties = new List<float>();
        for (ushort h = 0; h < 0x7bff; h += 7)
        {
            var a = (float)BitConverter.UInt16BitsToHalf(h);
            var b = (float)BitConverter.UInt16BitsToHalf((ushort)(h + 1));
            ties.Add((a + b) / 2);
            ties.Add(-(a + b) / 2);
        }

        ties.AddRange([0f, -0f, 65504f, 65519.99f, float.Epsilon, 5.96e-8f, 2.98e-8f, 6.1e-5f]);
        Check([.. ties], new ushort[ties.Count]);
    }

    [Fact]
    public void Non_finite_halves_are_reported()
    {
        foreach (var bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 65520f, -1e9f })
        {
            var floats = Enumerable.Range(0, 40).Select(i => i * 0.5f).ToArray();
            floats[33] = bad;
            Assert.False(HalfConversion.TryToHalf(floats, new ushort[40]), $"{bad}");
        }
    }

    [Fact]
    public void Half_to_float_is_exact_for_every_half()
    {
        var halves = Enumerable.Range(0, 1 << 16).Select(i => (ushort)i).ToArray();
        var floats = new float[halves.Length];
        HalfConversion.ToSingle(halves, floats);
        for (var i = 0; i < halves.Length; i++)
        {
            var expected = (float)BitConverter.UInt16BitsToHalf(halves[i]);
            Assert.True(float.IsNaN(expected) ? float.IsNaN(floats[i]) : BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(floats[i]),
                $"half 0x{i:x4}: {floats[i]} against {expected}");
        }
    }

    private static void Check(float[] floats, ushort[] halves)
    {
        Assert.True(HalfConversion.TryToHalf(floats, halves));
        for (var i = 0; i < floats.Length; i++)
        {
            var expected = BitConverter.HalfToUInt16Bits((Half)floats[i]);
            if (expected != halves[i])
            {
                Assert.Fail($"{floats[i]:R} (0x{BitConverter.SingleToUInt32Bits(floats[i]):x8}) became 0x{halves[i]:x4}, expected 0x{expected:x4}.");
            }
        }
    }
}
