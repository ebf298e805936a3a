using System.Buffers.Binary;
using System.Text;

namespace Rushes.Plugins.Dng.TestKit;

/// <summary>TIFF field types (TIFF 6.0 section 2, plus IFD from TIFF Technical Note 1).</summary>
public enum TiffType : ushort
{
    Byte = 1,
    Ascii = 2,
    Short = 3,
    Long = 4,
    Rational = 5,
    SByte = 6,
    Undefined = 7,
    SShort = 8,
    SLong = 9,
    SRational = 10,
    Float = 11,
    Double = 12,
    Ifd = 13,
}

/// <summary>A typed TIFF field value, kept as numbers and encoded in the file's byte order on write.</summary>
public sealed class TiffValue
{
    private readonly Func<bool, byte[]> _encode;

    private TiffValue(TiffType type, int count, Func<bool, byte[]> encode)
    {
        Type = type;
        Count = count;
        _encode = encode;
    }

    public TiffType Type { get; }

    public int Count { get; }

    public byte[] Encode(bool bigEndian) => _encode(bigEndian);

    public static TiffValue Bytes(params byte[] values) => new(TiffType.Byte, values.Length, _ => values);

    public static TiffValue Undefined(params byte[] values) => new(TiffType.Undefined, values.Length, _ => values);

    public static TiffValue Ascii(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text + "\0");
        return new(TiffType.Ascii, bytes.Length, _ => bytes);
    }

    public static TiffValue Short(params ushort[] values) => new(TiffType.Short, values.Length, be => Pack(values, 2, (s, v) => Put16(s, v, be)));

    public static TiffValue Long(params uint[] values) => new(TiffType.Long, values.Length, be => Pack(values, 4, (s, v) => Put32(s, v, be)));

    public static TiffValue SLong(params int[] values) => new(TiffType.SLong, values.Length, be => Pack(values, 4, (s, v) => Put32(s, (uint)v, be)));

    public static TiffValue Rational(params (uint Num, uint Den)[] values)
        => new(TiffType.Rational, values.Length, be => Pack(values, 8, (s, v) => { Put32(s, v.Num, be); Put32(s[4..], v.Den, be); }));

    public static TiffValue SRational(params (int Num, int Den)[] values)
        => new(TiffType.SRational, values.Length, be => Pack(values, 8, (s, v) => { Put32(s, (uint)v.Num, be); Put32(s[4..], (uint)v.Den, be); }));

    /// <summary>Reals as signed rationals with a fixed denominator, as cameras write colour matrices.</summary>
    public static TiffValue SRational(params double[] values)
        => SRational([.. values.Select(v => ((int)Math.Round(v * 10000), 10000))]);

    /// <summary>Reals as unsigned rationals with a fixed denominator.</summary>
    public static TiffValue Rational(params double[] values)
        => Rational([.. values.Select(v => ((uint)Math.Round(v * 10000), 10000u))]);

    public static TiffValue Float(params float[] values) => new(TiffType.Float, values.Length, be => Pack(values, 4, (s, v) => Put32(s, BitConverter.SingleToUInt32Bits(v), be)));

    public static TiffValue Double(params double[] values)
        => new(TiffType.Double, values.Length, be => Pack(values, 8, (s, v) =>
        {
            if (be) { BinaryPrimitives.WriteDoubleBigEndian(s, v); } else { BinaryPrimitives.WriteDoubleLittleEndian(s, v); }
        }));

    /// <summary>Any type with raw payload bytes, for writing deliberately wrong fields.</summary>
    public static TiffValue Raw(TiffType type, int count, byte[] payload) => new(type, count, _ => payload);

    private static byte[] Pack<T>(T[] values, int size, SpanAction<T> put)
    {
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
        {
            put(bytes.AsSpan(i * size, size), values[i]);
        }

        return bytes;
    }

    private delegate void SpanAction<in T>(Span<byte> span, T value);

    internal static void Put16(Span<byte> s, ushort v, bool be)
    {
        if (be) { BinaryPrimitives.WriteUInt16BigEndian(s, v); } else { BinaryPrimitives.WriteUInt16LittleEndian(s, v); }
    }

    internal static void Put32(Span<byte> s, uint v, bool be)
    {
        if (be) { BinaryPrimitives.WriteUInt32BigEndian(s, v); } else { BinaryPrimitives.WriteUInt32LittleEndian(s, v); }
    }
}
