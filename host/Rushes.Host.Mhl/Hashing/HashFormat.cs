namespace Rushes.Host.Mhl.Hashing;

/// <summary>
/// The hash formats of ASC MHL v2.0, in the order the XSD lists them inside a <c>hash</c> element
/// (which is also their alphabetical order, the order the reference tool sorts them in).
/// </summary>
public enum HashFormat
{
    /// <summary>C4 ID (SMPTE ST 2114): SHA-512 in base58, 90 characters.</summary>
    C4,

    /// <summary>MD5, lowercase hex.</summary>
    Md5,

    /// <summary>SHA-1, lowercase hex.</summary>
    Sha1,

    /// <summary>XXH3 128-bit, seed 0, big-endian hex.</summary>
    Xxh128,

    /// <summary>XXH3 64-bit, seed 0, big-endian hex.</summary>
    Xxh3,

    /// <summary>XXH64, seed 0, big-endian hex.</summary>
    Xxh64,
}

/// <summary>The XML element names of the hash formats.</summary>
public static class HashFormats
{
    /// <summary>Every format, in XSD order.</summary>
    public static IReadOnlyList<HashFormat> All { get; } = Enum.GetValues<HashFormat>();

    /// <summary>The element name, e.g. <c>xxh128</c>.</summary>
    public static string Name(this HashFormat format) => format switch
    {
        HashFormat.C4 => "c4",
        HashFormat.Md5 => "md5",
        HashFormat.Sha1 => "sha1",
        HashFormat.Xxh128 => "xxh128",
        HashFormat.Xxh3 => "xxh3",
        HashFormat.Xxh64 => "xxh64",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The format an element name names, or null.</summary>
    public static HashFormat? TryParse(string? name) => name switch
    {
        "c4" => HashFormat.C4,
        "md5" => HashFormat.Md5,
        "sha1" => HashFormat.Sha1,
        "xxh128" => HashFormat.Xxh128,
        "xxh3" => HashFormat.Xxh3,
        "xxh64" => HashFormat.Xxh64,
        _ => null,
    };

    /// <summary>The format an element name names.</summary>
    public static HashFormat Parse(string name)
        => TryParse(name) ?? throw new ArgumentException($"'{name}' is not an ASC MHL hash format; expected one of {string.Join(", ", All.Select(f => f.Name()))}.", nameof(name));

    /// <summary>Digest length in bytes.</summary>
    public static int DigestLength(this HashFormat format) => format switch
    {
        HashFormat.C4 => 64,
        HashFormat.Md5 => 16,
        HashFormat.Sha1 => 20,
        HashFormat.Xxh128 => 16,
        _ => 8,
    };
}
