using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl;

/// <summary>
/// Makes a framing decision from a framing intent on a canvas, as on set (spec §7.3 and Appendix A):
/// the largest rectangle of the intent's aspect that fits the working area (the effective area, else
/// the canvas), in square pixels so that anamorphic canvases frame correctly; the protection is that
/// rectangle, and the framing is it shrunk by the protection fraction; both centred and rounded.
/// </summary>
public static class FramingFromIntent
{
    /// <summary>Derives the decision; the rounding defaults to the spec's example (even, round).</summary>
    public static FramingDecision Derive(Canvas canvas, FramingIntent intent, RoundingStrategy? rounding = null)
    {
        rounding ??= new RoundingStrategy("even", "round");
        var areaSize = canvas.EffectiveDimensions ?? canvas.Dimensions;
        var areaAnchor = canvas.EffectiveDimensions is null ? AnchorPoint.Origin : canvas.EffectiveAnchorPoint ?? AnchorPoint.Origin;
        var squeeze = canvas.AnamorphicSqueeze > 0 ? canvas.AnamorphicSqueeze : 1;
        var intentAspect = (double)intent.AspectRatio.Width / intent.AspectRatio.Height;
        var areaAspect = areaSize.Width * squeeze / areaSize.Height;

        // In stored (squeezed) pixels: a wider intent takes the full width, a taller one the full height.
        double width, height;
        if (intentAspect >= areaAspect)
        {
            width = areaSize.Width;
            height = width * squeeze / intentAspect;
        }
        else
        {
            height = areaSize.Height;
            width = height * intentAspect / squeeze;
        }

        var protectedWidth = Round(width, areaSize.Width, rounding);
        var protectedHeight = Round(height, areaSize.Height, rounding);
        var framingWidth = intent.Protection > 0 ? Round(protectedWidth * (1 - intent.Protection), protectedWidth, rounding) : protectedWidth;
        var framingHeight = intent.Protection > 0 ? Round(protectedHeight * (1 - intent.Protection), protectedHeight, rounding) : protectedHeight;
        var protectionAnchor = new AnchorPoint(areaAnchor.X + ((areaSize.Width - protectedWidth) / 2), areaAnchor.Y + ((areaSize.Height - protectedHeight) / 2));
        return new FramingDecision
        {
            Id = $"{canvas.Id}-{intent.Id}",
            Label = intent.Label,
            FramingIntentId = intent.Id,
            Dimensions = new FloatDimensions(framingWidth, framingHeight),
            AnchorPoint = new AnchorPoint(protectionAnchor.X + ((protectedWidth - framingWidth) / 2), protectionAnchor.Y + ((protectedHeight - framingHeight) / 2)),
            ProtectionDimensions = intent.Protection > 0 ? new FloatDimensions(protectedWidth, protectedHeight) : null,
            ProtectionAnchorPoint = intent.Protection > 0 ? protectionAnchor : null,
        };
    }

    /// <summary>Rounds by the strategy, but never past the area it must fit in (then it rounds down).</summary>
    private static double Round(double value, double limit, RoundingStrategy rounding)
    {
        var rounded = Templates.CanvasTemplateApplier.RoundCanvas(value, rounding);
        return rounded <= limit ? rounded : Templates.CanvasTemplateApplier.RoundCanvas(Math.Min(value, limit), rounding with { Mode = "down" });
    }
}
