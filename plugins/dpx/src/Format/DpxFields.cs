using System.Buffers.Binary;
using System.Text;

namespace Rushes.Plugins.Dpx.Format;

/// <summary>
/// Reads and writes the header's fixed-size fields in the file's byte order. An all-ones word is the
/// format's "undefined" value for every numeric type (ST 268), so undefined numbers come back as null.
/// </summary>
internal readonly ref struct DpxFields
{
    private readonly Span<byte> _bytes;
    private readonly bool _bigEndian;

    public DpxFields(Span<byte> bytes, bool bigEndian)
    {
        _bytes = bytes;
        _bigEndian = bigEndian;
    }

    public uint U32(int at) => _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_bytes[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(_bytes[at..]);

    public uint? OptionalU32(int at) => U32(at) is var v && v != uint.MaxValue ? v : null;

    public ushort U16(int at) => _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(_bytes[at..]);

    public byte U8(int at) => _bytes[at];

    public byte? OptionalU8(int at) => _bytes[at] is var v && v != byte.MaxValue ? v : null;

    /// <summary>A float, null when undefined: all ones, or any NaN (writers differ in which NaN they use).</summary>
    public float? OptionalF32(int at) => BitConverter.UInt32BitsToSingle(U32(at)) is var v && !float.IsNaN(v) ? v : null;

    /// <summary>ASCII text up to the first NUL.</summary>
    public string Text(int at, int length)
    {
        var field = _bytes.Slice(at, length);
        var end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]).TrimEnd();
    }

    public void U32(int at, uint value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_bytes[at..], value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_bytes[at..], value);
        }
    }

    public void U32(int at, uint? value) => U32(at, value ?? uint.MaxValue);

    public void U16(int at, ushort value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_bytes[at..], value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_bytes[at..], value);
        }
    }

    public void U8(int at, byte? value) => _bytes[at] = value ?? byte.MaxValue;

    public void F32(int at, float? value) => U32(at, value is { } v ? BitConverter.SingleToUInt32Bits(v) : uint.MaxValue);

    /// <summary>Text as ASCII (other characters become '?'), cut to the field and NUL-padded.</summary>
    public void Text(int at, int length, string value)
    {
        var field = _bytes.Slice(at, length);
        field.Clear();
        var n = Math.Min(value.Length, length);
        for (var i = 0; i < n; i++)
        {
            field[i] = value[i] is >= ' ' and <= '~' ? (byte)value[i] : (byte)'?';
        }
    }
}
