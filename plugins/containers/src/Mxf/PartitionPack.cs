using System.Buffers.Binary;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>A partition pack (SMPTE ST 377-1 §7.1, Table 5), the fields the reader uses.</summary>
internal sealed record PartitionPack(byte Kind, byte Status, ushort MajorVersion, ushort MinorVersion, uint KagSize, long ThisPartition, long FooterPartition, long HeaderByteCount, long IndexByteCount, Ul OperationalPattern, Ul[] EssenceContainers)
{
    public const byte Header = 0x02;
    public const byte Footer = 0x04;

    /// <summary>Statuses 1 and 3 are open: the header metadata may still change (ST 377-1 §6.2.3).</summary>
    public bool IsOpen => Status is 0x01 or 0x03;

    /// <summary>Statuses 3 and 4 are complete.</summary>
    public bool IsComplete => Status is 0x03 or 0x04;

    public static bool IsPartitionKey(Ul key) => key.StartsWith(Labels.PartitionPack, Labels.PartitionPrefixLength) && key[13] is >= 0x02 and <= 0x04 && key[14] is >= 0x01 and <= 0x04;

    /// <summary>The fixed part is 88 bytes: two versions (2+2), KAG (4), six offsets and counts (8 each), two SIDs (4 each), the pattern UL (16), then the container batch.</summary>
    public static PartitionPack Read(FileWindow file, Klv klv)
    {
        var where = $"partition pack at byte {klv.Offset}";
        if (klv.Length < 88)
        {
            throw file.Error(where, $"the partition pack at byte {klv.Offset} is {klv.Length} bytes", "at least 88 bytes (ST 377-1 Table 5)");
        }

        var bytes = file.Read(klv.ValueOffset, klv.Length, where);
        var v = bytes.AsSpan();
        long Offset(int at, string name)
        {
            var value = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(at));
            return value <= (ulong)file.Length ? (long)value
                : throw file.Error($"{where} {name}", $"the partition pack's {name} is {value}, beyond the file's {file.Length} bytes (truncated file?)", $"at most {file.Length}");
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(v[80..]);
        var itemLength = BinaryPrimitives.ReadUInt32BigEndian(v[84..]);
        if (count > 0 && (itemLength != 16 || count > (ulong)(v.Length - 88) / 16))
        {
            throw file.Error($"{where} EssenceContainers", $"the essence container batch claims {count} items of {itemLength} bytes in {v.Length - 88} bytes", "16-byte labels that fit the pack");
        }

        var containers = new Ul[count];
        for (var i = 0; i < containers.Length; i++)
        {
            containers[i] = Ul.Read(v[(88 + (16 * i))..]);
        }

        return new PartitionPack(klv.Key[13], klv.Key[14], BinaryPrimitives.ReadUInt16BigEndian(v), BinaryPrimitives.ReadUInt16BigEndian(v[2..]), BinaryPrimitives.ReadUInt32BigEndian(v[4..]),
            Offset(8, "ThisPartition"), Offset(24, "FooterPartition"), Offset(32, "HeaderByteCount"), Offset(40, "IndexByteCount"), Ul.Read(v[64..]), containers);
    }
}
