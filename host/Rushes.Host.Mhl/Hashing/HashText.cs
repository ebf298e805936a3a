namespace Rushes.Host.Mhl.Hashing;

/// <summary>Converts between digests and their text in a manifest: lowercase hex, or C4 for c4.</summary>
public static class HashText
{
    /// <summary>The text form of a digest.</summary>
    public static string Format(HashFormat format, ReadOnlySpan<byte> digest)
        => format == HashFormat.C4 ? C4Id.Encode(digest) : Convert.ToHexStringLower(digest);

    /// <summary>The digest bytes of a text, or null when the text is not a valid digest of the format.</summary>
    public static byte[]? TryParse(HashFormat format, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (format == HashFormat.C4)
        {
            var bytes = new byte[64];
            return C4Id.TryDecode(text, bytes) ? bytes : null;
        }

        // Any even-length hex is accepted: the reference's hash-of-list test feeds short strings.
        if (text.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The digest bytes of a text; throws naming the format when it is malformed.</summary>
    public static byte[] Parse(HashFormat format, string text)
        => TryParse(format, text) ?? throw new FormatException($"'{text}' is not a valid {format.Name()} digest.");
}
