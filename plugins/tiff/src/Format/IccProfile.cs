using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Rushes.Plugins.Tiff.Format;

/// <summary>
/// An ICC profile to embed, checked as far as a writer must: a header of 128 bytes whose size field (bytes 0-3,
/// big-endian) equals the file's length, the 'acsp' signature at byte 36, and an RGB data colour space (bytes
/// 16-19), since the image is RGB (ICC.1:2022, section 7.2).
/// </summary>
internal static class IccProfile
{
    public const int HeaderSize = 128;

    /// <summary>Profiles above this size are refused before they are read.</summary>
    public const long MaxSize = 16 << 20;

    /// <summary>The problem with the profile at <paramref name="path"/>, or null when it can be embedded.</summary>
    public static string? Problem(string path)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (!file.Exists)
            {
                return $"the ICC profile {path} does not exist";
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or UnauthorizedAccessException)
        {
            return $"'{path}' is not a usable file path ({ex.Message})";
        }

        if (file.Length is < HeaderSize or > MaxSize)
        {
            return Size(path, file.Length);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the ICC profile {path} cannot be read ({ex.Message})";
        }

        return Problem(bytes, path);
    }

    /// <summary>The problem with a profile's bytes, or null.</summary>
    public static string? Problem(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length is < HeaderSize or > (int)MaxSize)
        {
            return Size(path, bytes.Length);
        }

        var declared = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (declared != bytes.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the ICC profile {path} declares {declared} bytes in its header but is {bytes.Length} bytes long");
        }

        if (!bytes.Slice(36, 4).SequenceEqual("acsp"u8))
        {
            return $"{path} is not an ICC profile: bytes 36-39 are '{Printable(bytes.Slice(36, 4))}', not the 'acsp' signature";
        }

        if (!bytes.Slice(16, 4).SequenceEqual("RGB "u8))
        {
            return $"the ICC profile {path} describes '{Printable(bytes.Slice(16, 4)).TrimEnd()}' data, but the image is RGB";
        }

        return null;
    }

    private static string Size(string path, long length)
        => string.Create(CultureInfo.InvariantCulture, $"the ICC profile {path} is {length} bytes long; a profile has a 128-byte header and this writer embeds at most {MaxSize} bytes");

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        }

        return text.ToString();
    }
}
