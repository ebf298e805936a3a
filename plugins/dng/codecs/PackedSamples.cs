using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Codecs;

/// <summary>
/// Uncompressed TIFF/DNG samples of 8 to 16 bits. 8 and 16 bits are whole bytes (16 in the file's byte
/// order); every other width is packed MSB first with each row starting on a byte boundary (TIFF 6.0
/// FillOrder 1, as DNG requires for 10, 12 and 14-bit raw data).
/// </summary>
public static class PackedSamples
{
    /// <summary>The bytes one row of packed samples occupies.</summary>
    public static long RowBytes(int bitsPerSample, int samplesPerRow) => (((long)samplesPerRow * bitsPerSample) + 7) / 8;

    /// <summary>Unpacks <paramref name="rows"/> rows of <paramref name="samplesPerRow"/> samples into <paramref name="destination"/>.</summary>
    public static void Unpack(ReadOnlySpan<byte> source, int bitsPerSample, int samplesPerRow, int rows, bool bigEndian, Span<ushort> destination, string file)
    {
        if (bitsPerSample is < 8 or > 16)
        {
            throw new InputException($"'{file}' stores {bitsPerSample}-bit integer samples; 8 to 16 are supported.", file, "BitsPerSample", "8 to 16");
        }

        if (samplesPerRow < 1 || rows < 1)
        {
            throw new InputException($"'{file}' has a strip or tile of {samplesPerRow} samples by {rows} rows.", file, "ImageWidth", "at least one sample and one row");
        }

        if ((long)samplesPerRow * rows > destination.Length)
        {
            throw new InputException($"'{file}' has a strip or tile of {samplesPerRow}×{rows} samples, more than the {destination.Length} expected.", file, "ImageWidth", $"at most {destination.Length} samples");
        }

        var rowBytes = RowBytes(bitsPerSample, samplesPerRow);
        if (rowBytes * rows > source.Length)
        {
            throw new InputException($"'{file}' has {source.Length} bytes of raw data where {rows} rows of {samplesPerRow} {bitsPerSample}-bit samples need {rowBytes * rows}.",
                file, "StripByteCounts", $"{rowBytes * rows} bytes");
        }

        var count = samplesPerRow * rows;
        switch (bitsPerSample)
        {
            case 8:
                for (var i = 0; i < count; i++)
                {
                    destination[i] = source[i];
                }

                break;
            case 16:
                var words = MemoryMarshal.Cast<byte, ushort>(source[..(count * 2)]);
                if (bigEndian == BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.ReverseEndianness(words, destination[..count]);
                }
                else
                {
                    words.CopyTo(destination);
                }

                break;
            default:
                for (var row = 0; row < rows; row++)
                {
                    UnpackRow(source.Slice((int)(row * rowBytes), (int)rowBytes), bitsPerSample, destination.Slice(row * samplesPerRow, samplesPerRow));
                }

                break;
        }
    }

    private static void UnpackRow(ReadOnlySpan<byte> packed, int bits, Span<ushort> samples)
    {
        var mask = (1u << bits) - 1;
        var i = 0;

        // Whole 8-byte loads while they stay inside the row: every sample at bit offset o lies in the 8 bytes
        // from o / 8, since o % 8 + bits <= 7 + 16 < 64.
        for (long bit = 0; i < samples.Length && (bit >> 3) + 8 <= packed.Length; i++, bit += bits)
        {
            var word = BinaryPrimitives.ReadUInt64BigEndian(packed[(int)(bit >> 3)..]);
            samples[i] = (ushort)((word >> (64 - bits - (int)(bit & 7))) & mask);
        }

        // The last few samples of the row, a byte at a time.
        for (long bit = (long)i * bits; i < samples.Length; i++, bit += bits)
        {
            uint value = 0;
            var first = (int)(bit >> 3);
            var last = (int)((bit + bits - 1) >> 3);
            for (var b = first; b <= last; b++)
            {
                value = (value << 8) | packed[b];
            }

            samples[i] = (ushort)((value >> (int)(((last + 1) * 8) - (bit + bits))) & mask);
        }
    }
}
