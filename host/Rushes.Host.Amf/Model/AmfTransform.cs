namespace Rushes.Host.Amf.Model;

/// <summary>
/// One transform element of a pipeline: <c>inputTransform</c>, <c>lookTransform</c>, <c>outputTransform</c>,
/// the <c>workingLocation</c> marker, or a part of one (an ODT, an inverse RRT, a CDL working-space step).
/// It names its transform by exactly one of transformId, file or uuid, or is made of parts, or (a
/// look) carries a CDL inline or by reference.
/// </summary>
public sealed record AmfTransform
{
    /// <summary>The element's local name, e.g. <c>lookTransform</c>.</summary>
    public required string Element { get; init; }

    /// <summary>Whether it is already in the pixels (input, look and output transforms).</summary>
    public bool? Applied { get; init; }

    /// <summary>What it does.</summary>
    public string? Description { get; init; }

    /// <summary>A hash of the referenced transform.</summary>
    public AmfHash? Hash { get; init; }

    /// <summary>An ACES transformId URN.</summary>
    public string? TransformId { get; init; }

    /// <summary>A file, relative to the AMF's folder (a CLF, a LUT, a .cc/.ccc/.cdl).</summary>
    public string? File { get; init; }

    /// <summary>A uuid naming a custom transform.</summary>
    public string? Uuid { get; init; }

    /// <summary>Sub-transforms, in document order: RRT then ODT, inverse ODT then inverse RRT, the CDL working space's to and from.</summary>
    public IReadOnlyList<AmfTransform> Parts { get; init; } = [];

    /// <summary>An inline CDL (looks).</summary>
    public AmfCdl? Cdl { get; init; }

    /// <summary>The id of a ColorCorrection in <see cref="File"/> (looks that reference a .ccc or .cdl).</summary>
    public string? ColorCorrectionRef { get; init; }

    /// <summary>The line it starts on in the file it was read from (0 when made in code).</summary>
    public int Line { get; init; }

    /// <summary>The part with the given element name, or null.</summary>
    public AmfTransform? Part(string element) => Parts.FirstOrDefault(p => p.Element == element);

    /// <summary>Compares content, not list identities or line numbers.</summary>
    public bool Equals(AmfTransform? other)
        => other is not null && Element == other.Element && Applied == other.Applied && Description == other.Description && Hash == other.Hash
           && TransformId == other.TransformId && File == other.File && Uuid == other.Uuid && Parts.SequenceEqual(other.Parts)
           && Equals(Cdl, other.Cdl) && ColorCorrectionRef == other.ColorCorrectionRef;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Element, Applied, TransformId, File, Uuid);
}
