using System.Buffers;
using System.Buffers.Binary;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>The decoding half of PIZ's Huffman coding (see the encoding half for the layout).</summary>
internal static partial class PizHuffman
{
    /// <summary>Decodes exactly <paramref name="words"/>.Length words; returns null, or what is wrong with the data.</summary>
    public static string? Decode(ReadOnlySpan<byte> data, Span<ushort> words)
    {
        if (data.Length < 20)
        {
            return "the Huffman head is cut short";
        }

        var low = BinaryPrimitives.ReadInt32LittleEndian(data);
        var high = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        var bitCount = BinaryPrimitives.ReadInt32LittleEndian(data[12..]);
        if (low < 0 || high >= EncodingSize || low > high || bitCount < 0)
        {
            return $"the Huffman head is invalid (symbols {low} to {high}, {bitCount} bits)";
        }

        var lengths = ArrayPool<int>.Shared.Rent(EncodingSize);
        var codes = ArrayPool<ulong>.Shared.Rent(EncodingSize);
        var fast = ArrayPool<int>.Shared.Rent(1 << FastBits);
        try
        {
            Array.Clear(lengths, 0, EncodingSize);
            var reader = new BitReader(data[20..]);
            if (UnpackLengths(ref reader, lengths, low, high) is { } tableProblem)
            {
                return tableProblem;
            }

            if (!CanonicalCodes(lengths.AsSpan(0, EncodingSize), codes.AsSpan(0, EncodingSize)))
            {
                return "the Huffman code lengths do not form a prefix code";
            }

            var start = 20 + reader.BytesConsumed;
            if ((long)bitCount > (long)(data.Length - start) * 8)
            {
                return $"the Huffman data claim {bitCount} bits, more than the chunk holds";
            }

            var decoder = new Decoder(lengths, codes, low, high, fast);
            return decoder.Decode(data[start..], bitCount, high, words);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(lengths);
            ArrayPool<ulong>.Shared.Return(codes);
            ArrayPool<int>.Shared.Return(fast);
        }
    }

    private static string? UnpackLengths(ref BitReader reader, int[] lengths, int low, int high)
    {
        for (var s = low; s <= high; s++)
        {
            if (!reader.TryRead(6, out var l))
            {
                return "the Huffman code table is cut short";
            }

            var zeros = 0;
            if (l == LongZeroRun)
            {
                if (!reader.TryRead(8, out var extra))
                {
                    return "the Huffman code table is cut short";
                }

                zeros = (int)extra + ShortestLongRun;
            }
            else if (l >= ShortZeroRun)
            {
                zeros = (int)l - ShortZeroRun + 2;
            }

            if (zeros > 0)
            {
                if (s + zeros > high + 1)
                {
                    return "a run of zero code lengths passes the highest symbol";
                }

                s += zeros - 1;
                continue;
            }

            lengths[s] = (int)l;
        }

        return null;
    }

    /// <summary>Most-significant-bit-first reader over the table.</summary>
    private ref struct BitReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private ulong _buffer;
        private int _bits;

        public int BytesConsumed { get; private set; }

        public bool TryRead(int count, out ulong value)
        {
            while (_bits < count)
            {
                if (BytesConsumed >= _data.Length)
                {
                    value = 0;
                    return false;
                }

                _buffer = (_buffer << 8) | _data[BytesConsumed++];
                _bits += 8;
            }

            _bits -= count;
            value = (_buffer >> _bits) & ((1UL << count) - 1);
            return true;
        }
    }

    /// <summary>Table-driven decoding: codes up to <see cref="FastBits"/> bits in one look-up, longer ones by length.</summary>
    private readonly ref struct Decoder
    {
        private readonly int[] _lengths;
        private readonly Span<int> _fast;
        private readonly ulong[] _firstCode = new ulong[MaxCodeLength + 1];
        private readonly int[] _count = new int[MaxCodeLength + 1];
        private readonly int[][] _symbols = new int[MaxCodeLength + 1][];
        private readonly int _maxLength;

        public Decoder(int[] lengths, ulong[] codes, int low, int high, int[] fast)
        {
            _lengths = lengths;
            _fast = fast.AsSpan(0, 1 << FastBits);
            _fast.Fill(-1);
            var bySymbol = new List<int>[MaxCodeLength + 1];
            for (var s = low; s <= high; s++)
            {
                var l = lengths[s];
                if (l == 0)
                {
                    continue;
                }

                _maxLength = Math.Max(_maxLength, l);
                if (l <= FastBits)
                {
                    var baseIndex = (int)(codes[s] << (FastBits - l));
                    _fast.Slice(baseIndex, 1 << (FastBits - l)).Fill(s);
                }
                else
                {
                    (bySymbol[l] ??= []).Add(s);
                    if (_count[l]++ == 0)
                    {
                        _firstCode[l] = codes[s];
                    }
                }
            }

            for (var l = 0; l <= MaxCodeLength; l++)
            {
                _symbols[l] = bySymbol[l]?.ToArray() ?? [];
            }
        }

        public string? Decode(ReadOnlySpan<byte> data, long bitCount, int runSymbol, Span<ushort> words)
        {
            if (_maxLength > 57)
            {
                return "a Huffman code is longer than 57 bits";
            }

            ulong buffer = 0;
            var bits = 0;
            var next = 0;
            var left = bitCount;
            var o = 0;
            while (left > 0)
            {
                while (bits <= 56 && next < data.Length)
                {
                    buffer = (buffer << 8) | data[next++];
                    bits += 8;
                }

                int symbol;
                int length;
                var peek = bits >= FastBits ? (int)((buffer >> (bits - FastBits)) & ((1 << FastBits) - 1)) : (int)((buffer << (FastBits - bits)) & ((1 << FastBits) - 1));
                if (_fast[peek] >= 0)
                {
                    symbol = _fast[peek];
                    length = _lengths[symbol];
                }
                else
                {
                    symbol = -1;
                    length = 0;
                    for (var l = FastBits + 1; l <= Math.Min(_maxLength, bits); l++)
                    {
                        var value = (buffer >> (bits - l)) & ((1UL << l) - 1);
                        if (_count[l] > 0 && value >= _firstCode[l] && value - _firstCode[l] < (ulong)_count[l])
                        {
                            symbol = _symbols[l][(int)(value - _firstCode[l])];
                            length = l;
                            break;
                        }
                    }

                    if (symbol < 0)
                    {
                        return "the Huffman data hold a code that is not in the table";
                    }
                }

                if (length > left || length > bits)
                {
                    return "the Huffman data end inside a code";
                }

                bits -= length;
                left -= length;
                if (symbol == runSymbol)
                {
                    if (left < 8 || bits < 8)
                    {
                        return "the Huffman data end inside a run length";
                    }

                    bits -= 8;
                    left -= 8;
                    var repeat = (int)((buffer >> bits) & 0xff);
                    if (o == 0 || o + repeat > words.Length)
                    {
                        return "a Huffman run starts the data or overflows the chunk";
                    }

                    words.Slice(o, repeat).Fill(words[o - 1]);
                    o += repeat;
                }
                else
                {
                    if (o >= words.Length)
                    {
                        return "the Huffman data hold more words than the chunk";
                    }

                    words[o++] = (ushort)symbol;
                }
            }

            return o == words.Length ? null : $"the Huffman data hold {o} words, the chunk {words.Length}";
        }
    }
}
