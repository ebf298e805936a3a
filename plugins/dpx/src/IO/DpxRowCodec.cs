using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Rushes.Plugins.Dpx.IO;

/// <summary>
/// One row of RGB samples to and from the bytes of a DPX image element, big- or little-endian:
/// 10-bit filled to 32-bit words with method A (three samples a word, the first in bits 31-22, two zero
/// bits of padding at the least significant end; SMPTE ST 268 packing 1), 16-bit as consecutive 16-bit
/// words, and 8-bit as consecutive bytes.
/// </summary>
internal static class DpxRowCodec
{
    /// <summary>Bytes of one row of <paramref name="width"/> pixels of <paramref name="components"/> samples, without end-of-line padding.</summary>
    public static long RowBytes(int width, int components, int bitDepth) => bitDepth switch
    {
        10 => ((((long)width * components) + 2) / 3) * 4,
        16 => (long)width * components * 2,
        _ => (long)width * components,
    };

    public static uint MaxCode(int bitDepth) => (1u << bitDepth) - 1;

    /// <summary>Interleaves quantized R, G and B codes into the row's bytes in the file's byte order.</summary>
    public static void Encode(ReadOnlySpan<uint> r, ReadOnlySpan<uint> g, ReadOnlySpan<uint> b, int bitDepth, bool bigEndian, Span<byte> row)
    {
        if (bitDepth == 10)
        {
            var words = MemoryMarshal.Cast<byte, uint>(row)[..r.Length];
            for (var x = 0; x < words.Length; x++)
            {
                words[x] = (r[x] << 22) | (g[x] << 12) | (b[x] << 2);
            }

            if (bigEndian == BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(words, words);
            }

            return;
        }

        var samples = MemoryMarshal.Cast<byte, ushort>(row)[..(r.Length * 3)];
        for (var x = 0; x < r.Length; x++)
        {
            samples[3 * x] = (ushort)r[x];
            samples[(3 * x) + 1] = (ushort)g[x];
            samples[(3 * x) + 2] = (ushort)b[x];
        }

        if (bigEndian == BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(samples, samples);
        }
    }

    /// <summary>Reads one row into one span per component (3 or 4), scaled so the largest code is 1.0.</summary>
    public static void Decode(ReadOnlySpan<byte> row, int bitDepth, bool bigEndian, Span<float> scratch, IReadOnlyList<Memory<float>> planes, int offset, int width)
    {
        var components = planes.Count;
        var count = width * components;
        var codes = scratch[..count];
        var scale = 1f / MaxCode(bitDepth);
        switch (bitDepth)
        {
            case 10:
                for (var k = 0; k < count; k++)
                {
                    var at = (k / 3) * 4;
                    var word = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(row[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(row[at..]);
                    codes[k] = (word >> (22 - (10 * (k % 3)))) & 0x3ff;
                }

                break;
            case 16:
                for (var k = 0; k < count; k++)
                {
                    codes[k] = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(row[(2 * k)..]) : BinaryPrimitives.ReadUInt16LittleEndian(row[(2 * k)..]);
                }

                break;
            default:
                for (var k = 0; k < count; k++)
                {
                    codes[k] = row[k];
                }

                break;
        }

        for (var c = 0; c < components; c++)
        {
            var plane = planes[c].Span.Slice(offset, width);
            for (var x = 0; x < width; x++)
            {
                plane[x] = codes[(x * components) + c] * scale;
            }
        }
    }
}
