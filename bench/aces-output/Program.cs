using System.Diagnostics;
using Rushes.Contracts.Colour;
using Rushes.Plugins.AcesOutput;

// Throughput of the ACES output transforms on a 4096×2160 float RGB image, split into row bands on all
// cores as the host does. Usage: AcesOutputBench [transformId ...]; writes the input as in.pfm when
// asked (--write-pfm DIR) so ocioconvert can run the same pixels.
const int width = 4096, height = 2160;
var pixels = new float[width * height * 3];
var random = new Random(42);
for (var i = 0; i < pixels.Length; i++)
{
    // Scene-linear ACES values, log-distributed from deep shadow to bright highlights.
    pixels[i] = (float)(0.18 * Math.Pow(2, (random.NextDouble() * 14) - 7));
}

if (args.Length >= 2 && args[0] == "--write-pfm")
{
    using var file = File.Create(Path.Combine(args[1], "in.pfm"));
    file.Write(System.Text.Encoding.ASCII.GetBytes($"PF\n{width} {height}\n-1.0\n"));
    file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan()));
    return;
}

var provider = new AcesOutputTransforms();
string[] ids = args.Length > 0 ? args : [
    "urn:ampas:aces:transformId:v1.5:RRTODT.Academy.Rec2020_1000nits_15nits_ST2084.a1.1.0",
    "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0",
    "urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1",
    "urn:ampas:aces:transformId:v2.0:InvOutput.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1",
];
foreach (var id in ids)
{
    var compile = Stopwatch.StartNew();
    var processor = provider.Compile(new TransformDescription { TransformId = id });
    compile.Stop();
    var best = double.MaxValue;
    var bestCpu = double.MaxValue;
    for (var run = 0; run < 3; run++)
    {
        var work = (float[])pixels.Clone();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        const int band = 16;
        Parallel.For(0, (height + band - 1) / band, b =>
        {
            var rows = Math.Min(band, height - (b * band));
            processor.ApplyInterleaved(work.AsSpan(b * band * width * 3, rows * width * 3), 3);
        });
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
        bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    // CPU seconds as well as wall time: on a shared machine the wall time depends on the neighbours.
    Console.WriteLine($"{id}: compile {compile.Elapsed.TotalMilliseconds:F0} ms, apply {best:F2} s wall on {Environment.ProcessorCount} cores, {bestCpu:F2} CPU-s ({width * height / bestCpu / 1e6:F2} Mpixel per CPU-second)");
}
