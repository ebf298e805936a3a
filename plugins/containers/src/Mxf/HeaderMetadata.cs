using System.Buffers.Binary;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>
/// A partition's header metadata: the primer pack (local tag → UL) and every local set, indexed by instance UID
/// (SMPTE ST 377-1 §9). The whole block is read at once after its byte count is checked against the limits.
/// </summary>
internal sealed class HeaderMetadata
{
    private readonly Dictionary<Ul, LocalSet> _byId = [];

    private HeaderMetadata(Dictionary<ushort, Ul> primer, List<LocalSet> sets)
    {
        Primer = primer;
        Sets = sets;
        foreach (var set in sets)
        {
            if (set.Id is { } id)
            {
                _byId.TryAdd(id, set);
            }
        }
    }

    public IReadOnlyDictionary<ushort, Ul> Primer { get; }

    public IReadOnlyList<LocalSet> Sets { get; }

    /// <summary>The set a strong reference points to, or null when the file does not hold it.</summary>
    public LocalSet? Resolve(Ul? reference) => reference is { } r ? Resolve(r) : null;

    /// <inheritdoc cref="Resolve(Ul?)"/>
    public LocalSet? Resolve(Ul reference) => _byId.TryGetValue(reference, out var set) ? set : null;

    /// <summary>Structural sets of one kind (byte 14 of the key, <see cref="Labels.SetKind"/>).</summary>
    public IEnumerable<LocalSet> OfKind(byte kind) => Sets.Where(s => IsStructural(s.Key, kind));

    public static bool IsStructural(Ul key, byte kind) => key.StartsWith(Labels.StructuralSet, 14) && key[14] == kind && key[15] == 0x00;

    /// <summary>Reads the header metadata that starts at <paramref name="start"/> (at or before the primer pack, after fill) and spans <paramref name="byteCount"/> bytes.</summary>
    public static HeaderMetadata Read(FileWindow file, long start, long byteCount, CancellationToken cancellationToken)
    {
        if (byteCount <= 0)
        {
            throw file.Error("HeaderByteCount", "the partition holds no header metadata (HeaderByteCount 0)", "a header partition with header metadata");
        }

        if (byteCount > Limits.MaxMetadataBytes || byteCount > file.Length - start)
        {
            throw file.Error("HeaderByteCount", $"the header metadata claims {byteCount} bytes from byte {start}, but the file has {file.Length - start} left (truncated, or over the limit of {Limits.MaxMetadataBytes})",
                $"at most {Math.Min(Limits.MaxMetadataBytes, file.Length - start)} bytes");
        }

        var end = start + byteCount;
        Dictionary<ushort, Ul>? primer = null;
        var sets = new List<LocalSet>();
        var offset = start;
        while (offset < end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sets.Count >= Limits.MaxEntries)
            {
                throw file.Error("header metadata", $"more than {Limits.MaxEntries} sets", "a header of camera metadata");
            }

            // Trailing fill may be shorter than a key: nothing after it belongs to the header.
            if (end - offset < 17)
            {
                break;
            }

            var klv = Klv.Read(file, offset, end, $"header metadata at byte {offset}");
            offset = klv.End;
            if (klv.Key.Matches(Labels.Fill) || (klv.Key[8] == 0x03 && klv.Key.StartsWith(Labels.Fill, 12)))
            {
                continue;
            }

            if (klv.Key.Matches(Labels.PrimerPack))
            {
                primer = ReadPrimer(file, klv);
                continue;
            }

            if (primer is null)
            {
                throw file.Error("primer pack", $"the header metadata at byte {klv.Offset} starts with {klv.Key}, not the primer pack", $"the primer pack {Labels.PrimerPack} first");
            }

            // Local sets with 2-byte tags and lengths have 0x53 in byte 5 (SMPTE ST 336 §6.3.4).
            if (klv.Key[4] == 0x02 && klv.Key[5] == 0x53)
            {
                sets.Add(ReadLocalSet(file, klv));
            }
        }

        return new HeaderMetadata(primer ?? throw file.Error("primer pack", "the header metadata has no primer pack", $"the primer pack {Labels.PrimerPack}"), sets);
    }

    /// <summary>The primer pack: a batch of 18-byte items, a local tag and its UL (ST 377-1 §9.2).</summary>
    private static Dictionary<ushort, Ul> ReadPrimer(FileWindow file, Klv klv)
    {
        var v = file.Read(klv.ValueOffset, klv.Length, "primer pack");
        if (v.Length < 8)
        {
            throw file.Error("primer pack", $"the primer pack is {v.Length} bytes", "a batch header of 8 bytes");
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(v);
        var size = BinaryPrimitives.ReadUInt32BigEndian(v.AsSpan(4));
        if (size != 18 || count > (uint)(v.Length - 8) / 18)
        {
            throw file.Error("primer pack", $"the primer pack claims {count} items of {size} bytes in {v.Length - 8} bytes", $"18-byte items that fit its {v.Length - 8} bytes");
        }

        var primer = new Dictionary<ushort, Ul>((int)count);
        for (var i = 0; i < count; i++)
        {
            var item = v.AsSpan(8 + (18 * i));
            primer[BinaryPrimitives.ReadUInt16BigEndian(item)] = Ul.Read(item[2..]);
        }

        return primer;
    }

    internal static LocalSet ReadLocalSet(FileWindow file, Klv klv)
    {
        var where = $"set {klv.Key} at byte {klv.Offset}";
        var v = file.Read(klv.ValueOffset, klv.Length, where);
        var properties = new Dictionary<ushort, byte[]>();
        var at = 0;
        while (at < v.Length)
        {
            if (v.Length - at < 4)
            {
                throw file.Error(where, $"the set at byte {klv.Offset} ends inside a property header (byte {klv.ValueOffset + at})", "whole 4-byte tag and length headers");
            }

            var tag = BinaryPrimitives.ReadUInt16BigEndian(v.AsSpan(at));
            var length = BinaryPrimitives.ReadUInt16BigEndian(v.AsSpan(at + 2));
            if (length > v.Length - at - 4)
            {
                throw file.Error(where, $"property 0x{tag:X4} of the set at byte {klv.Offset} claims {length} bytes, but the set has {v.Length - at - 4} left (truncated set)", $"at most {v.Length - at - 4} bytes");
            }

            properties.TryAdd(tag, v.AsSpan(at + 4, length).ToArray());
            at += 4 + length;
        }

        return new LocalSet(klv.Key, klv.Offset, properties);
    }
}
