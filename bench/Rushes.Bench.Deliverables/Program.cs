using System.Diagnostics;
using System.Globalization;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dpx.Format;
using Rushes.Plugins.Dpx.IO;
using Rushes.Plugins.Tiff.Format;
using Rushes.Plugins.Tiff.IO;
using DpxPolicy = Rushes.Plugins.Dpx.IO.NonFinitePolicy;
using TiffPolicy = Rushes.Plugins.Tiff.IO.NonFinitePolicy;

// DPX and TIFF write benchmark (issue #6): a 4096 x 2160 RGB frame written as 10-bit and 16-bit DPX and as 16-bit
// TIFF (uncompressed and Deflate) by our writers (in process, and as a whole process that reads a 16-bit TIFF and
// writes the deliverable) and by oiiotool (whole process, same input), with the output sizes.
//
//   dotnet run -c Release --project bench/Rushes.Bench.Deliverables [-- runs]
//   dotnet bench/Rushes.Bench.Deliverables/bin/Release/net10.0/Rushes.Bench.Deliverables.dll convert in.tif out.dpx dpx10
if (args is ["convert", var input, var output, var kind])
{
    using var read = TiffFileReader.Read(input);
    Write(read.Pixels, output, kind);
    return 0;
}

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
const int Width = 4096, Height = 2160;
var folder = Path.Combine(Path.GetTempPath(), "rushes-bench-deliverables");
Directory.CreateDirectory(folder);
var source = Path.Combine(folder, "source-16bit.tif");
using var image = Picture(Width, Height);
Write(image, source, "tiff16");
Console.WriteLine($"{Width} x {Height} RGB, {Environment.ProcessorCount} cores, median of {runs} runs; source {new FileInfo(source).Length:N0} bytes (16-bit uncompressed TIFF)");
Console.WriteLine();
Console.WriteLine("| output | ours in-process (ms) | ours whole process (ms) | oiiotool whole process (ms) | ratio in-process | ratio whole process | ours size (bytes) | oiiotool size (bytes) | largest code difference, oiiotool vs ours |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
var self = typeof(Program).Assembly.Location;
foreach (var (format, extension, oiioArguments) in new[]
{
    ("dpx10", "dpx", new[] { "-d", "uint10", "--attrib", "oiio:Endian", "big" }),
    ("dpx16", "dpx", new[] { "-d", "uint16", "--attrib", "oiio:Endian", "big" }),
    ("tiff16", "tif", new[] { "-d", "uint16", "--compression", "none" }),
    ("tiff16-deflate", "tif", new[] { "-d", "uint16", "--compression", "zip:6" }),
})
{
    var ours = Path.Combine(folder, $"ours-{format}.{extension}");
    var oursProcess = Path.Combine(folder, $"ours-process-{format}.{extension}");
    var theirs = Path.Combine(folder, $"oiio-{format}.{extension}");
    Write(image, ours, format);
    var inProcess = Median(runs, () => Write(image, ours, format));
    var wholeProcess = Median(runs, () => Run("dotnet", self, "convert", source, oursProcess, format));
    var oiio = Median(runs, () => Run("oiiotool", [source, .. oiioArguments, "-o", theirs]));
    var difference = LargestCodeDifference(ours, theirs, format.StartsWith("dpx10", StringComparison.Ordinal) ? 1023 : 65535);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {format} | {inProcess:F0} | {wholeProcess:F0} | {oiio:F0} | {oiio / inProcess:F2} | {oiio / wholeProcess:F2} | {new FileInfo(ours).Length:N0} | {new FileInfo(theirs).Length:N0} | {difference} |"));
}

return 0;

static void Write(PlanarImage image, string path, string format)
{
    using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    switch (format)
    {
        case "dpx10" or "dpx16":
            var header = new DpxHeader
            {
                Width = (uint)image.Width,
                Height = (uint)image.Height,
                Element = new DpxElement { BitDepth = (byte)(format == "dpx10" ? 10 : 16), Packing = (ushort)(format == "dpx10" ? 1 : 0), Transfer = DpxCharacteristic.PrintingDensity },
            };
            DpxFileWriter.Write(stream, header, image, DpxPolicy.Reject, "benchmark frame");
            break;
        default:
            var deflate = format.EndsWith("deflate", StringComparison.Ordinal);
            var encoding = new TiffEncoding(TiffSampleType.UInt16, deflate ? TiffCompression.Deflate : TiffCompression.None, deflate ? TiffPredictor.Horizontal : TiffPredictor.None, 6, TiffPolicy.Reject);
            TiffFileWriter.Write(stream, image, encoding, new TiffDirectory().Rational(TiffTag.XResolution, 72, 1).Rational(TiffTag.YResolution, 72, 1).Shorts(TiffTag.ResolutionUnit, 2), "benchmark frame");
            break;
    }
}

// Both files read by our readers: the largest difference in code values between oiiotool's output and ours.
static long LargestCodeDifference(string ours, string theirs, int max)
{
    using var a = Read(ours);
    using var b = Read(theirs);
    var x = a.Samples;
    var y = b.Samples;
    long largest = 0;
    for (var i = 0; i < x.Length; i++)
    {
        largest = Math.Max(largest, Math.Abs((long)Math.Round(x[i] * max) - (long)Math.Round(y[i] * max)));
    }

    return largest;
}

static PlanarImage Read(string path)
{
    if (path.EndsWith(".dpx", StringComparison.Ordinal))
    {
        var dpx = DpxFileReader.Read(path);
        return dpx.Pixels;
    }

    var tiff = TiffFileReader.Read(path);
    return tiff.Pixels;
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

// Log-encoded camera-like content on 16-bit code values, so the 16-bit source holds it exactly: soft gradients
// and shapes with about 1 % grain (real frames compress between a flat test pattern and pure noise).
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
                var scene = 0.35 + (0.2 * (u - v)) + (0.1 * Math.Sin((u * 9) + (c * 0.7)) * Math.Cos(v * 5));
                var disc = Math.Pow(u - 0.6, 2) + Math.Pow(v - 0.4, 2) < 0.02 ? 0.3 : 0.0;
                var grain = 0.01 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
                row[x] = (float)(Math.Round(Math.Clamp(scene + disc + grain, 0, 1) * 65535) / 65535);
            }
        }
    });
    return image;
}
