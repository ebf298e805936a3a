using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>
/// Reads Huffman-coded differences MSB first from unstuffed data. The 64-bit window is refilled with one
/// unaligned 8-byte load per difference (the branchless refill of F. Giesen, "Reading bits in far too many
/// ways", variant 4), so no bit costs a bounds check; the only check is one compare per refill against the end
/// of the interval plus the padding, which bounds every load.
/// </summary>
internal struct BitReader
{
    private readonly byte[] _data;
    private readonly int _end;
    private readonly int _limit;
    private ulong _window;
    private int _bits;
    private int _pos;

    public BitReader(byte[] data, int start, int end)
    {
        // Loads at _pos <= _end + 8 read at most _end + 16 <= data.Length bytes (EntropyData.Padding).
        _data = data;
        _end = end;
        _limit = end + 8;
        _pos = start;
    }

    /// <summary>Whether more bits were taken than the interval holds (the data was truncated or corrupt).</summary>
    public readonly bool Overrun => ((long)_pos * 8) - _bits > (long)_end * 8;

    /// <summary>Decodes one difference (T.81 H.2: a Huffman-coded category, then its extra bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Difference(HuffmanTable table, string file)
    {
        if (_pos > _limit)
        {
            ThrowTruncated(file);
        }

        var load = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), _pos));
        _window |= (BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(load) : load) >> _bits;
        _pos += (63 - _bits) >> 3;
        _bits |= 56;

        var entry = table.Lookup(_window);
        if (HuffmanTable.IsComplete(entry))
        {
            var used = HuffmanTable.BitsOf(entry);
            _window <<= used;
            _bits -= used;
            return HuffmanTable.DifferenceOf(entry);
        }

        return Slow(table, entry, file);
    }

    // A code longer than the lookup window, or extra bits that do not fit in it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Slow(HuffmanTable table, int entry, string file)
    {
        int category, length;
        if (entry != 0)
        {
            (category, length) = (HuffmanTable.CategoryOf(entry), HuffmanTable.BitsOf(entry));
        }
        else
        {
            (category, length) = table.DecodeLong((uint)(_window >> 48));
            if (length == 0)
            {
                throw Lj92Error.Malformed(file, "entropy-coded data", "Huffman codes of the scan's tables", "a bit sequence that is no code of its table.");
            }
        }

        _window <<= length;
        _bits -= length;
        switch (category)
        {
            case 0:
                return 0;
            case 16:
                return -32768; // 32768 modulo 2^16 (T.81 H.1.2.2): SSSS 16 has no extra bits.
            default:
                var extra = (uint)(_window >> (64 - category));
                _window <<= category;
                _bits -= category;
                return HuffmanTable.Extend(extra, category);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTruncated(string file) => throw Lj92Error.Truncated(file);
}
