namespace Rushes.Host.Catalog.Ingest;

/// <summary>How ingest runs.</summary>
public sealed record IngestOptions
{
    /// <summary>Verify the card against its ASC MHL history first, and refuse it unless every file verifies.</summary>
    public bool VerifyMhl { get; init; } = true;

    /// <summary>Clips opened at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>A clip stored (or found already stored) by ingest.</summary>
public sealed record IngestedClip(string Identity, string Name, string Path, string Format, UpsertOutcome Outcome, string FormatKey);

/// <summary>A clip, or a file, that ingest could not store, and why.</summary>
public sealed record FailedClip(string File, string Reason, string? Format);

/// <summary>What one ingest did.</summary>
public sealed record IngestReport
{
    /// <summary>The card's full path.</summary>
    public required string Card { get; init; }

    /// <summary>The catalog, as shown to users.</summary>
    public required string Catalog { get; init; }

    /// <summary>Files verified against the ASC MHL history; null when the check was skipped (--no-mhl).</summary>
    public int? MhlVerifiedFiles { get; init; }

    /// <summary>The clips stored, in discovery order.</summary>
    public required IReadOnlyList<IngestedClip> Clips { get; init; }

    /// <summary>The clips and files that failed, with the reason.</summary>
    public required IReadOnlyList<FailedClip> Failed { get; init; }

    /// <summary>Clips new to the catalog.</summary>
    public int Added => Clips.Count(c => c.Outcome == UpsertOutcome.Added);

    /// <summary>Clips already stored with the same content.</summary>
    public int Unchanged => Clips.Count(c => c.Outcome == UpsertOutcome.Unchanged);

    /// <summary>Clips already stored whose content changed.</summary>
    public int Updated => Clips.Count(c => c.Outcome == UpsertOutcome.Updated);
}

/// <summary>Why a card was refused before anything was stored.</summary>
public enum IngestRefusal
{
    /// <summary>The card has no ASC MHL history.</summary>
    NoHistory,

    /// <summary>The history itself is broken: chain, manifests, references.</summary>
    CorruptHistory,

    /// <summary>A file's hash differs from its record.</summary>
    Failed,

    /// <summary>Recorded files are missing from the card.</summary>
    Missing,

    /// <summary>Files on the card are not in the history.</summary>
    Unknown,
}

/// <summary>A card that ingest refused: its ASC MHL history is missing or does not verify. Nothing was stored.</summary>
public sealed class IngestRefusedException(IngestRefusal refusal, string card, string message) : Exception(message)
{
    /// <summary>Why.</summary>
    public IngestRefusal Refusal { get; } = refusal;

    /// <summary>The card.</summary>
    public string Card { get; } = card;
}
