namespace Rushes.Host.Amf.Model;

/// <summary>An ACES Metadata File: one model for v1.0 and v2.0.</summary>
public sealed record AmfDocument
{
    /// <summary><c>1.0</c> or <c>2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The document header.</summary>
    public required AmfInfo Info { get; init; }

    /// <summary>The clip it belongs to.</summary>
    public AmfClipId? ClipId { get; init; }

    /// <summary>The active pipeline.</summary>
    public required AmfPipeline Pipeline { get; init; }

    /// <summary>Earlier pipelines, kept as history.</summary>
    public IReadOnlyList<AmfPipeline> ArchivedPipelines { get; init; } = [];

    /// <summary>Compares content, not list identities.</summary>
    public bool Equals(AmfDocument? other)
        => other is not null && Version == other.Version && Info.Description == other.Info.Description && Info.Authors.SequenceEqual(other.Info.Authors)
           && Info.DateTime == other.Info.DateTime && Info.Uuid == other.Info.Uuid && ClipId == other.ClipId && Pipeline.Equals(other.Pipeline)
           && ArchivedPipelines.SequenceEqual(other.ArchivedPipelines);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Info.Uuid);
}
