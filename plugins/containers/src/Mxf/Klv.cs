using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>One KLV packet: its key, where its value lies in the file, and how long the value is.</summary>
internal readonly record struct Klv(Ul Key, long Offset, long ValueOffset, long Length)
{
    public long End => ValueOffset + Length;

    /// <summary>
    /// Reads the packet at <paramref name="offset"/>: a 16-byte key and a BER length (SMPTE ST 336: short form
    /// below 0x80, else 0x8n and n big-endian bytes, n at most 8; the indefinite form 0x80 is not allowed in
    /// MXF, ST 377-1 §6.3). The value must lie inside <paramref name="limit"/>, which is checked before anyone
    /// allocates for it.
    /// </summary>
    public static Klv Read(FileWindow file, long offset, long limit, string where)
    {
        Span<byte> head = stackalloc byte[25];
        var available = (int)Math.Min(head.Length, limit - offset);
        if (available < 17)
        {
            throw file.Error(where, $"a KLV packet at byte {offset} is cut off after {Math.Max(available, 0)} bytes (truncated KLV)", "a 16-byte key and a BER length");
        }

        file.ReadInto(offset, head[..available], where);
        var key = Ul.Read(head);
        var first = head[16];
        long length;
        var lengthSize = 1;
        if (first < 0x80)
        {
            length = first;
        }
        else
        {
            var n = first & 0x7F;
            if (n is 0 or > 8)
            {
                throw file.Error(where, $"the KLV packet {key} at byte {offset} has BER length byte 0x{first:X2}", "a BER length of 1 to 8 bytes (0x81-0x88)");
            }

            if (17 + n > available)
            {
                throw file.Error(where, $"the KLV packet {key} at byte {offset} is cut off inside its length (truncated KLV)", $"{n} length bytes");
            }

            ulong value = 0;
            for (var i = 0; i < n; i++)
            {
                value = (value << 8) | head[17 + i];
            }

            length = value > long.MaxValue ? -1 : (long)value;
            lengthSize = 1 + n;
        }

        var valueOffset = offset + 16 + lengthSize;
        if (length < 0 || length > limit - valueOffset)
        {
            throw file.Error(where, $"the KLV packet {key} at byte {offset} claims {(length < 0 ? "more than 2^63" : length.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes, but only {Math.Max(0, limit - valueOffset)} remain (truncated or oversized KLV)",
                $"at most {Math.Max(0, limit - valueOffset)} bytes");
        }

        return new Klv(key, offset, valueOffset, length);
    }
}
