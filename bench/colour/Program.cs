using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rushes.Contracts.Colour;
using Rushes.Host.Colour;
using Rushes.Host.Plugins;
using Rushes.Testing;

// Usage:
//   Rushes.Bench.Colour generate OUT.pfm WIDTH HEIGHT
//       writes a deterministic image of code values in [0, 1] (smooth ramps plus noise)
//   Rushes.Bench.Colour apply PLUGINS_DIR IN.pfm OUT.pfm ITERATIONS TRANSFORM [TRANSFORM ...]
//       loads the plugins, compiles the chain once, applies it ITERATIONS times to fresh copies of the
//       image on all cores, writes the last result, and prints the compile time and the fastest and
//       median apply times. A file-based transform is written ID@FILE or ID@FILE#SELECTOR (a CDL
//       ColorCorrection id, as an AMF's ColorCorrectionRef names it).
if (args.Length >= 4 && args[0] == "generate")
{
    var width = int.Parse(args[2], CultureInfo.InvariantCulture);
    var height = int.Parse(args[3], CultureInfo.InvariantCulture);
    var pixels = new float[width * height * 3];
    var random = new Random(4);
    for (var y = 0; y < height; y++)
    {
        for (var x = 0; x < width; x++)
        {
            var i = ((y * width) + x) * 3;
            pixels[i] = Math.Clamp(((float)x / width) + ((float)random.NextDouble() * 0.02f), 0f, 1f);
            pixels[i + 1] = Math.Clamp(((float)y / height) + ((float)random.NextDouble() * 0.02f), 0f, 1f);
            pixels[i + 2] = Math.Clamp(0.2f + (0.6f * (float)(x + y) / (width + height)) + ((float)random.NextDouble() * 0.02f), 0f, 1f);
        }
    }

    File.WriteAllBytes(args[1], Pfm.Write(new FloatImage(width, height, 3, pixels)));
    return 0;
}

static TransformDescription Describe(string token)
{
    var at = token.IndexOf('@', StringComparison.Ordinal);
    if (at < 0)
    {
        return new TransformDescription { TransformId = token };
    }

    var file = token[(at + 1)..];
    var hash = file.IndexOf('#', StringComparison.Ordinal);
    return new TransformDescription
    {
        TransformId = token[..at],
        FilePath = Path.GetFullPath(hash < 0 ? file : file[..hash]),
        Selector = hash < 0 ? null : file[(hash + 1)..],
    };
}

if (args.Length < 6 || args[0] != "apply")
{
    Console.Error.WriteLine("usage: generate OUT.pfm W H | apply PLUGINS IN.pfm OUT.pfm ITERATIONS TRANSFORM...");
    return 2;
}

var (pluginsDir, input, output, iterations) = (args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture));
var chain = args[5..].Select(Describe).ToList();

using var manager = new PluginManager(Options.Create(new PluginOptions { IncludeBundled = false, Paths = [pluginsDir] }), new IsolatedPluginLoader(), NullLogger<PluginManager>.Instance);
var guard = new PluginGuard(NullLogger<PluginGuard>.Instance);
var registry = new ColourTransformRegistry(manager, guard, NullLogger<ColourTransformRegistry>.Instance);
var compiler = new ColourProcessorCompiler(registry, guard);

var image = Pfm.Read(File.ReadAllBytes(input));
var watch = Stopwatch.StartNew();
var processor = compiler.Compile(chain);
var compileMs = watch.Elapsed.TotalMilliseconds;

// Wall time and the process's CPU time (all threads) per apply: on a shared, loaded machine the
// CPU time is the steadier measure of the work done.
var times = new List<double>();
var cpu = new List<double>();
var work = new float[image.Pixels.Length];
var process = Process.GetCurrentProcess();
for (var i = 0; i < iterations; i++)
{
    image.Pixels.CopyTo(work, 0);
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    watch.Restart();
    ColourApplier.ApplyInterleaved(processor, work, image.Width, image.Height, 3);
    times.Add(watch.Elapsed.TotalMilliseconds);
    process.Refresh();
    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
}

File.WriteAllBytes(output, Pfm.Write(new FloatImage(image.Width, image.Height, 3, work)));
times.Sort();
cpu.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rushes: {image.Width}x{image.Height} RGB float, {processor.CacheId}, compile {compileMs:F1} ms (with plugin loading), apply wall fastest {times[0]:F1} ms / median {times[times.Count / 2]:F1} ms, CPU fastest {cpu[0]:F1} ms / median {cpu[cpu.Count / 2]:F1} ms, over {iterations} runs on {Environment.ProcessorCount} cores"));
return 0;
