using Rushes.Host.Mhl.Hashing;

namespace Rushes.Host.Mhl.Model;

/// <summary>One hash of a file in one format.</summary>
/// <param name="Format">The format.</param>
/// <param name="Value">The digest text.</param>
/// <param name="Action">Original, verified or failed; absent in some third-party manifests.</param>
/// <param name="HashDate">When it was computed.</param>
public sealed record FileHash(HashFormat Format, string Value, HashAction? Action, DateTimeOffset? HashDate);

/// <summary>The content and structure hash of a directory in one format.</summary>
/// <param name="Format">The format.</param>
/// <param name="Content">Hash of the children's hashes.</param>
/// <param name="Structure">Hash of the children's names and hashes.</param>
/// <param name="HashDate">When it was computed.</param>
public sealed record DirectoryHash(HashFormat Format, string Content, string Structure, DateTimeOffset? HashDate);

/// <summary>A <c>hash</c> or <c>directoryhash</c> entry of a manifest.</summary>
public abstract class ManifestEntry
{
    /// <summary>Path relative to the history's root, '/' separated.</summary>
    public required string Path { get; init; }

    /// <summary>The creation date, when recorded.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>The last modification date, when recorded.</summary>
    public DateTimeOffset? LastModificationDate { get; init; }

    /// <summary>The path before a rename, recorded in the generation that noticed it.</summary>
    public string? PreviousPath { get; set; }
}

/// <summary>A file's <c>hash</c> entry.</summary>
public sealed class FileRecord : ManifestEntry
{
    /// <summary>The size in bytes, when recorded.</summary>
    public long? Size { get; init; }

    /// <summary>The hashes, at most one per format.</summary>
    public List<FileHash> Hashes { get; init; } = [];

    /// <summary>The hash of a format, or null.</summary>
    public FileHash? Find(HashFormat format) => Hashes.Find(h => h.Format == format);
}

/// <summary>A directory's <c>directoryhash</c> entry.</summary>
public sealed class DirectoryRecord : ManifestEntry
{
    /// <summary>The hashes, at most one per format; empty when directory hashes were not asked for.</summary>
    public List<DirectoryHash> Hashes { get; init; } = [];
}

/// <summary>An author in <c>creatorinfo</c>.</summary>
/// <param name="Name">The name.</param>
/// <param name="Email">An e-mail address (the XSD requires an '@' and a dot after it).</param>
/// <param name="Phone">A phone number.</param>
/// <param name="Role">A role, e.g. DIT.</param>
public sealed partial record Author(string? Name, string? Email = null, string? Phone = null, string? Role = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> for an e-mail address the XSD would refuse (pattern <c>[^@]+@[^\.]+\..+</c>).</summary>
    public static void CheckAll(IEnumerable<Author> authors)
    {
        foreach (var author in authors ?? [])
        {
            if (author.Email is { } email && !EmailPattern().IsMatch(email))
            {
                throw new ArgumentException($"'{email}' is not an e-mail address the ASC MHL schema accepts; expected name@domain.tld.", nameof(authors));
            }
        }
    }

    // ASCMHL.xsd EmailAddressAttributeType; XSD patterns are anchored at both ends.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@]+@[^\.]+\..+$")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();
}

/// <summary>Who made a generation, where, when and with what.</summary>
/// <param name="CreationDate">When the operation started.</param>
/// <param name="HostName">The computer.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="ToolVersion">Its version.</param>
/// <param name="Authors">The authors.</param>
/// <param name="Location">Where.</param>
/// <param name="Comment">A note.</param>
public sealed record CreatorInfo(DateTimeOffset CreationDate, string HostName, string ToolName, string? ToolVersion,
    IReadOnlyList<Author> Authors, string? Location = null, string? Comment = null);

/// <summary>How a generation came about, its root hash and the ignore patterns in force.</summary>
/// <param name="Process">In-place, transfer or flatten.</param>
/// <param name="RootHash">The hashes of the history's root folder (none without directory hashes).</param>
/// <param name="IgnorePatterns">The .gitignore-style patterns of files left out.</param>
public sealed record ProcessInfo(ProcessType Process, IReadOnlyList<DirectoryHash> RootHash, IReadOnlyList<string> IgnorePatterns);

/// <summary>A parent manifest's reference to a nested history's manifest.</summary>
/// <param name="Path">The child manifest, relative to the parent's root.</param>
/// <param name="C4">The C4 ID of the child manifest's bytes.</param>
public sealed record ManifestReference(string Path, string C4);

/// <summary>One ASC MHL manifest (a <c>hashlist</c>): one generation of a history, or a flattened list.</summary>
public sealed class Manifest
{
    /// <summary>Who, where, when.</summary>
    public required CreatorInfo CreatorInfo { get; init; }

    /// <summary>How, root hash, ignore patterns.</summary>
    public required ProcessInfo ProcessInfo { get; init; }

    /// <summary>File and directory entries, in document order.</summary>
    public List<ManifestEntry> Entries { get; init; } = [];

    /// <summary>References to nested histories' manifests.</summary>
    public List<ManifestReference> References { get; init; } = [];

    /// <summary>The file entries.</summary>
    public IEnumerable<FileRecord> Files => Entries.OfType<FileRecord>();

    /// <summary>The directory entries.</summary>
    public IEnumerable<DirectoryRecord> Directories => Entries.OfType<DirectoryRecord>();
}

/// <summary>One entry of <c>ascmhl_chain.xml</c>.</summary>
/// <param name="SequenceNumber">The generation number, from 1.</param>
/// <param name="Path">The manifest's file name inside <c>ascmhl/</c>.</param>
/// <param name="C4">The C4 ID of the manifest's bytes.</param>
public sealed record ChainEntry(int SequenceNumber, string Path, string C4);
