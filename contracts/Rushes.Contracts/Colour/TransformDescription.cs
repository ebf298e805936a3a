using Rushes.Contracts.Parameters;

namespace Rushes.Contracts.Colour;

/// <summary>A plain description of one transform to compile: which, which way, and with what.</summary>
public sealed record TransformDescription
{
    /// <summary>The transform's id or one of its aliases.</summary>
    public required string TransformId { get; init; }

    /// <summary>Forward or inverse.</summary>
    public TransformDirection Direction { get; init; } = TransformDirection.Forward;

    /// <summary>Values for the transform's declared parameters.</summary>
    public ParameterValues Parameters { get; init; } = ParameterValues.Empty;

    /// <summary>The file a file-based transform reads, as a full path.</summary>
    public string? FilePath { get; init; }

    /// <summary>Which entry of a multi-entry file to use (a ColorCorrection id in a .ccc or .cdl).</summary>
    public string? Selector { get; init; }
}
