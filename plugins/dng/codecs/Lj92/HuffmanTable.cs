using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>
/// A lossless (DC class) Huffman table from a DHT segment, decoded through a lookup table: the next
/// <see cref="LookupBits"/> bits of the stream index an entry that holds the code's length and symbol and,
/// when the difference's extra bits fit in the same window, the finished difference itself.
/// Codes longer than the window fall back to the canonical maximum-code walk of ITU-T T.81 F.2.2.3.
/// </summary>
internal sealed class HuffmanTable
{
    public const int LookupBits = 12;

    // Entry layout: bits 0-4 bits to consume, bits 5-9 the difference category (SSSS), bit 10 set when
    // the entry includes the extra bits (then bits 16-31 hold the signed difference). 0 = not in the window.
    private const int Complete = 1 << 10;

    private readonly int[] _lookup = new int[1 << LookupBits];
    private readonly int[] _maxCode = new int[17];
    private readonly int[] _valueOffset = new int[17];
    private readonly byte[] _values;

    private HuffmanTable(byte[] counts, byte[] values)
    {
        _values = values;
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            _valueOffset[length] = k - code;
            for (var i = 0; i < count; i++, k++, code++)
            {
                if (length <= LookupBits)
                {
                    Fill(code, length, values[k]);
                }
            }

            _maxCode[length] = count == 0 ? -1 : code - 1;
            code <<= 1;
        }
    }

    /// <summary>Builds a table from the 16 code-length counts and the symbols of a DHT entry (T.81 B.2.4.2).</summary>
    public static HuffmanTable Create(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values, string file)
    {
        // Canonical codes (T.81 Annex C) must fit their lengths, and no code may be all ones (C.2).
        long available = 1;
        for (var length = 1; length <= 16; length++)
        {
            available = (available << 1) - counts[length - 1];
            if (available < 0)
            {
                throw Lj92Error.Malformed(file, "DHT", "code-length counts that fit a prefix code", $"more codes than {length}-bit lengths allow.");
            }
        }

        if (values.Length == 0)
        {
            throw Lj92Error.Malformed(file, "DHT", "at least one Huffman code", "the table defines no codes.");
        }

        foreach (var value in values)
        {
            // Lossless difference categories are 0 to 16 (T.81 H.1.2.2, Table H.2).
            if (value > 16)
            {
                throw Lj92Error.Malformed(file, "DHT", "difference categories 0 to 16", $"category {value}.");
            }
        }

        return new HuffmanTable(counts.ToArray(), values.ToArray());
    }

    /// <summary>The lookup entry for the next <see cref="LookupBits"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Lookup(ulong window)
    {
        // The index is the top LookupBits bits of the window, always inside the table: no bounds check needed.
        var index = (nint)(window >> (64 - LookupBits));
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lookup), index);
    }

    /// <summary>Whether a lookup entry carries the finished difference.</summary>
    public static bool IsComplete(int entry) => (entry & Complete) != 0;

    /// <summary>The bits a lookup entry consumes.</summary>
    public static int BitsOf(int entry) => entry & 31;

    /// <summary>The category of a lookup entry.</summary>
    public static int CategoryOf(int entry) => (entry >> 5) & 31;

    /// <summary>The difference of a complete lookup entry.</summary>
    public static int DifferenceOf(int entry) => entry >> 16;

    /// <summary>
    /// Decodes a code longer than the lookup window from the next 16 bits: returns (category, code length),
    /// or length 0 when no code matches.
    /// </summary>
    public (int Category, int Length) DecodeLong(uint next16)
    {
        for (var length = LookupBits + 1; length <= 16; length++)
        {
            var code = (int)(next16 >> (16 - length));
            if (code <= _maxCode[length])
            {
                return (_values[_valueOffset[length] + code], length);
            }
        }

        return (0, 0);
    }

    /// <summary>The signed difference for category <paramref name="category"/> and its extra bits (T.81 F.2.2.1, H.1.2.2).</summary>
    public static int Extend(uint bits, int category)
        => bits < (1u << (category - 1)) ? (int)bits - (1 << category) + 1 : (int)bits;

    private void Fill(int code, int length, int category)
    {
        var spare = LookupBits - length;
        var first = code << spare;
        for (var low = 0; low < 1 << spare; low++)
        {
            int entry;
            if (category == 0)
            {
                entry = Complete | length;
            }
            else if (category == 16)
            {
                // SSSS 16 stands for the difference 32768 and has no extra bits (T.81 H.1.2.2); stored as
                // -32768, the same value modulo 2^16, which is how every difference is applied.
                entry = Complete | (16 << 5) | length | (-32768 << 16);
            }
            else if (length + category <= LookupBits)
            {
                var extra = (uint)(low >> (spare - category)) & ((1u << category) - 1);
                entry = Complete | (category << 5) | (length + category) | (Extend(extra, category) << 16);
            }
            else
            {
                entry = (category << 5) | length;
            }

            _lookup[first + low] = entry;
        }
    }
}
