using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// PIZ chunks (OpenEXR Technical Introduction, "PIZ"): the chunk's 16-bit words are gathered channel by
/// channel, mapped through a table of the values that occur (so the range is dense), transformed by a 2D
/// Haar wavelet per channel, then Huffman coded. Stored: the bitmap of occurring values (first and last
/// non-zero byte, then those bytes), the Huffman data's length, and the Huffman data.
/// </summary>
internal static class PizCodec
{
    private const int UShortRange = 1 << 16;
    private const int BitmapSize = UShortRange >> 3;

    public static int Encode(ReadOnlySpan<byte> raw, ChunkLayout layout, Span<byte> destination)
    {
        var count = raw.Length / 2;
        var words = ArrayPool<ushort>.Shared.Rent(count);
        var lut = ArrayPool<ushort>.Shared.Rent(UShortRange);
        try
        {
            var data = words.AsSpan(0, count);
            Gather(raw, layout, data);

            Span<byte> bitmap = stackalloc byte[BitmapSize];
            bitmap.Clear();
            foreach (var w in data)
            {
                bitmap[w >> 3] |= (byte)(1 << (w & 7));
            }

            // Zero is always in the table and never stored in the bitmap.
            bitmap[0] &= 0xfe;
            var minNonZero = BitmapSize - 1;
            var maxNonZero = 0;
            for (var i = 0; i < BitmapSize; i++)
            {
                if (bitmap[i] != 0)
                {
                    minNonZero = Math.Min(minNonZero, i);
                    maxNonZero = i;
                }
            }

            var maxValue = ForwardTable(bitmap, lut);
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = lut[data[i]];
            }

            var start = 0;
            for (var c = 0; c < layout.BytesPerSample.Count; c++)
            {
                var size = layout.BytesPerSample[c] / 2;
                for (var j = 0; j < size; j++)
                {
                    PizWavelet.Encode(data, start + j, layout.Width, size, layout.Lines, layout.Width * size, maxValue);
                }

                start += layout.Width * layout.Lines * size;
            }

            var head = 4 + (minNonZero <= maxNonZero ? maxNonZero - minNonZero + 1 : 0) + 4;
            if (destination.Length < head)
            {
                return -1;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)minNonZero);
            BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)maxNonZero);
            if (minNonZero <= maxNonZero)
            {
                bitmap[minNonZero..(maxNonZero + 1)].CopyTo(destination[4..]);
            }

            var length = PizHuffman.Encode(data, destination[head..]);
            if (length < 0)
            {
                return -1;
            }

            BinaryPrimitives.WriteInt32LittleEndian(destination[(head - 4)..], length);
            return head + length;
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(words);
            ArrayPool<ushort>.Shared.Return(lut);
        }
    }

    /// <summary>Decodes a chunk into <paramref name="raw"/>; returns null, or what is wrong with the data.</summary>
    public static string? Decode(ReadOnlySpan<byte> compressed, ChunkLayout layout, Span<byte> raw)
    {
        if (compressed.Length < 4)
        {
            return "the PIZ bitmap range is cut short";
        }

        int minNonZero = BinaryPrimitives.ReadUInt16LittleEndian(compressed);
        int maxNonZero = BinaryPrimitives.ReadUInt16LittleEndian(compressed[2..]);
        if (maxNonZero >= BitmapSize)
        {
            return $"the PIZ bitmap ends at byte {maxNonZero}, past {BitmapSize - 1}";
        }

        Span<byte> bitmap = stackalloc byte[BitmapSize];
        bitmap.Clear();
        var at = 4;
        if (minNonZero <= maxNonZero)
        {
            var n = maxNonZero - minNonZero + 1;
            if (compressed.Length < at + n)
            {
                return "the PIZ bitmap is cut short";
            }

            compressed.Slice(at, n).CopyTo(bitmap[minNonZero..]);
            at += n;
        }

        if (compressed.Length < at + 4)
        {
            return "the PIZ Huffman length is missing";
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(compressed[at..]);
        at += 4;
        if (length < 0 || length > compressed.Length - at)
        {
            return $"the PIZ Huffman data claim {length} bytes, {compressed.Length - at} are left";
        }

        var count = raw.Length / 2;
        var words = ArrayPool<ushort>.Shared.Rent(count);
        var lut = ArrayPool<ushort>.Shared.Rent(UShortRange);
        try
        {
            var data = words.AsSpan(0, count);
            var maxValue = ReverseTable(bitmap, lut);
            if (PizHuffman.Decode(compressed.Slice(at, length), data) is { } problem)
            {
                return problem;
            }

            var start = 0;
            for (var c = 0; c < layout.BytesPerSample.Count; c++)
            {
                var size = layout.BytesPerSample[c] / 2;
                for (var j = 0; j < size; j++)
                {
                    PizWavelet.Decode(data, start + j, layout.Width, size, layout.Lines, layout.Width * size, maxValue);
                }

                start += layout.Width * layout.Lines * size;
            }

            for (var i = 0; i < data.Length; i++)
            {
                data[i] = lut[data[i]];
            }

            Scatter(data, layout, raw);
            return null;
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(words);
            ArrayPool<ushort>.Shared.Return(lut);
        }
    }

    /// <summary>Maps each occurring value to its rank among the occurring values (zero first); returns the highest rank.</summary>
    private static int ForwardTable(ReadOnlySpan<byte> bitmap, Span<ushort> lut)
    {
        var k = 0;
        for (var i = 0; i < UShortRange; i++)
        {
            lut[i] = i == 0 || (bitmap[i >> 3] & (1 << (i & 7))) != 0 ? (ushort)k++ : (ushort)0;
        }

        return k - 1;
    }

    /// <summary>The inverse of <see cref="ForwardTable"/>: rank to value.</summary>
    private static int ReverseTable(ReadOnlySpan<byte> bitmap, Span<ushort> lut)
    {
        var k = 0;
        for (var i = 0; i < UShortRange; i++)
        {
            if (i == 0 || (bitmap[i >> 3] & (1 << (i & 7))) != 0)
            {
                lut[k++] = (ushort)i;
            }
        }

        var max = k - 1;
        lut[k..UShortRange].Clear();
        return max;
    }

    /// <summary>Gathers each channel's little-endian words line by line into one contiguous region per channel.</summary>
    private static void Gather(ReadOnlySpan<byte> raw, ChunkLayout layout, Span<ushort> words)
    {
        var source = MemoryMarshal.Cast<byte, ushort>(raw);
        var lineWords = layout.LineBytes / 2;
        var start = 0;
        var offsetInLine = 0;
        foreach (var bytes in layout.BytesPerSample)
        {
            var n = layout.Width * bytes / 2;
            for (var y = 0; y < layout.Lines; y++)
            {
                source.Slice((y * lineWords) + offsetInLine, n).CopyTo(words.Slice(start + (y * n), n));
            }

            start += n * layout.Lines;
            offsetInLine += n;
        }

        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private static void Scatter(Span<ushort> words, ChunkLayout layout, Span<byte> raw)
    {
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(words, words);
        }

        var target = MemoryMarshal.Cast<byte, ushort>(raw);
        var lineWords = layout.LineBytes / 2;
        var start = 0;
        var offsetInLine = 0;
        foreach (var bytes in layout.BytesPerSample)
        {
            var n = layout.Width * bytes / 2;
            for (var y = 0; y < layout.Lines; y++)
            {
                words.Slice(start + (y * n), n).CopyTo(target.Slice((y * lineWords) + offsetInLine, n));
            }

            start += n * layout.Lines;
            offsetInLine += n;
        }
    }
}
