namespace Rushes.Host.Amf.Model;

/// <summary>
/// An ASC CDL carried inline in a look (slope, offset, power per channel, then saturation), with the
/// element names it was written with (<c>SOPNode</c>/<c>SatNode</c> or their <c>ASC_SOP</c>/<c>ASC_SAT</c> substitutes).
/// </summary>
public sealed record AmfCdl(IReadOnlyList<double> Slope, IReadOnlyList<double> Offset, IReadOnlyList<double> Power, double Saturation)
{
    /// <summary>The SOP element's local name.</summary>
    public string SopElement { get; init; } = "SOPNode";

    /// <summary>The saturation element's local name.</summary>
    public string SatElement { get; init; } = "SatNode";

    /// <summary>Compares values, not list identities.</summary>
    public bool Equals(AmfCdl? other)
        => other is not null && Slope.SequenceEqual(other.Slope) && Offset.SequenceEqual(other.Offset) && Power.SequenceEqual(other.Power)
           && Saturation.Equals(other.Saturation) && SopElement == other.SopElement && SatElement == other.SatElement;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Saturation, SopElement, SatElement, Slope.Count);
}

/// <summary>A hash of a referenced transform, as written: the algorithm URI and the digest text.</summary>
public sealed record AmfHash(string Algorithm, string Value);
