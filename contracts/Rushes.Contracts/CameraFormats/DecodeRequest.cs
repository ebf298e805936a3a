using Rushes.Contracts.Parameters;

namespace Rushes.Contracts.CameraFormats;

/// <summary>How to decode a frame.</summary>
public sealed record DecodeRequest
{
    /// <summary>Decode at full resolution with default parameters.</summary>
    public static DecodeRequest Default { get; } = new();

    /// <summary>The resolution level.</summary>
    public ResolutionLevel Resolution { get; init; } = ResolutionLevel.Full;

    /// <summary>Values for the format's declared <see cref="ICameraFormat.DecodeParameters"/>.</summary>
    public ParameterValues Parameters { get; init; } = ParameterValues.Empty;

    /// <summary>RGB pixels, or the mosaic.</summary>
    public DecodeOutput Output { get; init; } = DecodeOutput.Rgb;
}
