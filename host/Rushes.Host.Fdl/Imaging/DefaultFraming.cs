using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Host.Fdl.Imaging;

/// <summary>
/// Framing when no FDL is given (Netflix's rule): the full source frame, de-squeezed, scaled to fit the
/// deliverable size with its aspect ratio kept, centred, and padded to the deliverable size.
/// </summary>
public static class DefaultFraming
{
    /// <summary>The template application that does it, so the rest of the pipeline sees one kind of framing.</summary>
    public static TemplateApplication For(int sourceWidth, int sourceHeight, double squeeze, int targetWidth, int targetHeight)
    {
        var intent = new FramingIntent { Id = "full", AspectRatio = new IntDimensions(sourceWidth, sourceHeight) };
        var decision = new FramingDecision
        {
            Id = "source-full",
            FramingIntentId = "full",
            Dimensions = new FloatDimensions(sourceWidth, sourceHeight),
            AnchorPoint = AnchorPoint.Origin,
        };
        var canvas = new Canvas
        {
            Id = "source",
            Label = "source",
            SourceCanvasId = "source",
            Dimensions = new IntDimensions(sourceWidth, sourceHeight),
            AnamorphicSqueeze = squeeze,
            FramingDecisions = [decision],
        };
        var context = new FdlContext { Label = "default framing", Canvases = [canvas] };
        var document = new FdlDocument { Uuid = Guid.NewGuid().ToString(), Version = FdlVersion.Current, FramingIntents = [intent], Contexts = [context] };
        var template = new CanvasTemplate
        {
            Id = "default",
            Label = "Default framing",
            TargetDimensions = new IntDimensions(targetWidth, targetHeight),
            TargetAnamorphicSqueeze = 1,
            FitSource = LayerPaths.Framing,
            FitMethod = "fit_all",
            PreserveFromSourceCanvas = LayerPaths.Canvas,
            MaximumDimensions = new IntDimensions(targetWidth, targetHeight),
            PadToMaximum = true,
            Round = new RoundingStrategy("whole", "round"),
        };
        return CanvasTemplateApplier.Apply(document, context, canvas, decision, template, new TemplateOptions { NewCanvasId = "deliverable" });
    }
}
