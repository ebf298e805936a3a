namespace Rushes.Host.Amf.Model;

/// <summary>A colour pipeline: its header, then the input, looks (and working-location markers) and output in document order.</summary>
public sealed record AmfPipeline
{
    /// <summary>The pipeline header.</summary>
    public required AmfInfo Info { get; init; }

    /// <summary>The ACES system version.</summary>
    public AmfSystemVersion? SystemVersion { get; init; }

    /// <summary>The transforms in document order.</summary>
    public IReadOnlyList<AmfTransform> Transforms { get; init; } = [];

    /// <summary>The input transform, when there is one.</summary>
    public AmfTransform? Input => Transforms.FirstOrDefault(t => t.Element == AmfElements.InputTransform);

    /// <summary>The look transforms, in the order they apply.</summary>
    public IEnumerable<AmfTransform> Looks => Transforms.Where(t => t.Element == AmfElements.LookTransform);

    /// <summary>The output transform, when there is one.</summary>
    public AmfTransform? Output => Transforms.FirstOrDefault(t => t.Element == AmfElements.OutputTransform);

    /// <summary>Compares content, not list identities.</summary>
    public bool Equals(AmfPipeline? other)
        => other is not null && Equals(Info.Description, other.Info.Description) && Info.Authors.SequenceEqual(other.Info.Authors)
           && Info.DateTime == other.Info.DateTime && Info.Uuid == other.Info.Uuid && SystemVersion == other.SystemVersion
           && Transforms.SequenceEqual(other.Transforms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Info.Uuid, Transforms.Count);
}
