using Rushes.Contracts.Imaging;
using Rushes.Host.Fdl.Imaging;
using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;
using Xunit.Abstractions;

namespace Rushes.Host.Fdl.Tests;

/// <summary>
/// #5, done when: "an image framed by an FDL template lands where the result FDL says". The source
/// carries its framing decision as a white rectangle on black (edge pixels covered in part get their
/// coverage, so fractional anchors are drawn exactly); after the canvas template and the resampler,
/// each of the four edges is found where the picture crosses half way, and must sit on the result
/// FDL's framing decision to a tenth of a pixel. A symmetric filter puts a continuous step's half-way
/// point on the step; sampled, the taps of a kernel at a fractional phase are not symmetric about it,
/// and the half-way point moves by a few hundredths of a pixel (up to 0.081 measured here, for both
/// filters; oiiotool's lanczos3 and triangle resizes agree with ours to 1e-4, see docs/PERFORMANCE.md).
/// A misplacement by a whole or half pixel, a swapped squeeze or a wrong origin fails by far.
/// </summary>
public sealed class FramedEdgeTests(ITestOutputHelper output)
{
    private const double Tolerance = 0.1;

    [Theory]
    [InlineData(2.0, 700, 338, 150, 40, ResampleFilter.Lanczos3)]
    [InlineData(2.0, 700, 338, 150, 40, ResampleFilter.Bilinear)]
    [InlineData(2.0, 700, 338, 150.5, 40.25, ResampleFilter.Lanczos3)]
    [InlineData(1.3, 400, 500, 121.75, 33.5, ResampleFilter.Lanczos3)]
    [InlineData(1.3, 400, 500, 121.75, 33.5, ResampleFilter.Bilinear)]
    [InlineData(1.0, 600, 400, 97.25, 61.75, ResampleFilter.Lanczos3)]
    public void Each_edge_of_the_framing_decision_lands_on_the_result_within_a_tenth_of_a_pixel(double squeeze, double width, double height, double anchorX, double anchorY, ResampleFilter filter)
    {
        // De-squeezed, the first three are wider than 16:9 and letterbox (fractional top and bottom),
        // the others narrower and pillarbox (fractional left and right); all are padded to a larger
        // maximum so that every edge has picture on one side and padding on the other.
        var decision = new FramingDecision { Id = "1-1", FramingIntentId = "1", Dimensions = new FloatDimensions(width, height), AnchorPoint = new AnchorPoint(anchorX, anchorY) };
        var canvas = new Canvas { Id = "1", SourceCanvasId = "1", Dimensions = new IntDimensions(1000, 600), AnamorphicSqueeze = squeeze, FramingDecisions = [decision] };
        var context = new FdlContext { Label = "camera", Canvases = [canvas] };
        var document = new FdlDocument { Uuid = Guid.NewGuid().ToString(), Version = FdlVersion.Current, FramingIntents = [new FramingIntent { Id = "1", AspectRatio = new IntDimensions(2, 1) }], Contexts = [context] };
        var template = new CanvasTemplate
        {
            Id = "hd",
            Label = "HD",
            TargetDimensions = new IntDimensions(640, 360),
            TargetAnamorphicSqueeze = 1,
            FitSource = LayerPaths.Framing,
            FitMethod = "fit_all",
            MaximumDimensions = new IntDimensions(720, 405),
            PadToMaximum = true,
        };
        var result = CanvasTemplateApplier.Apply(document, context, canvas, decision, template);
        var f = result.FramingDecision;
        var (left, top) = (f.AnchorPoint.X, f.AnchorPoint.Y);
        var (right, bottom) = (left + f.Dimensions.Width, top + f.Dimensions.Height);

        // The case must exercise a real de-squeeze and fractional placement.
        Assert.Equal(new IntDimensions(720, 405), result.Canvas.Dimensions);
        Assert.True(Math.Abs(top - Math.Round(top)) > 0.01 || Math.Abs(left - Math.Round(left)) > 0.01, $"placement ({left}, {top}) is whole");

        using var source = Rectangle(1000, 600, anchorX, anchorY, anchorX + width, anchorY + height);
        using var framed = FramingResampler.Frame(source, result, filter);
        var plane = framed.GetPlane(0).ToArray();
        float At(int x, int y) => plane[(y * framed.Width) + x];

        var worst = 0.0;
        void Check(string edge, double expected, double found)
        {
            output.WriteLine($"{edge}: result FDL {expected:F4}, picture {found:F4}");
            worst = Math.Max(worst, Math.Abs(found - expected));
            Assert.True(Math.Abs(found - expected) <= Tolerance, $"{edge} edge at {found:F4}, result FDL says {expected:F4} ({filter}, squeeze {squeeze})");
        }

        // Several lines across the middle half of each side, away from the corners.
        foreach (var t in (double[])[0.3, 0.5, 0.7])
        {
            var y = (int)(top + (t * (bottom - top)));
            var x = (int)(left + (t * (right - left)));
            Check("left", left, Crossing(i => At(i, y), left, rising: true));
            Check("right", right, Crossing(i => At(i, y), right, rising: false));
            Check("top", top, Crossing(i => At(x, i), top, rising: true));
            Check("bottom", bottom, Crossing(i => At(x, i), bottom, rising: false));
        }

        output.WriteLine($"worst {worst:E2} px");
    }

    /// <summary>
    /// Where samples (at pixel centres i + 0.5) cross 0.5 near <paramref name="near"/>, interpolated
    /// linearly between the two samples either side.
    /// </summary>
    private static double Crossing(Func<int, float> sample, double near, bool rising)
    {
        for (var i = (int)Math.Floor(near) - 4; i <= (int)Math.Floor(near) + 3; i++)
        {
            var (a, b) = (sample(i), sample(i + 1));
            if (rising ? a < 0.5f && b >= 0.5f : a >= 0.5f && b < 0.5f)
            {
                return i + 0.5 + ((0.5 - a) / (b - a));
            }
        }

        throw new Xunit.Sdk.XunitException($"no edge near {near}");
    }

    /// <summary>A white rectangle on black, its edge pixels set to the fraction of them it covers.</summary>
    private static PlanarImage Rectangle(int width, int height, double left, double top, double right, double bottom)
    {
        static double Cover(int i, double from, double to) => Math.Clamp(Math.Min(i + 1, to) - Math.Max(i, from), 0, 1);
        var image = new PlanarImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var coverY = Cover(y, top, bottom);
            for (var c = 0; c < 3; c++)
            {
                var row = image.GetRow(c, y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = (float)(coverY * Cover(x, left, right));
                }
            }
        }

        return image;
    }
}
