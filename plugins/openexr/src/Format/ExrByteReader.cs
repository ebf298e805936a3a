using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.OpenExr.Format;

/// <summary>
/// Reads little-endian OpenEXR fields from a span, never past its end: a short read is an
/// <see cref="InputException"/> that names the file and the field being read.
/// </summary>
internal ref struct ExrByteReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _file;

    public ExrByteReader(ReadOnlySpan<byte> data, string file, int position = 0)
    {
        _data = data;
        _file = file;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new InputException($"{Path.GetFileName(_file)} ends inside '{field}': {count} bytes needed at offset {Position}, {Math.Max(Remaining, 0)} left.",
                _file, field, $"{count} bytes");
        }

        var bytes = _data.Slice(Position, count);
        Position += count;
        return bytes;
    }

    public byte ReadByte(string field) => ReadBytes(1, field)[0];

    public int ReadInt32(string field) => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4, field));

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8, field));

    public float ReadSingle(string field) => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4, field));

    /// <summary>A null-terminated name of at most <paramref name="maxLength"/> bytes; empty marks the end of a list.</summary>
    public string ReadName(int maxLength, string field)
    {
        var rest = _data[Position..];
        var end = rest[..Math.Min(rest.Length, maxLength + 1)].IndexOf((byte)0);
        if (end < 0)
        {
            throw new InputException(rest.Length <= maxLength
                    ? $"{Path.GetFileName(_file)} ends inside a name in '{field}'."
                    : $"{Path.GetFileName(_file)} has a name longer than {maxLength} bytes in '{field}'.",
                _file, field, $"a null-terminated name of at most {maxLength} bytes");
        }

        Position += end + 1;
        return Encoding.UTF8.GetString(rest[..end]);
    }
}
