using System.Security.Cryptography;
using System.Text;

namespace Rushes.Host.Render;

/// <summary>
/// A UUID made from a name (RFC 9562 §5.8 layout, version 8, from SHA-256), so that the documents a
/// render writes (AMF, FDL) are the same bytes every time the same unit runs.
/// </summary>
public static class StableUuid
{
    public static Guid From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // the RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
