using System.Text;

namespace Rushes.Host.Mhl.Hashing;

/// <summary>
/// The content and structure hashes of one directory (ASC MHL spec §6.5.2 and Appendix G, as the
/// reference <c>DirectoryHashContext</c> computes them). Content = hash of the list of the children's
/// hashes (a file's hash, a subdirectory's content hash). Structure = hash of the list of
/// H(utf8(child name) ‖ child hash bytes), where a subdirectory contributes its structure hash.
/// </summary>
public sealed class DirectoryHashBuilder(HashFormat format)
{
    private readonly List<string> _content = [];
    private readonly List<string> _structure = [];

    /// <summary>The format.</summary>
    public HashFormat Format { get; } = format;

    /// <summary>Adds a file child.</summary>
    public void AddFile(string name, string hash)
    {
        _content.Add(hash);
        _structure.Add(NamedHash(name, hash));
    }

    /// <summary>Adds a subdirectory child.</summary>
    public void AddDirectory(string name, string contentHash, string structureHash)
    {
        _content.Add(contentHash);
        _structure.Add(NamedHash(name, structureHash));
    }

    /// <summary>The directory's content and structure hashes.</summary>
    public DirectoryDigest Finish() => new(Format, Hasher.HashOfList(Format, _content), Hasher.HashOfList(Format, _structure));

    private string NamedHash(string name, string hash)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hashBytes = HashText.Parse(Format, hash);
        return Hasher.HashData(Format, [.. nameBytes, .. hashBytes]);
    }
}

/// <summary>A directory's content and structure hash in one format.</summary>
/// <param name="Format">The format.</param>
/// <param name="Content">The content hash.</param>
/// <param name="Structure">The structure hash.</param>
public sealed record DirectoryDigest(HashFormat Format, string Content, string Structure);
