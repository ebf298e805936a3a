using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Metadata;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>
/// One local set of the header metadata: its key and its properties by local tag (SMPTE ST 377-1 §9.5:
/// 2-byte tags, 2-byte lengths). Dynamic tags (0x8000 and up) are resolved to their ULs through the primer.
/// </summary>
internal sealed class LocalSet(Ul key, long offset, Dictionary<ushort, byte[]> properties)
{
    /// <summary>Static local tags of ST 377-1 Annex A used here (the primer maps them to their RP 210 ULs).</summary>
    public const ushort InstanceUid = 0x3C0A;

    public Ul Key { get; } = key;

    public long Offset { get; } = offset;

    public IReadOnlyDictionary<ushort, byte[]> Properties { get; } = properties;

    /// <summary>The set's instance UID (16 bytes), by which strong references find it.</summary>
    public Ul? Id => Properties.TryGetValue(InstanceUid, out var v) && v.Length == 16 ? Ul.Read(v) : null;

    public bool Has(ushort tag) => Properties.ContainsKey(tag);

    /// <summary>A UTF-16BE string property (ST 377-1 §4.3 "UTF-16 char"), without trailing NULs.</summary>
    public string? Text(ushort tag) => Properties.TryGetValue(tag, out var v) && v.Length >= 2 ? Encoding.BigEndianUnicode.GetString(v, 0, v.Length & ~1).TrimEnd('\0') : null;

    /// <summary>An unsigned big-endian integer of 1, 2, 4 or 8 bytes.</summary>
    public long? Integer(ushort tag) => Properties.TryGetValue(tag, out var v) ? v.Length switch
    {
        1 => v[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(v),
        4 => BinaryPrimitives.ReadUInt32BigEndian(v),
        8 => BinaryPrimitives.ReadInt64BigEndian(v),
        _ => null,
    } : null;

    /// <summary>A Rational (two signed 32-bit integers, ST 377-1 §4.3); null when malformed or zero-denominated.</summary>
    public Rational? Fraction(ushort tag)
        => Properties.TryGetValue(tag, out var v) && v.Length == 8 && BinaryPrimitives.ReadInt32BigEndian(v.AsSpan(4)) is var d && d != 0
            ? new Rational(BinaryPrimitives.ReadInt32BigEndian(v), d)
            : null;

    public Ul? Label(ushort tag) => Properties.TryGetValue(tag, out var v) && v.Length == 16 ? Ul.Read(v) : null;

    /// <summary>A batch or array of 16-byte references (count, item size, items: ST 377-1 §4.3).</summary>
    public IReadOnlyList<Ul> References(ushort tag)
    {
        if (!Properties.TryGetValue(tag, out var v) || v.Length < 8)
        {
            return [];
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(v);
        var size = BinaryPrimitives.ReadUInt32BigEndian(v.AsSpan(4));
        if (size != 16 || count > (uint)(v.Length - 8) / 16)
        {
            return [];
        }

        return [.. Enumerable.Range(0, (int)count).Select(i => Ul.Read(v.AsSpan(8 + (16 * i))))];
    }

    /// <summary>
    /// A TimeStamp (ST 377-1 §4.3): year (2 bytes), month, day, hour, minute, second, quarter-milliseconds.
    /// All zero (the "unknown" stamp writers leave) and impossible dates give null.
    /// </summary>
    public DateTimeOffset? TimeStamp(ushort tag)
    {
        if (!Properties.TryGetValue(tag, out var v) || v.Length != 8)
        {
            return null;
        }

        var year = BinaryPrimitives.ReadInt16BigEndian(v);
        if (year is < 1 or > 9999 || v[2] is < 1 or > 12 || v[3] < 1 || v[3] > DateTime.DaysInMonth(year, v[2]) || v[4] > 23 || v[5] > 59 || v[6] > 59 || v[7] > 249)
        {
            return null;
        }

        return new DateTimeOffset(year, v[2], v[3], v[4], v[5], v[6], v[7] * 4, TimeSpan.Zero);
    }
}
