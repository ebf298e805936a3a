using System.Diagnostics;
using System.Globalization;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.OpenExr.Compression;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

// OpenEXR write benchmark (issue #6): a 4096 x 2160 half RGB frame written with NONE, ZIP and PIZ by our
// writer (in process, and as a whole process that reads the uncompressed EXR and writes it) and by
// oiiotool (whole process, same input), with the output sizes.
//
//   dotnet run -c Release --project bench/Rushes.Bench.Exr [-- runs]
//   dotnet bench/Rushes.Bench.Exr/bin/Release/net10.0/Rushes.Bench.Exr.dll convert in.exr out.exr piz
//   dotnet bench/Rushes.Bench.Exr/bin/Release/net10.0/Rushes.Bench.Exr.dll profile
if (args is ["convert", var input, var output, var method])
{
    Convert(input, output, Parse(method));
    return 0;
}

// Single-thread cost of each codec on one frame's worth of 32-line chunks, and of the half conversion.
if (args is ["profile"])
{
    Profile();
    return 0;
}

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
const int Width = 4096, Height = 2160;
var folder = Path.Combine(Path.GetTempPath(), "rushes-bench-exr");
Directory.CreateDirectory(folder);
var source = Path.Combine(folder, "source-none.exr");

using var image = Picture(Width, Height);
Write(image, source, ExrCompression.None);
Console.WriteLine($"{Width} x {Height} half RGB, {Environment.ProcessorCount} cores, median of {runs} runs; source {new FileInfo(source).Length:N0} bytes");
Console.WriteLine();
Console.WriteLine("| compression | ours in-process (ms) | ours whole process (ms) | oiiotool whole process (ms) | ratio in-process | ratio whole process | ours size (bytes) | oiiotool size (bytes) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
var self = typeof(Program).Assembly.Location;
foreach (var compression in new[] { ExrCompression.None, ExrCompression.Zip, ExrCompression.Piz })
{
    var name = ExrFormat.Name(compression);
    var ours = Path.Combine(folder, $"ours-{name}.exr");
    var oursProcess = Path.Combine(folder, $"ours-process-{name}.exr");
    var theirs = Path.Combine(folder, $"oiio-{name}.exr");
    Write(image, ours, compression);
    var inProcess = Median(runs, () => Write(image, ours, compression));
    var wholeProcess = Median(runs, () => Run("dotnet", self, "convert", source, oursProcess, name));
    var oiio = Median(runs, () => Run("oiiotool", source, "--compression", name, "-o", theirs));
    Check(image, ours);
    Check(image, theirs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {inProcess:F0} | {wholeProcess:F0} | {oiio:F0} | {oiio / inProcess:F2} | {oiio / wholeProcess:F2} | {new FileInfo(ours).Length:N0} | {new FileInfo(theirs).Length:N0} |"));
}

return 0;

static void Profile()
{
    using var image = Picture(4096, 2160);
    var channels = new[] { "B", "G", "R" }.Select(n => new ExrChannel(n, ExrPixelType.Half)).ToArray();
    var layout = ChunkLayout.For(image.Width, 32, channels);
    var raw = new byte[layout.Bytes];
    var packed = new byte[layout.Bytes];
    var lineBytes = image.Width * 2;
    for (var line = 0; line < 32; line++)
    {
        for (var c = 0; c < 3; c++)
        {
            // B, G, R: the stored order.
            SampleConversion.Write(image.GetRow(2 - c, line), ExrPixelType.Half, NonFinitePolicy.Reject, raw.AsSpan(((line * 3) + c) * lineBytes, lineBytes));
        }
    }

    var chunks = image.Height / 32;
    foreach (var compression in new[] { ExrCompression.Piz, ExrCompression.Zip, ExrCompression.Rle })
    {
        var watch = Stopwatch.StartNew();
        var length = 0;
        for (var k = 0; k < chunks; k++)
        {
            length = ChunkCodec.Compress(compression, raw, layout, packed, 4);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ExrFormat.Name(compression)}: {watch.Elapsed.TotalMilliseconds:F0} ms for {chunks} chunks of 32 lines, one thread ({length} bytes a chunk)"));
    }

    var conversion = Stopwatch.StartNew();
    var halves = new byte[lineBytes];
    for (var row = 0; row < image.Height * 3; row++)
    {
        SampleConversion.Write(image.GetRow(row % 3, row / 3), ExrPixelType.Half, NonFinitePolicy.Reject, halves);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"float to half: {conversion.Elapsed.TotalMilliseconds:F0} ms for the frame, one thread"));
}

static void Convert(string input, string output, ExrCompression compression)
{
    var watch = Stopwatch.StartNew();
    var (_, image) = ExrFileReader.ReadPlanar(input);
    using var pixels = image;
    var read = watch.Elapsed.TotalMilliseconds;
    Write(image, output, compression);
    if (Environment.GetEnvironmentVariable("RUSHES_BENCH_VERBOSE") is "1")
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {read:F0} ms, write {watch.Elapsed.TotalMilliseconds - read:F0} ms"));
    }
}

static void Write(PlanarImage image, string path, ExrCompression compression)
{
    var channels = new[] { "B", "G", "R" }.Select(n => new ExrChannel(n, ExrPixelType.Half)).ToArray();
    var header = new ExrHeader(ExrFileWriter.RequiredAttributes(image.Width, image.Height, channels, compression, 1f));
    var planes = new[]
    {
        new ExrPlane(channels[2], image.SampleMemory[..image.PlaneLength]),
        new ExrPlane(channels[1], image.SampleMemory.Slice(image.PlaneLength, image.PlaneLength)),
        new ExrPlane(channels[0], image.SampleMemory.Slice(2 * image.PlaneLength, image.PlaneLength)),
    };
    using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    ExrFileWriter.Write(stream, header, planes, NonFinitePolicy.Reject, 4, "benchmark frame");
}

static void Check(PlanarImage image, string path)
{
    using var back = ExrFileReader.Read(path).ToPlanarImage();
    for (var c = 0; c < 3; c++)
    {
        if (!back.GetPlane(c).SequenceEqual(image.GetPlane(c)))
        {
            throw new InvalidOperationException($"{path} does not hold the source pixels.");
        }
    }
}

static double Median(int runs, Action action)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

static void Run(string tool, params string[] arguments)
{
    var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        info.ArgumentList.Add(argument);
    }

    using var process = Process.Start(info)!;
    var stderr = process.StandardError.ReadToEndAsync();
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{tool} failed: {stderr.Result}");
    }
}

static ExrCompression Parse(string name) => name switch
{
    "none" => ExrCompression.None,
    "zip" => ExrCompression.Zip,
    "piz" => ExrCompression.Piz,
    _ => throw new ArgumentException($"Unknown compression '{name}'; expected none, zip or piz."),
};

// Camera-like scene-linear content, already on half values: soft gradients and shapes with a grain of
// about 1.5 % (real frames compress between a flat test pattern and pure noise).
static PlanarImage Picture(int width, int height)
{
    var image = new PlanarImage(width, height);
    Parallel.For(0, height, y =>
    {
        var random = new Random(y);
        for (var c = 0; c < 3; c++)
        {
            var row = image.GetRow(c, y);
            for (var x = 0; x < width; x++)
            {
                var u = (double)x / width;
                var v = (double)y / height;
                var scene = 0.18 * (0.3 + u) * (1.2 - v) * (1 + (0.5 * Math.Sin((u * 9) + (c * 0.7)) * Math.Cos(v * 5)));
                var disc = Math.Pow(u - 0.6, 2) + Math.Pow(v - 0.4, 2) < 0.02 ? 4.0 : 0.0;
                var grain = 1 + (0.015 * ((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2));
                row[x] = (float)(Half)((scene + disc) * grain);
            }
        }
    });
    return image;
}
