using Rushes.Contracts.Imaging;
using Rushes.Host.Fdl.Imaging;
using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Host.Fdl.Tests;

/// <summary>Pixels land where the result FDL says.</summary>
public sealed class ImageFramingTests
{
    private static PlanarImage Fill(int width, int height, Func<int, int, float> value)
    {
        var image = new PlanarImage(width, height);
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < height; y++)
            {
                var row = image.GetRow(c, y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = value(x, y) * (c + 1);
                }
            }
        }

        return image;
    }

    [Theory]
    [InlineData(ResampleFilter.Lanczos3)]
    [InlineData(ResampleFilter.Bilinear)]
    public void Unit_scale_at_a_whole_pixel_offset_copies_exactly(ResampleFilter filter)
    {
        using var source = Fill(67, 41, (x, y) => ((x * 31) + (y * 17)) % 11 / 10f);
        using var output = FramingResampler.Resample(source, 80, 50, 1, 1, 5, 3, filter);
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 41; y++)
            {
                for (var x = 0; x < 67; x++)
                {
                    Assert.Equal(source.GetRow(c, y)[x], output.GetRow(c, y + 3)[x + 5], 6);
                }
            }
        }

        Assert.Equal(0, output.GetRow(0, 1)[1]);
        Assert.Equal(0, output.GetRow(2, 49)[79]);
    }

    [Theory]
    [InlineData(ResampleFilter.Lanczos3, 0.37)]
    [InlineData(ResampleFilter.Lanczos3, 2.5)]
    [InlineData(ResampleFilter.Bilinear, 0.5)]
    [InlineData(ResampleFilter.Bilinear, 1.7)]
    public void A_flat_field_stays_flat_where_the_source_covers(ResampleFilter filter, double scale)
    {
        using var source = Fill(120, 90, (_, _) => 0.25f);
        var width = (int)(120 * scale);
        var height = (int)(90 * scale);
        using var output = FramingResampler.Resample(source, width, height, scale, scale, 0, 0, filter);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal(0.75f, output.GetRow(2, y)[x], 4);
            }
        }
    }

    /// <summary>
    /// A source whose framing decision is white on black: after applying an anamorphic, padded
    /// template, the white lands on the result's framing decision, edges within a pixel.
    /// </summary>
    [Theory]
    [InlineData(1.0, ResampleFilter.Lanczos3)]
    [InlineData(2.0, ResampleFilter.Lanczos3)]
    [InlineData(1.3, ResampleFilter.Bilinear)]
    public void The_framing_decision_lands_where_the_result_says(double squeeze, ResampleFilter filter)
    {
        var decision = new FramingDecision { Id = "1-1", FramingIntentId = "1", Dimensions = new FloatDimensions(600, 300), AnchorPoint = new AnchorPoint(100, 90) };
        var canvas = new Canvas { Id = "1", SourceCanvasId = "1", Dimensions = new IntDimensions(800, 480), AnamorphicSqueeze = squeeze, FramingDecisions = [decision] };
        var context = new FdlContext { Label = "cam", Canvases = [canvas] };
        var doc = new FdlDocument { Uuid = Guid.NewGuid().ToString(), Version = FdlVersion.Current, FramingIntents = [new FramingIntent { Id = "1", AspectRatio = new IntDimensions(2, 1) }], Contexts = [context] };
        var template = new CanvasTemplate
        {
            Id = "T",
            Label = "T",
            TargetDimensions = new IntDimensions(640, 360),
            TargetAnamorphicSqueeze = 1,
            FitSource = LayerPaths.Framing,
            FitMethod = "fit_all",
            PreserveFromSourceCanvas = LayerPaths.Canvas,
            MaximumDimensions = new IntDimensions(720, 405),
            PadToMaximum = true,
        };
        var result = CanvasTemplateApplier.Apply(doc, context, canvas, decision, template);
        using var source = Fill(800, 480, (x, y) => x >= 100 && x < 700 && y >= 90 && y < 390 ? 1f : 0f);
        using var framed = FramingResampler.Frame(source, result, filter);

        Assert.Equal(720, framed.Width);
        Assert.Equal(405, framed.Height);
        var f = result.FramingDecision;
        var left = f.AnchorPoint.X;
        var right = f.AnchorPoint.X + f.Dimensions.Width;
        var top = f.AnchorPoint.Y;
        var bottom = f.AnchorPoint.Y + f.Dimensions.Height;
        var midY = (int)((top + bottom) / 2);
        var midX = (int)((left + right) / 2);
        var red = framed.GetPlane(0).ToArray();
        float At(double x, double y) => red[((int)y * framed.Width) + (int)x];

        // Inside by two pixels: white; outside by two pixels: black (Lanczos rings by a few percent).
        Assert.InRange(At(left + 2, midY), 0.9, 1.1);
        Assert.InRange(At(left - 2, midY), -0.1, 0.1);
        Assert.InRange(At(right - 2, midY), 0.9, 1.1);
        Assert.InRange(At(right + 2, midY), -0.1, 0.1);
        Assert.InRange(At(midX, top + 2), 0.9, 1.1);
        Assert.InRange(At(midX, top - 2), -0.1, 0.1);
        Assert.InRange(At(midX, bottom - 2), 0.9, 1.1);
        Assert.InRange(At(midX, bottom + 2), -0.1, 0.1);

        // The edge itself is half way: the transition is centred on the FDL's fractional edge.
        var edge = (int)Math.Floor(left);
        var fraction = left - edge;
        Assert.InRange(At(edge, midY), 1 - fraction - 0.2, 1 - fraction + 0.2);
    }

    [Fact]
    public void Default_framing_fits_the_desqueezed_frame_and_pads()
    {
        // 2880x2160 at 2x is 5760x2160 to the eye (2.67:1): it fits 1920 wide, letterboxed in 1080.
        var result = DefaultFraming.For(2880, 2160, 2, 1920, 1080);
        Assert.Equal(new IntDimensions(1920, 1080), result.Canvas.Dimensions);
        Assert.Equal(1920, result.FramingDecision.Dimensions.Width, 6);
        Assert.Equal(720, result.FramingDecision.Dimensions.Height, 6);
        Assert.Equal(180, result.FramingDecision.AnchorPoint.Y, 6);
        Assert.Equal(1920.0 / 2880, result.HorizontalScale, 9);
        Assert.Equal(1080.0 / 2160 * (720.0 / 1080), result.ScaleFactor, 9);
    }
}
