namespace Rushes.Plugins.Dng.TestKit;

/// <summary>One image file directory to write: fields, child IFDs, and the image data its offsets point at.</summary>
public sealed class TiffDirectory
{
    public SortedDictionary<ushort, TiffValue> Fields { get; } = [];

    /// <summary>Child IFDs written behind a pointer field (SubIFDs 0x014A, ExifIFD 0x8769), by tag.</summary>
    public Dictionary<ushort, List<TiffDirectory>> Children { get; } = [];

    /// <summary>Data blocks (strips or tiles) and the offset/byte-count tags that locate them.</summary>
    public List<byte[]> DataBlocks { get; } = [];

    public ushort OffsetsTag { get; set; } = 0x0111;

    public ushort ByteCountsTag { get; set; } = 0x0117;

    public TiffDirectory Set(ushort tag, TiffValue value)
    {
        Fields[tag] = value;
        return this;
    }
}

/// <summary>
/// Serializes a tree of IFDs as a classic TIFF (TIFF 6.0 sections 2 and 4; SubIFDs per TIFF
/// Technical Note 1). Data blocks come first, then each IFD after its children, so that every
/// offset is known when its pointer is written.
/// </summary>
public static class TiffWriter
{
    public static byte[] Write(TiffDirectory root, bool bigEndian)
    {
        using var stream = new MemoryStream();
        stream.Write(bigEndian ? "MM\0*"u8 : "II*\0"u8);
        stream.Write(new byte[4]);
        var rootOffset = WriteDirectory(stream, root, bigEndian);
        var bytes = stream.ToArray();
        TiffValue.Put32(bytes.AsSpan(4), rootOffset, bigEndian);
        return bytes;
    }

    private static uint WriteDirectory(MemoryStream stream, TiffDirectory ifd, bool be)
    {
        var fields = new SortedDictionary<ushort, TiffValue>(ifd.Fields);
        foreach (var (tag, children) in ifd.Children)
        {
            var offsets = children.Select(c => WriteDirectory(stream, c, be)).ToArray();
            fields[tag] = tag == 0x014A ? TiffValue.Long(offsets) : TiffValue.Long(offsets[0]);
        }

        if (ifd.DataBlocks.Count > 0)
        {
            var offsets = new uint[ifd.DataBlocks.Count];
            var counts = new uint[ifd.DataBlocks.Count];
            for (var i = 0; i < ifd.DataBlocks.Count; i++)
            {
                Align(stream);
                offsets[i] = (uint)stream.Position;
                counts[i] = (uint)ifd.DataBlocks[i].Length;
                stream.Write(ifd.DataBlocks[i]);
            }

            fields.TryAdd(ifd.OffsetsTag, TiffValue.Long(offsets));
            fields.TryAdd(ifd.ByteCountsTag, TiffValue.Long(counts));
        }

        Align(stream);
        var ifdOffset = (uint)stream.Position;
        var tableSize = 2 + (12 * fields.Count) + 4;
        var valueOffset = ifdOffset + (uint)tableSize;
        var table = new byte[tableSize];
        var values = new MemoryStream();
        TiffValue.Put16(table, (ushort)fields.Count, be);
        var at = 2;
        foreach (var (tag, value) in fields)
        {
            var payload = value.Encode(be);
            TiffValue.Put16(table.AsSpan(at), tag, be);
            TiffValue.Put16(table.AsSpan(at + 2), (ushort)value.Type, be);
            TiffValue.Put32(table.AsSpan(at + 4), (uint)value.Count, be);
            if (payload.Length <= 4)
            {
                payload.CopyTo(table.AsSpan(at + 8));
            }
            else
            {
                TiffValue.Put32(table.AsSpan(at + 8), valueOffset + (uint)values.Length, be);
                values.Write(payload);
                if (values.Length % 2 == 1)
                {
                    values.WriteByte(0);
                }
            }

            at += 12;
        }

        // The next-IFD pointer stays zero: one image chain, the rest hangs off SubIFDs.
        stream.Write(table);
        values.WriteTo(stream);
        return ifdOffset;
    }

    private static void Align(MemoryStream stream)
    {
        if (stream.Position % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }
}
