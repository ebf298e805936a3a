using Rushes.Host.Mhl.Hashing;

namespace Rushes.Host.Mhl.Operations;

/// <summary>What an operation found for one path.</summary>
public enum EntryStatus
{
    /// <summary>Recorded for the first time.</summary>
    Original,

    /// <summary>Matches its record.</summary>
    Verified,

    /// <summary>Differs from its record (hash, size or modification date).</summary>
    Failed,

    /// <summary>Recorded, but not on disk.</summary>
    Missing,

    /// <summary>On disk, but not recorded (verify and diff).</summary>
    Unknown,
}

/// <summary>The overall result, worst first.</summary>
public enum MhlVerdict
{
    /// <summary>Everything matched (create: everything recorded).</summary>
    Ok,

    /// <summary>Files on disk that the history does not know.</summary>
    Unknown,

    /// <summary>Recorded files missing from disk.</summary>
    Missing,

    /// <summary>A hash (or size, or date) differs from its record.</summary>
    Failed,
}

/// <summary>An expected and a found value that differ.</summary>
/// <param name="What">The format name, or "size", "lastmodificationdate", "content xxh64", "structure md5"...</param>
/// <param name="Expected">The recorded value.</param>
/// <param name="Actual">The value found.</param>
public sealed record Mismatch(string What, string Expected, string Actual);

/// <summary>The outcome for one file or folder.</summary>
/// <param name="Path">The path relative to the root given to the operation, '/' separated.</param>
/// <param name="Status">What was found.</param>
/// <param name="IsDirectory">True for a folder.</param>
public sealed record EntryOutcome(string Path, EntryStatus Status, bool IsDirectory = false)
{
    /// <summary>The hashes computed, by format.</summary>
    public IReadOnlyDictionary<HashFormat, string> Hashes { get; init; } = new Dictionary<HashFormat, string>();

    /// <summary>What differed, for a failed entry.</summary>
    public IReadOnlyList<Mismatch> Mismatches { get; init; } = [];

    /// <summary>The earlier path, when a rename was detected.</summary>
    public string? PreviousPath { get; init; }
}

/// <summary>The result of an operation: one outcome per path, the manifests written, and the verdict.</summary>
public sealed class MhlReport
{
    /// <summary>The root folder.</summary>
    public required string Root { get; init; }

    /// <summary>One outcome per file (and per folder where folders were checked), in traversal order, then the missing ones.</summary>
    public List<EntryOutcome> Entries { get; } = [];

    /// <summary>Manifests written (full paths), deepest history first.</summary>
    public List<string> Written { get; } = [];

    /// <summary>True when the size/date check found differences and nothing was hashed.</summary>
    public bool StoppedBeforeHashing { get; init; }

    /// <summary>The outcomes with a status.</summary>
    public IEnumerable<EntryOutcome> With(EntryStatus status) => Entries.Where(e => e.Status == status);

    /// <summary>The worst finding.</summary>
    public MhlVerdict Verdict
        => With(EntryStatus.Failed).Any() ? MhlVerdict.Failed
            : With(EntryStatus.Missing).Any() ? MhlVerdict.Missing
            : With(EntryStatus.Unknown).Any() ? MhlVerdict.Unknown
            : MhlVerdict.Ok;
}
