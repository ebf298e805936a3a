// The overhead of piping frames to ffmpeg over ffmpeg reading the same frames from a file (#6):
// 48 frames of 1920 × 1080 encoded as ProRes 422 HQ, ours (pack float planes to rgb48le, or pass float
// planes, and write them to ffmpeg's stdin) against `ffmpeg -f rawvideo -i frames.rgb48` with the same
// output arguments. Usage: dotnet run -c Release --project bench/Rushes.Bench.Movie -- [--runs N]
using System.Diagnostics;
using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Plugins.Ffmpeg;

const int Width = 1920, Height = 1080, FrameCount = 48;
var runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var folder = Path.Combine(Path.GetTempPath(), "rushes-bench-movie-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    // Four distinct pictures, cycled: making 48 frames of pixels is not what is measured.
    var pictures = Enumerable.Range(0, 4).Select(Picture).ToArray();
    var raw = Path.Combine(folder, "frames.rgb48");
    using (var file = File.Create(raw))
    {
        var packer = new FramePacker(floatPipe: false, alpha: false, clampNonFinite: false);
        for (var f = 0; f < FrameCount; f++)
        {
            packer.Write(pictures[f % 4], f, file, CancellationToken.None);
        }
    }

    Console.WriteLine($"ProRes 422 HQ, {FrameCount} frames {Width}x{Height}, {Environment.ProcessorCount} cores, ffmpeg: {FfmpegVersion()}");
    var results = new Dictionary<string, List<(double Wall, double Cpu)>>();
    for (var run = 0; run < runs; run++)
    {
        Record("ours, rgb48 pipe", Ours("rgb48", pictures, folder));
        Record("ours, float pipe", Ours("float", pictures, folder));
        Record("ffmpeg alone, rgb48 file", Alone(raw, folder));
    }

    foreach (var (name, times) in results)
    {
        var best = times.MinBy(t => t.Wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} best wall {best.Wall,7:F2} s ({FrameCount / best.Wall,5:F1} fps), our process CPU {best.Cpu,6:F2} s; all walls: {string.Join(", ", times.Select(t => t.Wall.ToString("F2", CultureInfo.InvariantCulture)))}"));
    }

    void Record(string name, (double, double) time)
    {
        if (!results.TryGetValue(name, out var list))
        {
            results[name] = list = [];
        }

        list.Add(time);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static (double Wall, double Cpu) Ours(string pipe, PlanarImage[] pictures, string folder)
{
    var request = Request(folder, pipe);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    using (var writer = new FfmpegDeliverableType().CreateWriter(request))
    {
        for (var f = 0; f < FrameCount; f++)
        {
            writer.WriteFrame(new DeliverableFrame { Image = pictures[f % 4], FrameNumber = 1001 + f });
        }

        writer.Complete();
    }

    var wall = clock.Elapsed.TotalSeconds;
    File.Delete(Path.Combine(folder, request.FileName));
    return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

static (double Wall, double Cpu) Alone(string raw, string folder)
{
    var request = Request(folder, "rgb48");
    var output = Path.Combine(folder, "alone.mov");
    var arguments = MovieCommand.Arguments(request, MovieOptions.From(request.Options), ColourTags.For(request.ColourEncoding)!, null, output);
    arguments[arguments.IndexOf("pipe:0")] = raw;
    var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
    arguments.ForEach(info.ArgumentList.Add);
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var errors = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var wall = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException(errors);
    }

    File.Delete(output);
    return (wall, 0);
}

static DeliverableRequest Request(string folder, string pipe) => new()
{
    Output = new DirectoryOutputTarget(folder),
    FileName = $"ours-{pipe}.mov",
    Options = new ParameterValues([new("codec", "prores-422-hq"), new("pipe", pipe)]),
    Width = Width,
    Height = Height,
    Frames = new FrameRange(1001, 1000 + FrameCount),
    FrameRate = FrameRate.Fps24,
    StartTimecode = Timecode.Parse("01:00:00:00", FrameRate.Fps24),
    ColourEncoding = "Rec.709",
};

static PlanarImage Picture(int seed)
{
    var image = new PlanarImage(Width, Height);
    var random = new Random(seed);
    for (var c = 0; c < 3; c++)
    {
        var plane = image.GetPlane(c);
        for (var i = 0; i < plane.Length; i++)
        {
            // Ramps with a little grain, like graded footage.
            var x = i % Width;
            var y = i / Width;
            plane[i] = Math.Clamp((0.3f * x / Width) + (0.5f * y / Height) + (0.1f * c) + (0.04f * (float)random.NextDouble()), 0f, 1f);
        }
    }

    return image;
}

static string FfmpegVersion()
{
    var info = new ProcessStartInfo("ffmpeg", "-version") { UseShellExecute = false, RedirectStandardOutput = true };
    using var process = Process.Start(info)!;
    var first = process.StandardOutput.ReadLine() ?? "?";
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return first;
}
