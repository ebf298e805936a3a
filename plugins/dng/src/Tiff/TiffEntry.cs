using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Tiff;

/// <summary>
/// One field of an IFD with its value bytes, already read from the file (bounded by the reader). Typed
/// accessors check the field type and count and throw an <see cref="InputException"/> naming the tag.
/// </summary>
internal sealed class TiffEntry(ushort tag, TiffFieldType type, int count, byte[] value, bool bigEndian, string file)
{
    public ushort Tag { get; } = tag;

    public TiffFieldType Type { get; } = type;

    public int Count { get; } = count;

    public bool BigEndian { get; } = bigEndian;

    /// <summary>The value bytes in file byte order.</summary>
    public ReadOnlySpan<byte> Bytes => value;

    public string Name => TiffTags.NameOf(Tag);

    /// <summary>Value <paramref name="index"/> as a double, for any numeric type.</summary>
    public double Number(int index)
    {
        var v = value.AsSpan();
        return Type switch
        {
            TiffFieldType.Byte or TiffFieldType.Undefined => v[index],
            TiffFieldType.SByte => (sbyte)v[index],
            TiffFieldType.Short => U16(v[(index * 2)..]),
            TiffFieldType.SShort => (short)U16(v[(index * 2)..]),
            TiffFieldType.Long or TiffFieldType.Ifd => U32(v[(index * 4)..]),
            TiffFieldType.SLong => (int)U32(v[(index * 4)..]),
            TiffFieldType.Rational => Ratio(U32(v[(index * 8)..]), U32(v[((index * 8) + 4)..])),
            TiffFieldType.SRational => Ratio((int)U32(v[(index * 8)..]), (int)U32(v[((index * 8) + 4)..])),
            TiffFieldType.Float => BitConverter.Int32BitsToSingle((int)U32(v[(index * 4)..])),
            TiffFieldType.Double => BitConverter.Int64BitsToDouble((long)U64(v[(index * 8)..])),
            TiffFieldType.Long8 or TiffFieldType.Ifd8 => U64(v[(index * 8)..]),
            TiffFieldType.SLong8 => (long)U64(v[(index * 8)..]),
            _ => throw WrongType("a number"),
        };
    }

    /// <summary>The numerator and denominator of a RATIONAL or SRATIONAL value.</summary>
    public (long Numerator, long Denominator) Fraction(int index)
    {
        var v = value.AsSpan(index * 8);
        return Type switch
        {
            TiffFieldType.Rational => (U32(v), U32(v[4..])),
            TiffFieldType.SRational => ((int)U32(v), (int)U32(v[4..])),
            _ => throw WrongType("a RATIONAL or SRATIONAL"),
        };
    }

    /// <summary>All values as doubles; requires a numeric type.</summary>
    public double[] Numbers()
    {
        if (!TiffFieldTypes.IsNumeric(Type) && Type != TiffFieldType.Undefined)
        {
            throw WrongType("numbers");
        }

        var result = new double[Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Number(i);
        }

        return result;
    }

    /// <summary>Unsigned integer <paramref name="index"/>; requires BYTE, SHORT, LONG or LONG8 (or their IFD forms).</summary>
    public ulong Unsigned(int index)
    {
        if (Type is not (TiffFieldType.Byte or TiffFieldType.Short or TiffFieldType.Long or TiffFieldType.Ifd
            or TiffFieldType.Long8 or TiffFieldType.Ifd8 or TiffFieldType.Undefined))
        {
            throw WrongType("BYTE, SHORT or LONG");
        }

        if (index >= Count)
        {
            throw new InputException($"{Name} (tag {Tag}) has {Count} values; value {index + 1} is needed.", file, Name, $"at least {index + 1} values");
        }

        return (ulong)Number(index);
    }

    /// <summary>A single unsigned value that must fit an int.</summary>
    public int Int(int index = 0)
    {
        var v = Unsigned(index);
        return v <= int.MaxValue ? (int)v : throw new InputException($"{Name} (tag {Tag}) is {v}.", file, Name, $"at most {int.MaxValue}");
    }

    /// <summary>ASCII text up to the first NUL, trailing spaces trimmed; BYTE and UNDEFINED are read as text too (some writers use them).</summary>
    public string Text()
    {
        if (Type is not (TiffFieldType.Ascii or TiffFieldType.Byte or TiffFieldType.Undefined))
        {
            throw WrongType("ASCII");
        }

        var v = value.AsSpan();
        var end = v.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? v[..end] : v).TrimEnd();
    }

    public InputException WrongType(string expected)
        => new($"{Name} (tag {Tag}) has field type {(int)Type} ({Type}), not {expected}.", file, Name, expected);

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    private ushort U16(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private uint U32(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    private ulong U64(ReadOnlySpan<byte> b) => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
}
