// Benchmark of the looks plugin against OpenColorIO 2.1 (ocioperf) on one generated float RGB image.
// Usage: dotnet run -c Release -- [width] [height] [iterations] [conformance-color-folder] [more.clf ...]
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.Colour;
using Rushes.Plugins.Looks;

var width = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4096;
var height = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2160;
var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var color = args.Length > 3 ? args[3] : Path.GetFullPath("../shared/conformance/color");

(string Name, string Id, string File)[] looks =
[
    ("ASC CDL Fwd (cdl_clamp_fwd.clf)", LooksTransforms.ClfId, Path.Combine(color, "clf", "cdl_clamp_fwd.clf")),
    ("Matrix 3x4 (matrix_3x4_example.clf)", LooksTransforms.ClfId, Path.Combine(color, "clf", "matrix_3x4_example.clf")),
    ("LUT1D 131072 (lut1d_long.clf)", LooksTransforms.ClfId, Path.Combine(color, "clf", "lut1d_long.clf")),
    ("LUT3D 33³ tetrahedral (lut3d_preview_tier_test.clf)", LooksTransforms.ClfId, Path.Combine(color, "clf", "lut3d_preview_tier_test.clf")),
    ("Matrix+Log+CDL+LUT3D 33³ (aces_to_video_with_look.clf)", LooksTransforms.ClfId, Path.Combine(color, "clf", "aces_to_video_with_look.clf")),
];

looks = [.. looks, .. args.Skip(4).Select(f => (Path.GetFileName(f), LooksTransforms.ClfId, Path.GetFullPath(f)))];
var pixels = width * height;
var random = new Random(4);
var red = new float[pixels];
var green = new float[pixels];
var blue = new float[pixels];
for (var i = 0; i < pixels; i++)
{
    (red[i], green[i], blue[i]) = ((float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble());
}

// The same image for ocioperf, as an interleaved float PFM (OpenImageIO reads it).
var pfm = Path.Combine(Path.GetTempPath(), $"rushes-bench-looks-{width}x{height}.pfm");
using (var file = new BinaryWriter(File.Create(pfm)))
{
    file.Write(System.Text.Encoding.ASCII.GetBytes($"PF\n{width} {height}\n-1.0\n"));
    for (var i = 0; i < pixels; i++)
    {
        file.Write(red[i]);
        file.Write(green[i]);
        file.Write(blue[i]);
    }
}

Console.WriteLine($"{width}x{height} float RGB, {iterations} iterations, best time; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| Look | Rushes 1 thread (ms) | Rushes all cores (ms) | ocioperf 1 thread (ms) | ratio 1 thread | ratio all cores |");
Console.WriteLine("|---|---|---|---|---|---|");
var provider = new LooksTransforms();
foreach (var (name, id, path) in looks)
{
    var processor = provider.Compile(new TransformDescription { TransformId = id, FilePath = path });
    var single = Best(iterations, () =>
    {
        float[] r = [.. red], g = [.. green], b = [.. blue];
        return Time(() => processor.Apply(r, g, b));
    });
    var parallel = Best(iterations, () =>
    {
        float[] r = [.. red], g = [.. green], b = [.. blue];
        const int Band = 16;
        return Time(() => Parallel.For(0, (height + Band - 1) / Band, band =>
        {
            var start = band * Band * width;
            var length = Math.Min(Band * width, pixels - start);
            processor.Apply(r.AsSpan(start, length), g.AsSpan(start, length), b.AsSpan(start, length));
        }));
    });
    var ocio = OcioPerf(path, pfm, iterations);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {single:F1} | {parallel:F1} | {ocio:F1} | {ocio / single:F2} | {ocio / parallel:F2} |"));
}

File.Delete(pfm);

static double Best(int iterations, Func<double> run) => Enumerable.Range(0, iterations).Select(_ => run()).Min();

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

// ocioperf prints "Process the complete image (in place): For N iterations, it took: [first, min, average] ms".
static double OcioPerf(string transform, string image, int iterations)
{
    var info = new ProcessStartInfo("ocioperf") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { "--transform", transform, "--image", image, "--iter", iterations.ToString(CultureInfo.InvariantCulture), "--out", "f32" })
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    var match = Regex.Match(text, @"complete image \(in place\):\s+For \d+ iterations, it took: \[([0-9.e+-]+), ([0-9.e+-]+), ([0-9.e+-]+)\]");
    return match.Success ? double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("ocioperf output not understood:\n" + text);
}
