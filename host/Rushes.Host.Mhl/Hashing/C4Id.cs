using System.Numerics;

namespace Rushes.Host.Mhl.Hashing;

/// <summary>
/// C4 ID text form (SMPTE ST 2114; ASC MHL spec Appendix D): the 64-byte SHA-512 digest read as a
/// big-endian unsigned integer, written in base58 most significant digit first, left-padded with the
/// zero digit '1' to 88 characters, after the prefix "c4".
/// </summary>
public static class C4Id
{
    /// <summary>The C4 base58 alphabet (no 0, O, I, l).</summary>
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Length of the text form, prefix included.</summary>
    public const int Length = 90;

    private const int DigitCount = Length - 2;

    /// <summary>Encodes a 64-byte SHA-512 digest.</summary>
    public static string Encode(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 64)
        {
            throw new ArgumentException($"A C4 ID encodes a 64-byte SHA-512 digest, not {digest.Length} bytes.", nameof(digest));
        }

        var value = new BigInteger(digest, isUnsigned: true, isBigEndian: true);
        Span<char> digits = stackalloc char[DigitCount];
        digits.Fill(Alphabet[0]);
        for (var i = DigitCount - 1; i >= 0 && !value.IsZero; i--)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits[i] = Alphabet[(int)remainder];
        }

        return string.Concat("c4", digits);
    }

    /// <summary>Decodes a C4 ID back to its 64 digest bytes; false when it is not a well-formed C4 ID.</summary>
    public static bool TryDecode(string text, Span<byte> digest)
    {
        if (text is null || text.Length != Length || !text.StartsWith("c4", StringComparison.Ordinal) || digest.Length != 64)
        {
            return false;
        }

        var value = BigInteger.Zero;
        for (var i = 2; i < Length; i++)
        {
            var digit = Alphabet.IndexOf(text[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 58) + digit;
        }

        digest.Clear();
        var count = value.GetByteCount(isUnsigned: true);
        if (count > 64)
        {
            return false;
        }

        return value.TryWriteBytes(digest[(64 - count)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
