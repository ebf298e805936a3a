using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Host.Fdl.Tests;

/// <summary>Framing from intents, the worked examples of the spec and the containment invariants.</summary>
public sealed class FramingTests
{
    private static Canvas Canvas(int w, int h, double squeeze = 1) => new() { Id = "1", SourceCanvasId = "1", Dimensions = new IntDimensions(w, h), AnamorphicSqueeze = squeeze };

    [Fact]
    public void Appendix_A_two_to_one_with_ten_percent_protection()
    {
        var decision = FramingFromIntent.Derive(Canvas(4448, 3096), new FramingIntent { Id = "1", AspectRatio = new IntDimensions(2, 1), Protection = 0.1 });
        Assert.Equal(new FloatDimensions(4448, 2224), decision.ProtectionDimensions);
        Assert.Equal(new AnchorPoint(0, 436), decision.ProtectionAnchorPoint);
        Assert.Equal(new FloatDimensions(4004, 2002), decision.Dimensions);
        Assert.Equal(new AnchorPoint(222, 547), decision.AnchorPoint);
        Assert.Equal("1-1", decision.Id);
    }

    [Fact]
    public void An_anamorphic_canvas_frames_in_square_pixels()
    {
        // 2x squeeze: 4448x3096 stored shows as 8896x3096; 2.39:1 takes the full height in square pixels.
        var decision = FramingFromIntent.Derive(Canvas(4448, 3096, 2), new FramingIntent { Id = "1", AspectRatio = new IntDimensions(239, 100) });
        Assert.Equal(3096, decision.Dimensions.Height);
        Assert.Equal(3700, decision.Dimensions.Width); // 3096 × 2.39 ÷ 2 = 3699.72, even-rounded
        Assert.Null(decision.ProtectionDimensions);
    }

    private static (FdlDocument Doc, FdlContext Context, Canvas Canvas, FramingDecision Decision) Source()
    {
        var intent = new FramingIntent { Id = "1", AspectRatio = new IntDimensions(16, 9) };
        var decision = new FramingDecision { Id = "1-1", FramingIntentId = "1", Dimensions = new FloatDimensions(4004, 2252), AnchorPoint = new AnchorPoint(222, 422) };
        var canvas = Canvas(4448, 3096) with { FramingDecisions = [decision] };
        var context = new FdlContext { Label = "cam", Canvases = [canvas] };
        return (new FdlDocument { Uuid = Guid.NewGuid().ToString(), Version = FdlVersion.Current, FramingIntents = [intent], Contexts = [context] }, context, canvas, decision);
    }

    private static CanvasTemplate Template(IntDimensions? max = null, bool pad = false) => new()
    {
        Id = "T",
        Label = "t",
        TargetDimensions = new IntDimensions(3840, 2160),
        TargetAnamorphicSqueeze = 1,
        FitSource = LayerPaths.Framing,
        FitMethod = "width",
        PreserveFromSourceCanvas = LayerPaths.Canvas,
        MaximumDimensions = max,
        PadToMaximum = pad,
    };

    [Fact]
    public void Spec_7_4_9_preserve_the_canvas_fitting_the_framing_by_width()
    {
        var (doc, context, canvas, decision) = Source();
        var result = CanvasTemplateApplier.Apply(doc, context, canvas, decision, Template());
        Assert.Equal(0.959041, result.ScaleFactor, 6);
        Assert.Equal(new IntDimensions(4266, 2970), result.Canvas.Dimensions);
    }

    [Theory]
    [InlineData(false, 4266, 2970)]
    [InlineData(true, 5000, 3496)]
    public void Spec_7_4_11_maximum_dimensions_with_and_without_padding(bool pad, int width, int height)
    {
        var (doc, context, canvas, decision) = Source();
        var result = CanvasTemplateApplier.Apply(doc, context, canvas, decision, Template(new IntDimensions(5000, 3496), pad));
        Assert.Equal(new IntDimensions(width, height), result.Canvas.Dimensions);
    }

    [Fact]
    public void Spec_7_4_10_a_smaller_maximum_crops_rather_than_scales()
    {
        var (doc, context, canvas, decision) = Source();
        var result = CanvasTemplateApplier.Apply(doc, context, canvas, decision, Template(new IntDimensions(4096, 2160)));
        Assert.Equal(new IntDimensions(4096, 2160), result.Canvas.Dimensions);
        Assert.Equal(0.959041, result.ScaleFactor, 6);
        Assert.Equal(3840, result.FramingDecision.Dimensions.Width, 6);
    }

    [Theory]
    [InlineData(1608.75, "even", "round", 1608)]
    [InlineData(1608.75, "even", "up", 1610)]
    [InlineData(1608.75, "even", "down", 1608)]
    [InlineData(1608.75, "whole", "round", 1609)]
    [InlineData(1608.75, "whole", "up", 1609)]
    [InlineData(1608.75, "whole", "down", 1608)]
    public void Rounding_follows_the_spec_example(double value, string even, string mode, int expected)
        => Assert.Equal(expected, CanvasTemplateApplier.RoundCanvas(value, new RoundingStrategy(even, mode)));

    [Fact]
    public void Asking_for_protection_the_source_lacks_is_an_error_naming_the_layer()
    {
        var (doc, context, canvas, decision) = Source();
        var template = Template() with { FitSource = LayerPaths.Protection, PreserveFromSourceCanvas = null };
        var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => CanvasTemplateApplier.Apply(doc, context, canvas, decision, template));
        Assert.Equal(LayerPaths.Protection, error.Field);
        Assert.Contains("has no protection", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Random canvases, intents, templates: canvas ≥ effective ≥ protection ≥ framing always holds, inside the canvas.</summary>
    [Fact]
    public void Containment_holds_for_random_inputs()
    {
        var random = new Random(20261125);
        string[] fits = ["width", "height", "fit_all", "fill"];
        string[] horizontal = ["left", "center", "right"];
        string[] vertical = ["top", "center", "bottom"];
        var croppedAway = 0;
        for (var i = 0; i < 2000; i++)
        {
            var squeeze = new[] { 1.0, 1.3, 1.5, 1.8, 2.0 }[random.Next(5)];
            var canvas = Canvas(random.Next(640, 9000), random.Next(480, 6000), squeeze);
            var intent = new FramingIntent { Id = "1", AspectRatio = new IntDimensions(random.Next(100, 320), 100), Protection = random.Next(0, 3) * 0.05 };
            var decision = FramingFromIntent.Derive(canvas, intent);
            canvas = canvas with { FramingDecisions = [decision] };
            var context = new FdlContext { Label = "c", Canvases = [canvas] };
            var doc = new FdlDocument { Uuid = Guid.NewGuid().ToString(), Version = FdlVersion.Current, FramingIntents = [intent], Contexts = [context] };
            var target = new IntDimensions(random.Next(320, 4096), random.Next(240, 2160));
            var hasMax = random.Next(3) == 0;
            var template = new CanvasTemplate
            {
                Id = "T",
                TargetDimensions = target,
                TargetAnamorphicSqueeze = new[] { 0.0, 1.0, 2.0 }[random.Next(3)],
                FitSource = decision.ProtectionDimensions is null
                    ? new[] { LayerPaths.Canvas, LayerPaths.Framing }[random.Next(2)]
                    : new[] { LayerPaths.Canvas, LayerPaths.Protection, LayerPaths.Framing }[random.Next(3)],
                FitMethod = fits[random.Next(4)],
                AlignmentMethodHorizontal = horizontal[random.Next(3)],
                AlignmentMethodVertical = vertical[random.Next(3)],
                PreserveFromSourceCanvas = random.Next(2) == 0 ? null : LayerPaths.Canvas,
                MaximumDimensions = hasMax ? new IntDimensions(target.Width + random.Next(0, 600), target.Height + random.Next(0, 600)) : null,
                PadToMaximum = hasMax && random.Next(2) == 0,
                Round = new RoundingStrategy(random.Next(2) == 0 ? "even" : "whole", new[] { "up", "down", "round" }[random.Next(3)]),
            };
            TemplateApplication result;
            try
            {
                result = CanvasTemplateApplier.Apply(doc, context, canvas, decision, template);
            }
            catch (Rushes.Contracts.Plugins.InputException ex) when (ex.Message.Contains("out of the output entirely", StringComparison.Ordinal))
            {
                croppedAway++;
                continue;
            }

            var c = result.Canvas;
            var e = c.EffectiveDimensions!.Value;
            var ea = c.EffectiveAnchorPoint!.Value;
            var f = result.FramingDecision;
            const double eps = 1e-6;
            var where = $"case {i}: {template} on {canvas.Dimensions} sq {squeeze} with {decision}: {FdlWriter.Write(result.Document)}";
            Assert.True(e.Width <= c.Dimensions.Width && e.Height <= c.Dimensions.Height, where);
            Assert.True(ea.X >= -eps && ea.Y >= -eps && ea.X + e.Width <= c.Dimensions.Width + eps && ea.Y + e.Height <= c.Dimensions.Height + eps, where);
            var outer = f.ProtectionDimensions ?? new FloatDimensions(e.Width, e.Height);
            if (f.ProtectionDimensions is { } p)
            {
                Assert.True(p.Width <= e.Width + eps && p.Height <= e.Height + eps, where);
                Assert.True(f.ProtectionAnchorPoint!.Value.X >= -eps && f.ProtectionAnchorPoint.Value.X + p.Width <= c.Dimensions.Width + eps, where);
            }

            Assert.True(f.Dimensions.Width <= outer.Width + eps && f.Dimensions.Height <= outer.Height + eps, where);
            Assert.True(f.AnchorPoint.X >= -eps && f.AnchorPoint.Y >= -eps, where);
            Assert.True(f.AnchorPoint.X + f.Dimensions.Width <= c.Dimensions.Width + eps && f.AnchorPoint.Y + f.Dimensions.Height <= c.Dimensions.Height + eps, where);
            Assert.True(f.Dimensions.Width > 0 && f.Dimensions.Height > 0, where);
        }

        // Only degenerate templates (an edge-aligned crop far from the framing) crop it away.
        Assert.InRange(croppedAway, 0, 200);
    }
}
