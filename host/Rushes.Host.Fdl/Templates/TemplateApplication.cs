using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl.Templates;

/// <summary>
/// The result of applying a canvas template: the output document, its new context, canvas and framing
/// decision, and the numbers an image pipeline needs to make pixels land where the FDL says.
/// </summary>
public sealed record TemplateApplication
{
    /// <summary>The output FDL: the source canvas and the new one in one context, the intents and the template.</summary>
    public required FdlDocument Document { get; init; }

    /// <summary>The new canvas.</summary>
    public required Canvas Canvas { get; init; }

    /// <summary>The new framing decision on it.</summary>
    public required FramingDecision FramingDecision { get; init; }

    /// <summary>Source pixels to output pixels, vertically (horizontally it also carries the squeeze change).</summary>
    public required double ScaleFactor { get; init; }

    /// <summary>The horizontal scale from source pixels to output pixels: <c>ScaleFactor × sourceSqueeze ÷ targetSqueeze</c>.</summary>
    public required double HorizontalScale { get; init; }

    /// <summary>The scaled source canvas before rounding: the true extent of the resampled image.</summary>
    public required FloatDimensions ScaledBoundingBox { get; init; }

    /// <summary>Where the scaled source canvas's top-left corner lands in the output canvas.</summary>
    public required AnchorPoint ContentTranslation { get; init; }

    /// <summary>
    /// Where the source-canvas origin lands in the output, in output pixels: the content translation
    /// less the scaled anchor of the layer the output was cut around.
    /// </summary>
    public required AnchorPoint SourceOrigin { get; init; }
}
