using System.Buffers.Binary;
using System.Text;

namespace Rushes.Plugins.VendorSidecars.Tests.Writers;

/// <summary>
/// Writes the RED2 header block of an R3D file as exiftool's Red.pm reads it (our own writer, big-endian): size u32,
/// "RED2", the rdi count @0x40, one 0x18-byte "rdi" record @0x44 (width u32 @0x4C, height u32 @0x50, frame rate
/// int16u[3] @0x56 as a0 = denominator, a1:a2 = numerator), then the Red directory: u16 length and entries of
/// u16 length, u16 tag (format in the top 4 bits) and the value. The block is padded to 0x1000 as RED2 blocks are.
/// </summary>
internal sealed class R3dWriter
{
    private readonly List<(ushort Tag, byte[] Value)> _entries = [];

    public uint Width { get; init; } = 4096;

    public uint Height { get; init; } = 2160;

    public ushort RateDenominator { get; init; } = 1;

    public uint RateNumerator { get; init; } = 24;

    public R3dWriter Text(ushort tag, string value) => Entry(tag, Encoding.ASCII.GetBytes(value + "\0"));

    public R3dWriter Float(ushort tag, float value) => Entry(tag, Be(b => BinaryPrimitives.WriteSingleBigEndian(b, value), 4));

    public R3dWriter U16(ushort tag, ushort value) => Entry(tag, Be(b => BinaryPrimitives.WriteUInt16BigEndian(b, value), 2));

    public R3dWriter I32(ushort tag, int value) => Entry(tag, Be(b => BinaryPrimitives.WriteInt32BigEndian(b, value), 4));

    public R3dWriter Entry(ushort tag, byte[] value)
    {
        _entries.Add((tag, value));
        return this;
    }

    /// <summary>The header block; <paramref name="directoryLengthOverride"/> writes a wrong directory length for bad-input tests.</summary>
    public byte[] ToArray(int? directoryLengthOverride = null, uint? sizeOverride = null)
    {
        var directory = _entries.Sum(e => 4 + e.Value.Length);
        var block = new byte[Math.Max(0x1000, 0x5E + directory)];
        var b = block.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(b, sizeOverride ?? (uint)block.Length);
        "RED2"u8.CopyTo(b[4..]);
        "R2"u8.CopyTo(b[0x0A..]);
        b[0x40] = 1;
        "rdi\u0001"u8.CopyTo(b[0x44..]);
        BinaryPrimitives.WriteUInt32BigEndian(b[0x4C..], Width);
        BinaryPrimitives.WriteUInt32BigEndian(b[0x50..], Height);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x56..], RateDenominator);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x58..], (ushort)(RateNumerator >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(b[0x5A..], (ushort)RateNumerator);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x5C..], (ushort)(directoryLengthOverride ?? directory));
        var pos = 0x5E;
        foreach (var (tag, value) in _entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b[pos..], (ushort)(4 + value.Length));
            BinaryPrimitives.WriteUInt16BigEndian(b[(pos + 2)..], tag);
            value.CopyTo(b[(pos + 4)..]);
            pos += 4 + value.Length;
        }

        return block;
    }

    /// <summary>
    /// A RED1 file as Red.pm reads it: a 0x80-byte header block (size, "RED1", width u16 @0x36, height u16 @0x3A,
    /// the rate as u16/u16 @0x3E, the file name string[32] @0x43), then a second block whose Red directory starts
    /// at 0x22 (u16 length, then the entries).
    /// </summary>
    public byte[] ToRed1Array(string fileName)
    {
        var directory = _entries.Sum(e => 4 + e.Value.Length);
        var bytes = new byte[0x80 + 0x24 + directory];
        var b = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(b, 0x80);
        "RED1"u8.CopyTo(b[4..]);
        "R1"u8.CopyTo(b[0x0A..]);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x36..], (ushort)Width);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x3A..], (ushort)Height);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x3E..], (ushort)RateNumerator);
        BinaryPrimitives.WriteUInt16BigEndian(b[0x40..], RateDenominator);
        Encoding.ASCII.GetBytes(fileName).CopyTo(b[0x43..]);
        var second = b[0x80..];
        BinaryPrimitives.WriteUInt32BigEndian(second, (uint)second.Length);
        "RED1"u8.CopyTo(second[4..]);
        BinaryPrimitives.WriteUInt16BigEndian(second[0x22..], (ushort)directory);
        var pos = 0x24;
        foreach (var (tag, value) in _entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(second[pos..], (ushort)(4 + value.Length));
            BinaryPrimitives.WriteUInt16BigEndian(second[(pos + 2)..], tag);
            value.CopyTo(second[(pos + 4)..]);
            pos += 4 + value.Length;
        }

        return bytes;
    }

    public string WriteTo(string path, int? directoryLengthOverride = null)
    {
        File.WriteAllBytes(path, ToArray(directoryLengthOverride));
        return path;
    }

    private static byte[] Be(SpanAction write, int size)
    {
        var bytes = new byte[size];
        write(bytes);
        return bytes;
    }

    private delegate void SpanAction(Span<byte> span);
}
