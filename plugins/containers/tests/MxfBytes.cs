using System.Buffers.Binary;
using static Rushes.Plugins.Containers.Tests.Bytes;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>Finds things in an MXF fixture's bytes, for surgery: the keys are those of SMPTE ST 377-1.</summary>
internal static class MxfBytes
{
    public static readonly byte[] PrimerKey = Hex("06.0e.2b.34.02.05.01.01.0d.01.02.01.01.05.01.00");
    public static readonly byte[] TimecodeComponentKey = Hex("06.0e.2b.34.02.53.01.01.0d.01.01.01.01.01.14.00");

    /// <summary>Where a KLV's value starts, after its key and BER length.</summary>
    public static int ValueStart(byte[] data, int klv) => data[klv + 16] < 0x80 ? klv + 17 : klv + 17 + (data[klv + 16] & 0x7F);

    public static long ValueLength(byte[] data, int klv)
    {
        if (data[klv + 16] < 0x80)
        {
            return data[klv + 16];
        }

        long length = 0;
        for (var i = 0; i < (data[klv + 16] & 0x7F); i++)
        {
            length = (length << 8) | data[klv + 17 + i];
        }

        return length;
    }

    /// <summary>The header partition pack's HeaderByteCount field (value offset 32, ST 377-1 Table 5).</summary>
    public static int HeaderByteCountField(byte[] data) => ValueStart(data, 0) + 32;

    /// <summary>The offset of a local item (2-byte tag) inside the set starting at <paramref name="set"/>.</summary>
    public static int Item(byte[] data, int set, ushort tag)
    {
        var at = ValueStart(data, set);
        var end = at + ValueLength(data, set);
        while (at < end)
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at)) == tag)
            {
                return at;
            }

            at += 4 + BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at + 2));
        }

        throw new InvalidOperationException($"tag {tag:X4} not in the set");
    }

    /// <summary>A local set KLV (4-byte BER length) of (tag, value) items.</summary>
    public static byte[] LocalSet(string key, params (ushort Tag, byte[] Value)[] items)
    {
        var value = items.SelectMany(i => Hex($"{i.Tag:x4}{i.Value.Length:x4}").Concat(i.Value)).ToArray();
        return [.. Hex(key), .. Hex($"83{value.Length:x6}"), .. value];
    }

    /// <summary>Inserts bytes at the end of the header metadata; <paramref name="inside"/> grows HeaderByteCount to take them in.</summary>
    public static byte[] InsertAfterHeaderMetadata(byte[] data, byte[] insert, bool inside)
    {
        var primer = Find(data, PrimerKey);
        var countField = HeaderByteCountField(data);
        var count = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(countField));
        var end = primer + (int)count;
        var result = data[..end].Concat(insert).Concat(data[end..]).ToArray();
        if (inside)
        {
            BinaryPrimitives.WriteInt64BigEndian(result.AsSpan(countField), count + insert.Length);
        }

        // The footer moved by the inserted bytes (ST 377-1 Table 5: FooterPartition, value offset 24).
        var footerField = ValueStart(data, 0) + 24;
        var footer = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(footerField));
        if (footer > 0)
        {
            BinaryPrimitives.WriteInt64BigEndian(result.AsSpan(footerField), footer + insert.Length);
        }

        return result;
    }
}
