using System.Diagnostics;
using System.Globalization;
using Rushes.Contracts.Imaging;
using Rushes.Host.Fdl.Imaging;
using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;
using Rushes.Testing;

// Usage:
//   Rushes.Bench.Framing generate OUT.pfm WIDTH HEIGHT
//       writes a deterministic float RGB test picture: a zone plate, hard-edged shapes, ramps and grain
//   Rushes.Bench.Framing frame IN.pfm OUT.pfm CASE FILTER ITERATIONS
//       reads a 2x anamorphic source, applies the case's FDL canvas template (CASE: extract-16x9 or
//       scope-letterbox), frames it ITERATIONS times with the resampler (FILTER: lanczos3 or bilinear),
//       writes the last result, and prints the geometry and the fastest and median times (wall, and the
//       CPU time of all threads of the process).
if (args.Length == 4 && args[0] == "generate")
{
    var (width, height) = (int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    File.WriteAllBytes(args[1], Pfm.Write(TestPicture(width, height)));
    return 0;
}

if (args.Length != 6 || args[0] != "frame")
{
    Console.Error.WriteLine("usage: generate OUT.pfm W H | frame IN.pfm OUT.pfm extract-16x9|scope-letterbox lanczos3|bilinear ITERATIONS");
    return 2;
}

var filter = args[4] switch
{
    "lanczos3" => ResampleFilter.Lanczos3,
    "bilinear" => ResampleFilter.Bilinear,
    _ => throw new ArgumentException($"unknown filter '{args[4]}'"),
};
var iterations = int.Parse(args[5], CultureInfo.InvariantCulture);
var input = Pfm.Read(File.ReadAllBytes(args[1]));
using var source = ToPlanar(input);
var framing = Apply(args[3], source.Width, source.Height);
var fd = framing.FramingDecision;

var process = Process.GetCurrentProcess();
var wall = new List<double>();
var cpu = new List<double>();
PlanarImage? framed = null;
for (var i = 0; i < iterations; i++)
{
    framed?.Dispose();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    framed = FramingResampler.Frame(source, framing, filter);
    wall.Add(watch.Elapsed.TotalMilliseconds);
    process.Refresh();
    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
}

File.WriteAllBytes(args[2], Pfm.Write(ToInterleaved(framed!)));
framed!.Dispose();
wall.Sort();
cpu.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rushes {args[3]} {args[4]}: {source.Width}x{source.Height} squeeze 2 -> canvas {framing.Canvas.Dimensions.Width}x{framing.Canvas.Dimensions.Height}, framing decision {fd.Dimensions.Width}x{fd.Dimensions.Height} at ({fd.AnchorPoint.X}, {fd.AnchorPoint.Y}), scale x {framing.HorizontalScale} y {framing.ScaleFactor}, source origin ({framing.SourceOrigin.X}, {framing.SourceOrigin.Y}); frame wall fastest {wall[0]:F1} ms / median {wall[wall.Count / 2]:F1} ms, CPU fastest {cpu[0]:F1} ms / median {cpu[cpu.Count / 2]:F1} ms, over {iterations} runs on {Environment.ProcessorCount} cores"));
return 0;

// The source is a 2x anamorphic 4096x2160 canvas. Both cases keep whole source pixels at whole output
// pixels, so that oiiotool can do the same with --cut and --resize:
//   extract-16x9: the 16:9 extraction (1920x2160 squeezed, 3840x2160 to the eye) to a 1920x1080 canvas:
//       1:1 across, halved down;
//   scope-letterbox: a 2.37:1 extraction (2048x1728 squeezed, 4096x1728 to the eye) fitted to 1920 wide,
//       1920x810, letterboxed in a 1920x1080 canvas: 15/16 across, 15/32 down.
static TemplateApplication Apply(string name, int width, int height)
{
    var (w, h, target) = name switch
    {
        "extract-16x9" => (1920, 2160, new IntDimensions(1920, 1080)),
        "scope-letterbox" => (2048, 1728, new IntDimensions(1920, 1080)),
        _ => throw new ArgumentException($"unknown case '{name}'"),
    };
    var decision = new FramingDecision
    {
        Id = "A-1",
        FramingIntentId = "1",
        Dimensions = new FloatDimensions(w, h),
        AnchorPoint = new AnchorPoint((width - w) / 2.0, (height - h) / 2.0),
    };
    var canvas = new Canvas { Id = "A", Label = "camera", SourceCanvasId = "A", Dimensions = new IntDimensions(width, height), AnamorphicSqueeze = 2, FramingDecisions = [decision] };
    var context = new FdlContext { Label = "bench", Canvases = [canvas] };
    var document = new FdlDocument
    {
        Uuid = "00000000-0000-4000-8000-000000000005",
        Version = FdlVersion.Current,
        FramingIntents = [new FramingIntent { Id = "1", AspectRatio = new IntDimensions(w * 2, h) }],
        Contexts = [context],
    };
    var template = new CanvasTemplate
    {
        Id = "deliverable",
        Label = "HD deliverable",
        TargetDimensions = target,
        TargetAnamorphicSqueeze = 1,
        FitSource = LayerPaths.Framing,
        FitMethod = "fit_all",
        MaximumDimensions = target,
        PadToMaximum = true,
    };
    return CanvasTemplateApplier.Apply(document, context, canvas, decision, template);
}

static FloatImage TestPicture(int width, int height)
{
    var pixels = new float[width * height * 3];
    Parallel.For(0, height, y =>
    {
        var rowRandom = new Random(y);
        for (var x = 0; x < width; x++)
        {
            // A zone plate (frequencies up to Nyquist at the right edge), ramps, a hard-edged grid of
            // discs, and grain: detail that shows a filter's sharpness, ringing and phase.
            var u = (x - (width / 2.0)) / width;
            var v = (y - (height / 2.0)) / height;
            var zone = 0.5 + (0.4 * Math.Cos(Math.PI * width * ((u * u) + (v * v * height / width))));
            var cx = (x % 256) - 128;
            var cy = (y % 256) - 128;
            var disc = (cx * cx) + (cy * cy) < 80 * 80 ? 1.0 : 0.0;
            var grain = (rowRandom.NextDouble() - 0.5) * 0.04;
            var i = ((y * width) + x) * 3;
            pixels[i] = (float)((0.6 * zone) + (0.3 * disc) + grain);
            pixels[i + 1] = (float)((0.5 * x / width) + (0.4 * disc) + grain);
            pixels[i + 2] = (float)((0.3 * zone) + (0.6 * y / height) + grain);
        }
    });
    return new FloatImage(width, height, 3, pixels);
}

static PlanarImage ToPlanar(FloatImage image)
{
    var planar = new PlanarImage(image.Width, image.Height, image.Channels);
    for (var c = 0; c < image.Channels; c++)
    {
        var plane = planar.GetPlane(c);
        for (var p = 0; p < plane.Length; p++)
        {
            plane[p] = image.Pixels[(p * image.Channels) + c];
        }
    }

    return planar;
}

static FloatImage ToInterleaved(PlanarImage image)
{
    var pixels = new float[image.PlaneLength * image.Channels];
    for (var c = 0; c < image.Channels; c++)
    {
        var plane = image.GetPlane(c);
        for (var p = 0; p < plane.Length; p++)
        {
            pixels[(p * image.Channels) + c] = plane[p];
        }
    }

    return new FloatImage(image.Width, image.Height, image.Channels, pixels);
}
