using System.Text;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>Reads sidecar text files whole, bounded in size before anything is allocated.</summary>
internal static class SourceFile
{
    /// <summary>
    /// The largest sidecar read: an ARRI Meta Extract CSV holds about 1.2 KB a frame, so 64 MiB covers
    /// a clip of some 50 000 frames (35 minutes at 24 fps), far beyond any camera's clip.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text (UTF-8, BOM dropped); an empty, oversized, unreadable or non-UTF-8 file is an <see cref="InputException"/>.</summary>
    public static string ReadText(string path)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path.GetFileName(path)} cannot be read: {ex.Message}", path, null, "a readable file", ex);
        }

        if (length == 0)
        {
            throw new InputException($"{Path.GetFileName(path)} is empty.", path, "content", "the vendor's metadata");
        }

        if (length > MaxBytes)
        {
            throw new InputException($"{Path.GetFileName(path)} is {length} bytes, more than the {MaxBytes} a metadata sidecar may have.", path, "size", $"at most {MaxBytes} bytes");
        }

        try
        {
            var text = StrictUtf8.GetString(File.ReadAllBytes(path));
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputException($"{Path.GetFileName(path)} is not UTF-8 text.", path, "encoding", "UTF-8 text", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path.GetFileName(path)} cannot be read: {ex.Message}", path, null, "a readable file", ex);
        }
    }

    /// <summary>The first line of a header buffer as text (BOM dropped), or empty for bytes that are not text.</summary>
    public static string FirstLine(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("\xEF\xBB\xBF"u8))
        {
            header = header[3..];
        }

        var end = header.IndexOfAny((byte)'\n', (byte)'\r');
        var line = end >= 0 ? header[..end] : header;
        return line.IndexOf((byte)0) >= 0 ? string.Empty : Encoding.UTF8.GetString(line);
    }

    /// <summary>A header buffer as text (BOM dropped, a cut multi-byte character at the end tolerated), or empty for bytes that are not text.</summary>
    public static string FirstLines(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("\xEF\xBB\xBF"u8))
        {
            header = header[3..];
        }

        return header.IndexOf((byte)0) >= 0 ? string.Empty : Encoding.UTF8.GetString(header);
    }

    /// <summary>Reads up to <paramref name="count"/> leading bytes, for classifying a clip's files by content.</summary>
    public static byte[] ReadHeader(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(count, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
