using System.Diagnostics;
using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dng.Develop;
using Rushes.Plugins.Dng.Develop.Tests;

// Demosaic benchmark (docs/PERFORMANCE.md, "Debayer quality and speed").
//   dotnet run -c Release --project bench/Rushes.Bench.Demosaic [-- --runs 5 --psnr-size 512]
// 1. PSNR of every method against the synthetic truth, ours and LibRaw's (dcraw_emu -q 0 to 4) on the same DNGs.
// 2. Time of Demosaic.Run per method on a 4096×2160 16-bit mosaic, against dcraw_emu -q 0 and -q 3 whole-process
//    (read, demosaic, write a 16-bit PPM) on the same DNG, with peak memory.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var runs = Option("--runs", 5);
var psnrSize = Option("--psnr-size", 512);
const int Border = 8;
var folder = Directory.CreateTempSubdirectory("rushes-bench-demosaic-").FullName;
try
{
    Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    Console.WriteLine();
    Console.WriteLine($"PSNR (dB, linear RGB, peak 1, {Border}-pixel border excluded), {psnrSize}×{psnrSize} RGGB, 16-bit DNG:");
    Console.WriteLine();
    Console.WriteLine("| Scene | Rushes bilinear | Rushes Malvar–He–Cutler | Rushes edge-directed | LibRaw -q 0 (bilinear) | -q 1 (VNG) | -q 2 (PPG) | -q 3 (AHD) | -q 4 (DCB) |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    foreach (var (name, scene) in new (string, Func<RgbImage>)[]
    {
        ("zone plate", () => Scenes.ZonePlate(psnrSize, psnrSize)),
        ("colour edges", () => Scenes.ColourEdges(psnrSize, psnrSize)),
        ("natural", () => Scenes.Natural(psnrSize, psnrSize)),
    })
    {
        var truth = scene();
        var samples = LibRaw.Quantize(truth, CfaPattern.Rggb);
        var dng = LibRaw.WriteDng(folder, name.Replace(' ', '-'), samples, truth.Width, truth.Height, CfaPattern.Rggb);
        using var mosaic = LibRaw.Mosaic(samples, truth.Width, truth.Height, CfaPattern.Rggb);
        var row = $"| {name} ";
        foreach (var method in Enum.GetValues<DemosaicMethod>())
        {
            using var rgb = Demosaic.Run(mosaic, method, ResolutionLevel.Full);
            row += $"| {Quality.Psnr(truth, RgbImage.From(rgb), Border):F2} ";
        }

        for (var q = 0; q <= 4; q++)
        {
            row += $"| {Quality.Psnr(truth, LibRaw.Develop(dng, q), Border):F2} ";
        }

        Console.WriteLine(row + "|");
    }

    const int Width = 4096, Height = 2160;
    Console.WriteLine();
    Console.WriteLine($"Speed, {Width}×{Height} RGGB mosaic (16-bit DNG, uncompressed), median of {runs} runs:");
    Console.WriteLine();
    var plate = Scenes.ZonePlate(Width, Height);
    var bigSamples = LibRaw.Quantize(plate, CfaPattern.Rggb);
    var bigDng = LibRaw.WriteDng(folder, "speed", bigSamples, Width, Height, CfaPattern.Rggb);
    using var big = LibRaw.Mosaic(bigSamples, Width, Height, CfaPattern.Rggb);
    plate = null;
    GC.Collect();

    Console.WriteLine("| Run | Time (ms) | Mpx/s | CPU time (ms, all cores) | Peak memory |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var (label, method, level) in new (string, DemosaicMethod, ResolutionLevel)[]
    {
        ("Rushes Demosaic.Run bilinear", DemosaicMethod.Bilinear, ResolutionLevel.Full),
        ("Rushes Demosaic.Run Malvar–He–Cutler", DemosaicMethod.MalvarHeCutler, ResolutionLevel.Full),
        ("Rushes Demosaic.Run edge-directed", DemosaicMethod.EdgeDirected, ResolutionLevel.Full),
        ("Rushes Demosaic.Run half (superpixel)", DemosaicMethod.Bilinear, ResolutionLevel.Half),
        ("Rushes Demosaic.Run quarter", DemosaicMethod.Bilinear, ResolutionLevel.Quarter),
    })
    {
        Demosaic.Run(big, method, level).Dispose(); // warm-up: JIT and pooled buffers
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            using var rgb = Demosaic.Run(big, method, level);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        var median = Median(times);
        Console.WriteLine($"| {label} | {median:F0} | {Width * Height / median / 1000:F0} | {cpuPerRun:F0} | (process) {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB |");
    }

    foreach (var q in new[] { 0, 3 })
    {
        var times = new List<double>();
        var cpuTimes = new List<double>();
        long peak = 0;
        for (var r = 0; r < runs; r++)
        {
            var (seconds, cpuSeconds, kib) = TimeProcess("dcraw_emu", ["-4", "-o", "0", "-r", "1", "1", "1", "1", "-c", "0", "-t", "0", "-q", q.ToString(), "-Z", Path.Combine(folder, "speed.ppm"), bigDng]);
            times.Add(seconds * 1000);
            cpuTimes.Add(cpuSeconds * 1000);
            peak = Math.Max(peak, kib);
        }

        var median = Median(times);
        Console.WriteLine($"| dcraw_emu -q {q} (whole process) | {median:F0} | {Width * Height / median / 1000:F0} | {Median(cpuTimes):F0} | {peak / 1024} MiB |");
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

// Wall time, CPU time (user + system) and peak resident memory of a whole process, from GNU time.
static (double Seconds, double CpuSeconds, long Kib) TimeProcess(string tool, string[] args)
{
    var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var a in new[] { "-f", "%e %U %S %M", tool }.Concat(args))
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var clock = Stopwatch.StartNew();
    _ = process.StandardOutput.ReadToEnd();
    var err = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var elapsed = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{tool} failed: {err}");
    }

    var last = err.Trim().Split('\n')[^1].Split(' ');
    var cpuSeconds = double.Parse(last[1], CultureInfo.InvariantCulture) + double.Parse(last[2], CultureInfo.InvariantCulture);
    return (elapsed, cpuSeconds, long.Parse(last[3], CultureInfo.InvariantCulture));
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
