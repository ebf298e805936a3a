using System.Buffers.Binary;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>
/// Finds the raw image's strips or tiles in a TIFF/DNG file as the testkit's DngWriter lays it out: the first
/// SubIFD of IFD0 when there is one, else IFD0 (TIFF 6.0 section 2; DNG SubIFDs tag 330).
/// </summary>
internal static class TiffStrips
{
    public static List<byte[]> RawBlocks(byte[] file)
    {
        var entries = RawFields(file);
        var (offsets, counts) = entries.TryGetValue(0x0144, out var tileOffsets) ? (tileOffsets, entries[0x0145]) : (entries[0x0111], entries[0x0117]);
        return [.. offsets.Zip(counts, (o, n) => file.AsSpan((int)o, (int)n).ToArray())];
    }

    /// <summary>The SHORT and LONG fields of the raw image's directory, by tag.</summary>
    public static Dictionary<ushort, uint[]> RawFields(byte[] file)
    {
        var bigEndian = file[0] == 'M';
        var entries = Entries(file, (int)U32(file, 4, bigEndian), bigEndian);
        return entries.TryGetValue(0x014A, out var subIfds) ? Entries(file, (int)subIfds[0], bigEndian) : entries;
    }

    private static Dictionary<ushort, uint[]> Entries(byte[] file, int ifd, bool bigEndian)
    {
        var result = new Dictionary<ushort, uint[]>();
        var count = U16(file, ifd, bigEndian);
        for (var i = 0; i < count; i++)
        {
            var e = ifd + 2 + (12 * i);
            var tag = U16(file, e, bigEndian);
            var type = U16(file, e + 2, bigEndian);
            var n = (int)U32(file, e + 4, bigEndian);
            if (type is not (3 or 4 or 13))
            {
                continue; // only SHORT, LONG and IFD values locate data
            }

            var size = type == 3 ? 2 : 4;
            var at = n * size <= 4 ? e + 8 : (int)U32(file, e + 8, bigEndian);
            result[tag] = [.. Enumerable.Range(0, n).Select(k => size == 2 ? U16(file, at + (2 * k), bigEndian) : U32(file, at + (4 * k), bigEndian))];
        }

        return result;
    }

    private static ushort U16(byte[] b, int at, bool be) => be ? BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at, bool be) => be ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
}
