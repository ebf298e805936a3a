using System.IO.Hashing;
using System.Security.Cryptography;

namespace Rushes.Host.Mhl.Hashing;

/// <summary>
/// One running hash of one format: .NET cryptography for md5, sha1 and c4 (SHA-512), System.IO.Hashing
/// for the xxHash family (seed 0; digests are written big-endian, the canonical xxHash form).
/// </summary>
public sealed class Hasher : IDisposable
{
    private readonly IncrementalHash? _crypto;
    private readonly NonCryptographicHashAlgorithm? _xx;

    /// <summary>Starts a hash of the given format.</summary>
    public Hasher(HashFormat format)
    {
        Format = format;
        switch (format)
        {
            case HashFormat.C4: _crypto = IncrementalHash.CreateHash(HashAlgorithmName.SHA512); break;
#pragma warning disable CA5351, CA5350 // MD5 and SHA-1 are what ASC MHL records; they check integrity, not secrecy.
            case HashFormat.Md5: _crypto = IncrementalHash.CreateHash(HashAlgorithmName.MD5); break;
            case HashFormat.Sha1: _crypto = IncrementalHash.CreateHash(HashAlgorithmName.SHA1); break;
#pragma warning restore CA5351, CA5350
            case HashFormat.Xxh128: _xx = new XxHash128(); break;
            case HashFormat.Xxh3: _xx = new XxHash3(); break;
            case HashFormat.Xxh64: _xx = new FastXxHash64(); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>The format.</summary>
    public HashFormat Format { get; }

    /// <summary>Feeds bytes.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_crypto is not null)
        {
            _crypto.AppendData(data);
        }
        else
        {
            _xx!.Append(data);
        }
    }

    /// <summary>The digest bytes; the hasher starts again from empty.</summary>
    public byte[] FinishBytes() => _crypto is not null ? _crypto.GetHashAndReset() : _xx!.GetHashAndReset();

    /// <summary>The digest in its manifest text form; the hasher starts again from empty.</summary>
    public string FinishText() => HashText.Format(Format, FinishBytes());

    /// <summary>The text digest of some bytes.</summary>
    public static string HashData(HashFormat format, ReadOnlySpan<byte> data)
    {
        using var hasher = new Hasher(format);
        hasher.Append(data);
        return hasher.FinishText();
    }

    /// <summary>
    /// The hash of a list of digests (ASC MHL spec Appendix G; reference <c>Hasher.hash_of_hash_list</c>):
    /// the texts sorted ordinally, each decoded to bytes, all fed to one new hasher. An empty list gives
    /// the hash of zero bytes.
    /// </summary>
    public static string HashOfList(HashFormat format, IEnumerable<string> digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        var sorted = digests.ToList();
        sorted.Sort(StringComparer.Ordinal);
        using var hasher = new Hasher(format);
        foreach (var digest in sorted)
        {
            hasher.Append(HashText.Parse(format, digest));
        }

        return hasher.FinishText();
    }

    /// <inheritdoc />
    public void Dispose() => _crypto?.Dispose();
}
