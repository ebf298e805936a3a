using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.IO;

/// <summary>Float samples to and from the little-endian bytes of a channel's pixel type.</summary>
internal static class SampleConversion
{
    /// <summary>
    /// Writes samples as half or float; returns the index of the first sample that is not finite in the
    /// target type under <see cref="NonFinitePolicy.Reject"/>, or -1. Half conversion rounds to nearest even
    /// (IEEE 754), which is what <see cref="Half"/>'s explicit conversion does.
    /// </summary>
    public static int Write(ReadOnlySpan<float> samples, ExrPixelType type, NonFinitePolicy policy, Span<byte> destination)
    {
        if (type == ExrPixelType.Half)
        {
            var halves = MemoryMarshal.Cast<byte, ushort>(destination)[..samples.Length];
            if (BitConverter.IsLittleEndian && HalfConversion.TryToHalf(samples, halves))
            {
                return -1;
            }

            // A sample that is not a finite half (or a big-endian machine): sample by sample, with the policy.
            for (var i = 0; i < samples.Length; i++)
            {
                var bits = BitConverter.HalfToUInt16Bits((Half)samples[i]);
                // Exponent all ones: infinity or NaN (a float of 65520 or more rounds to infinity).
                if ((bits & 0x7c00) == 0x7c00)
                {
                    if (policy == NonFinitePolicy.Reject)
                    {
                        return i;
                    }

                    bits = (bits & 0x3ff) != 0 ? (ushort)0 : (ushort)((bits & 0x8000) | 0x7bff);
                }

                halves[i] = bits;
            }

            if (!BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(halves, halves);
            }

            return -1;
        }

        var floats = MemoryMarshal.Cast<byte, float>(destination)[..samples.Length];
        samples.CopyTo(floats);
        for (var i = 0; i < floats.Length; i++)
        {
            if (!float.IsFinite(floats[i]))
            {
                if (policy == NonFinitePolicy.Reject)
                {
                    return i;
                }

                floats[i] = float.IsNaN(floats[i]) ? 0 : float.CopySign(float.MaxValue, floats[i]);
            }
        }

        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<float, uint>(floats);
            BinaryPrimitives.ReverseEndianness(words, words);
        }

        return -1;
    }

    /// <summary>Reads <paramref name="destination"/>.Length samples of a channel's type as floats.</summary>
    public static void Read(ReadOnlySpan<byte> source, ExrPixelType type, Span<float> destination)
    {
        switch (type)
        {
            case ExrPixelType.Half when BitConverter.IsLittleEndian:
                HalfConversion.ToSingle(MemoryMarshal.Cast<byte, ushort>(source)[..destination.Length], destination);
                break;
            case ExrPixelType.Half:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(source[(i * 2)..]));
                }

                break;
            case ExrPixelType.Float:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * 4)..]);
                }

                break;
            default:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadUInt32LittleEndian(source[(i * 4)..]);
                }

                break;
        }
    }
}
