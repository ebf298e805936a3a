using System.Buffers.Binary;
using System.Text;

namespace Rushes.Plugins.Tiff.Format;

/// <summary>One IFD entry: its tag, field type, value count and the values' little-endian bytes.</summary>
internal sealed record TiffEntry(ushort Tag, TiffType Type, uint Count, byte[] Value);

/// <summary>
/// Builds an image file directory for a little-endian ("II") file: entries sorted by tag, as TIFF 6.0 requires,
/// values of four bytes or fewer inside their entry, longer values after the directory, each on a 4-byte boundary.
/// </summary>
internal sealed class TiffDirectory
{
    private readonly SortedDictionary<ushort, TiffEntry> _entries = [];

    public IEnumerable<TiffEntry> Entries => _entries.Values;

    public TiffDirectory Shorts(ushort tag, params ushort[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        }

        return Add(new TiffEntry(tag, TiffType.Short, (uint)values.Length, bytes));
    }

    public TiffDirectory Longs(ushort tag, params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return Add(new TiffEntry(tag, TiffType.Long, (uint)values.Length, bytes));
    }

    public TiffDirectory Rational(ushort tag, uint numerator, uint denominator)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, numerator);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), denominator);
        return Add(new TiffEntry(tag, TiffType.Rational, 1, bytes));
    }

    /// <summary>ASCII text with its terminating NUL; other characters become '?'. Empty text adds nothing.</summary>
    public TiffDirectory Ascii(ushort tag, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        var bytes = new byte[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] is >= ' ' and <= '~' ? (byte)text[i] : (byte)'?';
        }

        return Add(new TiffEntry(tag, TiffType.Ascii, (uint)bytes.Length, bytes));
    }

    public TiffDirectory Undefined(ushort tag, byte[] bytes) => Add(new TiffEntry(tag, TiffType.Undefined, (uint)bytes.Length, bytes));

    /// <summary>The directory's bytes when it starts at <paramref name="offset"/> (a multiple of 4): entries, a zero next-IFD offset, then the long values.</summary>
    public byte[] Serialize(long offset)
    {
        var entries = _entries.Values.ToList();
        var tableBytes = 2 + (12 * entries.Count) + 4;
        var size = Align(tableBytes) + entries.Where(e => e.Value.Length > 4).Sum(e => Align(e.Value.Length));
        if (offset + size > uint.MaxValue)
        {
            throw new InvalidOperationException("The TIFF directory would lie past 4 GiB.");
        }

        var bytes = new byte[size];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)entries.Count);
        var valueAt = Align(tableBytes);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = bytes.AsSpan(2 + (12 * i), 12);
            BinaryPrimitives.WriteUInt16LittleEndian(at, entry.Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)entry.Type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], entry.Count);
            if (entry.Value.Length <= 4)
            {
                entry.Value.CopyTo(at[8..]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at[8..], (uint)(offset + valueAt));
                entry.Value.CopyTo(bytes.AsSpan(valueAt));
                valueAt += Align(entry.Value.Length);
            }
        }

        return bytes;
    }

    public static int Align(int length) => (length + 3) & ~3;

    private TiffDirectory Add(TiffEntry entry)
    {
        _entries[entry.Tag] = entry;
        return this;
    }

    /// <summary>A readable form of a text value, for dumps: the ASCII without its NUL.</summary>
    public static string Text(TiffEntry entry) => Encoding.ASCII.GetString(entry.Value).TrimEnd('\0');
}
