using System.Buffers.Binary;
using System.Globalization;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>
/// A SMPTE Universal Label (SMPTE ST 298): 16 bytes. Byte 7 (the registry version) is ignored when labels are
/// compared, since writers stamp the version of the dictionary they used (ST 377-1 §6.4).
/// </summary>
internal readonly record struct Ul(ulong High, ulong Low)
{
    /// <summary>Byte 7 (0-based) of the high half.</summary>
    private const ulong VersionByte = 0xFFUL;

    public static Ul Read(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    /// <summary>Parses "06.0e.2b.34…" (dots optional).</summary>
    public static Ul Parse(string text)
    {
        var hex = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Read(Convert.FromHexString(hex));
    }

    public byte this[int index] => (byte)((index < 8 ? High : Low) >> (8 * (7 - (index % 8))));

    /// <summary>Equal to <paramref name="other"/> but for the version byte.</summary>
    public bool Matches(Ul other) => (High | VersionByte) == (other.High | VersionByte) && Low == other.Low;

    /// <summary>The first <paramref name="count"/> bytes equal <paramref name="prefix"/>'s, ignoring the version byte.</summary>
    public bool StartsWith(Ul prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i != 7 && this[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString()
    {
        var text = new System.Text.StringBuilder(47);
        for (var i = 0; i < 16; i++)
        {
            text.Append(i == 0 ? string.Empty : ".").Append(this[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
