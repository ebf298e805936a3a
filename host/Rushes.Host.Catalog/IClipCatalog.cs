namespace Rushes.Host.Catalog;

/// <summary>
/// The clip catalog: normalized clip documents keyed by clip identity, searchable by reel, camera, timecode and any
/// normalized field. Safe to share between threads; each call uses its own connection.
/// </summary>
public interface IClipCatalog
{
    /// <summary>Where the catalog is, as shown to users.</summary>
    CatalogLocation Location { get; }

    /// <summary>The schema version the catalog is at.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Stores clips in one transaction, keyed by identity: a new clip is added, a stored one with the same content
    /// hash is left untouched (its updated time too), a changed one is replaced. Returns each entry's outcome, in order.
    /// </summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The clips that meet every criterion of the query, by reel, timecode and name.</summary>
    Task<IReadOnlyList<ClipRecord>> SearchAsync(ClipQuery query, CancellationToken cancellationToken = default);

    /// <summary>The clips of a reel whose source timecode overlaps a range: the lookup behind editorial matching.</summary>
    Task<IReadOnlyList<ClipRecord>> FindByReelAndTimecodeAsync(string reel, TimecodeRange range, CancellationToken cancellationToken = default);

    /// <summary>One clip by identity, or null.</summary>
    Task<ClipRecord?> FindAsync(string identity, CancellationToken cancellationToken = default);

    /// <summary>The camera-format cards: clips grouped by camera letter, model, sensor mode, codec and squeeze.</summary>
    Task<IReadOnlyList<FormatCard>> FormatsAsync(CancellationToken cancellationToken = default);

    /// <summary>The timecode rate most catalogued clips count in (clips with a timecode and frames), or null for none.</summary>
    Task<Contracts.Time.FrameRate?> CommonTimecodeRateAsync(CancellationToken cancellationToken = default);

    /// <summary>How many clips are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
