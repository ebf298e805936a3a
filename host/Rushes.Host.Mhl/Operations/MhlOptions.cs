using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Model;

namespace Rushes.Host.Mhl.Operations;

/// <summary>Options shared by the operations that hash.</summary>
public class MhlHashingOptions
{
    /// <summary>Compare sizes and modification dates with the latest record before hashing anything, and stop
    /// without hashing (and without writing) when one differs.</summary>
    public bool FailFast { get; init; }

    /// <summary>Files hashed at once; 0 means one per processor.</summary>
    public int Parallelism { get; init; }

    /// <summary>Extra ignore patterns (.gitignore syntax), added to the history's.</summary>
    public IReadOnlyList<string> IgnorePatterns { get; init; } = [];
}

/// <summary>Options of <see cref="MhlService.Create"/>.</summary>
public sealed class MhlCreateOptions : MhlHashingOptions
{
    /// <summary>The formats to record; xxh128 (the reference tool's default) when empty.</summary>
    public IReadOnlyList<HashFormat> Formats { get; init; } = [HashFormat.Xxh128];

    /// <summary>Leave out directory content and structure hashes and the root hash.</summary>
    public bool NoDirectoryHashes { get; init; }

    /// <summary>Match missing files with new files by hash and record the new ones with <c>previousPath</c>.</summary>
    public bool DetectRenames { get; init; }

    /// <summary>How the files came to be here.</summary>
    public ProcessType Process { get; init; } = ProcessType.InPlace;

    /// <summary>Authors for <c>creatorinfo</c>.</summary>
    public IReadOnlyList<Author> Authors { get; init; } = [];

    /// <summary>The <c>location</c> element.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>comment</c> element.</summary>
    public string? Comment { get; init; }
}

/// <summary>Options of <see cref="MhlService.Verify"/>.</summary>
public sealed class MhlVerifyOptions : MhlHashingOptions
{
    /// <summary>Also recompute and compare directory content and structure hashes and the root hash.</summary>
    public bool DirectoryHashes { get; init; }
}

/// <summary>Progress of the hashing: reported as each file finishes.</summary>
/// <param name="FilesDone">Files hashed so far.</param>
/// <param name="FilesTotal">Files to hash.</param>
/// <param name="BytesDone">Bytes hashed so far.</param>
/// <param name="BytesTotal">Bytes to hash.</param>
/// <param name="Path">The file just finished, relative to the root.</param>
public sealed record MhlProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, string Path);
