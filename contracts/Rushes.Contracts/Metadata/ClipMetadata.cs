namespace Rushes.Contracts.Metadata;

/// <summary>
/// A clip's metadata: the vendor's own fields, kept whole, and the normalized fields
/// (keys from <see cref="NormalizedField"/>) that the plugin derived from them.
/// </summary>
public sealed record ClipMetadata
{
    /// <summary>Everything the source carries, namespaced by source.</summary>
    public required MetadataSet Vendor { get; init; }

    /// <summary>The workflow-critical fields in normalized units.</summary>
    public required MetadataSet Normalized { get; init; }

    /// <summary>No metadata.</summary>
    public static ClipMetadata Empty { get; } = new() { Vendor = MetadataSet.Empty, Normalized = MetadataSet.Empty };
}
