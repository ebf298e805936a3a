using Rushes.Contracts.Parameters;

namespace Rushes.Contracts.Colour;

/// <summary>A transform a provider knows, by its ACES transformId and aliases.</summary>
public sealed record TransformInfo
{
    /// <summary>
    /// The canonical id: an ACES transformId URN such as <c>urn:ampas:aces:transformId:v2.0:CSC.Academy.ACES_to_ACEScct.a2.v1</c>,
    /// or a reverse-DNS id for transforms outside the registry.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Other names that resolve to it: older URNs, OpenColorIO built-in names, short names.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>What it does, in a sentence.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Where it sits in a pipeline.</summary>
    public required TransformCategory Category { get; init; }

    /// <summary>True when <see cref="TransformDirection.Inverse"/> can be compiled.</summary>
    public bool Invertible { get; init; }

    /// <summary>True when the transform reads a file (a LUT, CLF or CDL) named in <see cref="TransformDescription.FilePath"/>.</summary>
    public bool RequiresFile { get; init; }

    /// <summary>Parameters it takes (exposure index, CDL values, peak luminance).</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];
}
