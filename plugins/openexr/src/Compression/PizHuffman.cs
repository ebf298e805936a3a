using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// PIZ's Huffman coding of 16-bit words (OpenEXR Technical Introduction, PIZ; layout as the OpenEXR
/// library writes it). A 20-byte head (lowest and highest symbol, table length, bit count, zero), the
/// code lengths packed six bits each with runs of zero lengths shortened, then the codes, most
/// significant bit first. One extra symbol, the highest plus one, announces a run: the symbol before it
/// repeats as many more times as the next eight bits say.
/// </summary>
internal static partial class PizHuffman
{
    private const int EncodingSize = (1 << 16) + 1;
    private const int MaxCodeLength = 58;
    private const int ShortZeroRun = 59;
    private const int LongZeroRun = 63;
    private const int ShortestLongRun = 2 + LongZeroRun - ShortZeroRun;
    private const int LongestLongRun = 255 + ShortestLongRun;
    private const int FastBits = 14;

    /// <summary>Encodes into <paramref name="destination"/>; returns the length, or -1 when it does not fit.</summary>
    public static int Encode(ReadOnlySpan<ushort> words, Span<byte> destination)
    {
        if (words.IsEmpty)
        {
            return 0;
        }

        var frequencies = ArrayPool<long>.Shared.Rent(EncodingSize);
        var lengths = ArrayPool<int>.Shared.Rent(EncodingSize);
        var codes = ArrayPool<ulong>.Shared.Rent(EncodingSize);
        try
        {
            Array.Clear(frequencies, 0, EncodingSize);
            foreach (var w in words)
            {
                frequencies[w]++;
            }

            var low = 0;
            while (frequencies[low] == 0)
            {
                low++;
            }

            var high = EncodingSize - 2;
            while (frequencies[high] == 0)
            {
                high--;
            }

            // The run symbol, seen once.
            var run = high + 1;
            frequencies[run] = 1;
            CodeLengths(frequencies.AsSpan(0, EncodingSize), low, run, lengths.AsSpan(0, EncodingSize));
            CanonicalCodes(lengths.AsSpan(0, EncodingSize), codes.AsSpan(0, EncodingSize));

            if (destination.Length < 20)
            {
                return -1;
            }

            var writer = new BitWriter(destination[20..]);
            PackLengths(ref writer, lengths, low, run);
            writer.Flush();
            var tableLength = writer.ByteCount;
            var start = 20 + tableLength;
            var bits = EncodeSymbols(words, lengths, codes, run, destination[start..], out var dataBytes);
            if (writer.Overflowed || bits < 0 || bits > int.MaxValue)
            {
                return -1;
            }

            BinaryPrimitives.WriteInt32LittleEndian(destination, low);
            BinaryPrimitives.WriteInt32LittleEndian(destination[4..], run);
            BinaryPrimitives.WriteInt32LittleEndian(destination[8..], tableLength);
            BinaryPrimitives.WriteInt32LittleEndian(destination[12..], (int)bits);
            BinaryPrimitives.WriteInt32LittleEndian(destination[16..], 0);
            return start + dataBytes;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(frequencies);
            ArrayPool<int>.Shared.Return(lengths);
            ArrayPool<ulong>.Shared.Return(codes);
        }
    }

    /// <summary>
    /// Writes the codes, most significant bit first, with runs of a repeated symbol shortened where that
    /// saves bits; returns the bit count, or -1 when <paramref name="destination"/> is too small.
    /// </summary>
    private static long EncodeSymbols(ReadOnlySpan<ushort> words, int[] lengths, ulong[] codes, int run, Span<byte> destination, out int byteCount)
    {
        var writer = new BitWriter(destination);
        var runLength = lengths[run];
        var runCode = codes[run];
        var i = 0;
        while (i < words.Length && !writer.Overflowed)
        {
            var symbol = words[i];
            var count = 1;
            while (i + count < words.Length && words[i + count] == symbol && count < 256)
            {
                count++;
            }

            i += count;
            var length = lengths[symbol];
            var code = codes[symbol];
            if (length + runLength + 8 < length * (count - 1))
            {
                // The symbol, the run symbol, and 8 bits of extra repeats.
                writer.Write(code, length);
                writer.Write(runCode, runLength);
                writer.Write((ulong)(count - 1), 8);
                continue;
            }

            for (var k = 0; k < count; k++)
            {
                writer.Write(code, length);
            }
        }

        var bits = writer.BitCount;
        writer.Flush();
        byteCount = writer.ByteCount;
        return writer.Overflowed ? -1 : bits;
    }

    /// <summary>Huffman code lengths for the symbols from <paramref name="low"/> to <paramref name="high"/> with a non-zero count.</summary>
    private static void CodeLengths(Span<long> frequencies, int low, int high, Span<int> lengths)
    {
        lengths.Clear();
        var symbols = new List<int>();
        for (var s = low; s <= high; s++)
        {
            if (frequencies[s] != 0)
            {
                symbols.Add(s);
            }
        }

        // Nodes 0..n-1 are the symbols; merged nodes follow. Each node remembers its parent.
        var n = symbols.Count;
        var parent = new int[Math.Max(1, (2 * n) - 1)];
        var queue = new PriorityQueue<int, (long Weight, int Order)>(n);
        for (var i = 0; i < n; i++)
        {
            queue.Enqueue(i, (frequencies[symbols[i]], i));
        }

        var next = n;
        while (queue.Count > 1)
        {
            queue.TryDequeue(out var a, out var wa);
            queue.TryDequeue(out var b, out var wb);
            parent[a] = next;
            parent[b] = next;
            queue.Enqueue(next, (wa.Weight + wb.Weight, next));
            next++;
        }

        var root = next - 1;
        var depth = new int[next];
        for (var node = root - 1; node >= 0; node--)
        {
            depth[node] = depth[parent[node]] + 1;
        }

        for (var i = 0; i < n; i++)
        {
            // A lone symbol still needs a one-bit code.
            var length = Math.Max(1, depth[i]);
            if (length > MaxCodeLength)
            {
                throw new InvalidOperationException($"A Huffman code of {length} bits exceeds PIZ's {MaxCodeLength}.");
            }

            lengths[symbols[i]] = length;
        }
    }

    /// <summary>
    /// Canonical codes from lengths: longer codes take the numerically lowest values, and within one
    /// length codes rise with the symbol. False when the lengths over-fill the code space.
    /// </summary>
    private static bool CanonicalCodes(ReadOnlySpan<int> lengths, Span<ulong> codes)
    {
        Span<ulong> counts = stackalloc ulong[MaxCodeLength + 1];
        foreach (var l in lengths)
        {
            counts[l]++;
        }

        Span<ulong> first = stackalloc ulong[MaxCodeLength + 1];
        ulong code = 0;
        for (var l = MaxCodeLength; l > 0; l--)
        {
            first[l] = code;
            code = (code + counts[l]) >> 1;
        }

        // Kraft: the codes of each length must fit in l bits.
        for (var l = 1; l <= MaxCodeLength; l++)
        {
            if (counts[l] != 0 && first[l] + counts[l] > (1UL << l))
            {
                return false;
            }
        }

        for (var s = 0; s < lengths.Length; s++)
        {
            var l = lengths[s];
            codes[s] = l > 0 ? first[l]++ : 0;
        }

        return true;
    }

    private static void PackLengths(ref BitWriter writer, int[] lengths, int low, int high)
    {
        for (var s = low; s <= high; s++)
        {
            var l = lengths[s];
            if (l == 0)
            {
                var zeros = 1;
                while (s < high && zeros < LongestLongRun && lengths[s + 1] == 0)
                {
                    s++;
                    zeros++;
                }

                if (zeros >= ShortestLongRun)
                {
                    writer.Write(LongZeroRun, 6);
                    writer.Write((ulong)(zeros - ShortestLongRun), 8);
                    continue;
                }

                if (zeros >= 2)
                {
                    writer.Write((ulong)(ShortZeroRun + zeros - 2), 6);
                    continue;
                }
            }

            writer.Write((ulong)l, 6);
        }
    }

    /// <summary>
    /// Most-significant-bit-first writer that reports overflow instead of throwing. Fewer than 32 bits wait
    /// between writes and codes over 32 bits go in two parts, so the accumulator never passes 64 bits;
    /// whole 32-bit words go out at once.
    /// </summary>
    private ref struct BitWriter(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;
        private ulong _buffer;
        private int _pending;

        public int ByteCount { get; private set; }

        public long BitCount { get; private set; }

        public bool Overflowed { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(ulong bits, int count)
        {
            BitCount += count;
            if (count > 32)
            {
                Add(bits >> 32, count - 32);
                count = 32;
            }

            Add(bits, count);
        }

        public void Flush()
        {
            while (_pending > 0)
            {
                var take = Math.Min(8, _pending);
                _pending -= take;
                Put((byte)((_buffer >> _pending) << (8 - take)));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Add(ulong bits, int count)
        {
            _buffer = (_buffer << count) | (bits & ((1UL << count) - 1));
            _pending += count;
            if (_pending >= 32)
            {
                _pending -= 32;
                if (ByteCount + 4 <= _destination.Length)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(_destination[ByteCount..], (uint)(_buffer >> _pending));
                    ByteCount += 4;
                }
                else
                {
                    Overflowed = true;
                }
            }
        }

        private void Put(byte value)
        {
            if (ByteCount < _destination.Length)
            {
                _destination[ByteCount++] = value;
            }
            else
            {
                Overflowed = true;
            }
        }
    }
}
