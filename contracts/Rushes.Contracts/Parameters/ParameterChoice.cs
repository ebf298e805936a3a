namespace Rushes.Contracts.Parameters;

/// <summary>One allowed value of a <see cref="ParameterType.Choice"/> parameter.</summary>
public sealed record ParameterChoice
{
    /// <summary>The value as written in jobs and on the command line (for example <c>ahd</c>).</summary>
    public required string Value { get; init; }

    /// <summary>A human-readable label (for example <c>Adaptive homogeneity-directed</c>).</summary>
    public string? Label { get; init; }
}
