using System.Buffers.Binary;
using System.Text;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>
/// One atom: its type and where its header and payload lie. Offsets are relative to the buffer that was
/// walked; <see cref="FileOffset"/> places it in the file for messages.
/// </summary>
internal readonly record struct Atom(uint Type, long Start, int HeaderSize, long End, long FileOffset)
{
    public long PayloadStart => Start + HeaderSize;

    public long PayloadLength => End - PayloadStart;

    public string TypeName => FourCc.ToText(Type);
}

/// <summary>Four-character codes, as big-endian 32-bit integers.</summary>
internal static class FourCc
{
    public static uint Of(string code) => BinaryPrimitives.ReadUInt32BigEndian(Encoding.Latin1.GetBytes(code));

    /// <summary>The code as text; bytes outside printable ASCII are shown as \xNN so that messages stay readable ('©nam' is \xA9nam).</summary>
    public static string ToText(uint code)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, code);
        var text = new StringBuilder(4);
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : b == 0xA9 ? "©" : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
