using System.Numerics;
using System.Runtime.InteropServices;

namespace Rushes.Plugins.Dpx.IO;

/// <summary>
/// Float samples to integer code values: code = round(clamp(v, 0, 1) × max), so 0.0 is code 0 and 1.0 the
/// largest code. Values outside 0..1 are clamped (the range an unsigned integer encoding can hold); NaN and
/// infinities follow the <see cref="NonFinitePolicy"/>.
/// </summary>
internal static class SampleQuantizer
{
    /// <summary>Writes one code per sample; returns the index of the first non-finite sample under <see cref="NonFinitePolicy.Reject"/>, or -1.</summary>
    public static int Quantize(ReadOnlySpan<float> samples, Span<uint> codes, uint max, NonFinitePolicy policy)
    {
        var scale = (float)max;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var zero = Vector<float>.Zero;
            var one = Vector<float>.One;
            var vScale = new Vector<float>(scale);
            var half = new Vector<float>(0.5f);
            var exponent = new Vector<int>(0x7f800000);
            var ints = MemoryMarshal.Cast<float, int>(samples);
            for (; i <= samples.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                // All exponent bits set: NaN or an infinity; those lanes take the scalar path below.
                if (Vector.EqualsAny(Vector.BitwiseAnd(new Vector<int>(ints[i..]), exponent), exponent))
                {
                    break;
                }

                var v = Vector.Min(Vector.Max(new Vector<float>(samples[i..]), zero), one);
                Vector.ConvertToUInt32((v * vScale) + half).CopyTo(codes[i..]);
            }
        }

        for (; i < samples.Length; i++)
        {
            var v = samples[i];
            if (!float.IsFinite(v))
            {
                if (policy == NonFinitePolicy.Reject)
                {
                    return i;
                }

                codes[i] = float.IsPositiveInfinity(v) ? max : 0;
                continue;
            }

            codes[i] = (uint)((Math.Clamp(v, 0f, 1f) * scale) + 0.5f);
        }

        return -1;
    }
}
