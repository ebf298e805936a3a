using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>
/// A media file read in small, bounded pieces: every read is checked against the file's length before a byte is
/// allocated, so a size field that points past the end is an <see cref="InputException"/>, never a huge buffer.
/// </summary>
internal sealed class BinarySource : IDisposable
{
    private readonly FileStream _stream;

    private BinarySource(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
        Length = _stream.Length;
    }

    public string Path { get; }

    public long Length { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public static BinarySource Open(string path)
    {
        try
        {
            return new BinarySource(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{System.IO.Path.GetFileName(path)} cannot be read: {ex.Message}", path, null, "a readable file", ex);
        }
    }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; past the end is an error naming the field.</summary>
    public byte[] Read(long offset, int count, string field)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
        {
            throw new InputException($"{Name} is truncated: {field} at offset {offset} needs {count} bytes, but the file ends at {Length}.", Path, field, $"{count} bytes at offset {offset}");
        }

        var buffer = new byte[count];
        _stream.Position = offset;
        _stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; past the end is an error naming the field.</summary>
    public void Read(long offset, Span<byte> buffer, string field)
    {
        if (offset < 0 || offset > Length - buffer.Length)
        {
            throw new InputException($"{Name} is truncated: {field} at offset {offset} needs {buffer.Length} bytes, but the file ends at {Length}.", Path, field, $"{buffer.Length} bytes at offset {offset}");
        }

        _stream.Position = offset;
        _stream.ReadExactly(buffer);
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>A fixed-size text field: up to the first NUL, as Latin-1 (camera strings are ASCII), trimmed.</summary>
    public static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end >= 0 ? field[..end] : field).Trim();
    }

    /// <summary>A four-character block type, printable for messages.</summary>
    public static string FourCc(ReadOnlySpan<byte> type)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = type[i] is >= 0x20 and < 0x7F ? (char)type[i] : '?';
        }

        return new string(chars);
    }

    public static ushort U16Le(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);

    public static uint U32Le(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);

    public static int I32Le(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadInt32LittleEndian(b[at..]);

    public static ulong U64Le(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);
}
