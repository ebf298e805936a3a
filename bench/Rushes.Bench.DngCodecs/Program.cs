using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Rushes.Plugins.Dng.Codecs;
using Rushes.Plugins.Dng.TestKit;

// DNG sample codec benchmark (docs/PERFORMANCE.md, "DNG decode and debayer (#3)").
//   dotnet run -c Release --project bench/Rushes.Bench.DngCodecs [-- --runs 9 --width 4096 --height 2160]
// Decodes one raw frame, single-threaded, as DNG stores it: lossless JPEG (whole frame as a W/2 × H frame of
// 2 components, predictor 1, and as 256×256 tiles), Deflate (16-bit integers with predictor 2, 32-bit floats
// with predictor 3) and packed 12/14-bit samples. Throughput counts decoded 16-bit samples (MB/s of output);
// wall time is the best run, CPU time the process's mean per run, which a busy machine disturbs less.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var runs = Option("--runs", 9);
var width = Option("--width", 4096);
var height = Option("--height", 2160);
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {width}×{height}, best of {runs} runs, one thread");
Console.WriteLine();
Console.WriteLine("| Codec | Coded MB | wall ms (best) | CPU ms (mean) | Msamples/s (wall) | Msamples/s (CPU) | MB/s of 16-bit output (CPU) |");
Console.WriteLine("|---|---|---|---|---|---|---|");

foreach (var bits in new[] { 12, 14, 16 })
{
    var raw = Sensor(width, height, bits);
    var output = new ushort[raw.Length];
    foreach (var predictor in new[] { 1, 6 })
    {
        var frame = Lj92Encoder.Encode(raw, width / 2, height, 2, bits, predictor);
        Report($"LJ92 {bits}-bit, whole frame, 2 components, predictor {predictor}", frame.Length, raw.Length,
            () => LosslessJpeg.Decode(frame, output, "bench.dng"));
        Verify(raw, output);
    }
}

{
    const int Tile = 256;
    var raw = Sensor(width, height, 14);
    var tiles = new List<byte[]>();
    for (var top = 0; top + Tile <= height; top += Tile)
    {
        for (var left = 0; left + Tile <= width; left += Tile)
        {
            var tile = new ushort[Tile * Tile];
            for (var y = 0; y < Tile; y++)
            {
                raw.AsSpan(((top + y) * width) + left, Tile).CopyTo(tile.AsSpan(y * Tile));
            }

            tiles.Add(Lj92Encoder.Encode(tile, Tile / 2, Tile, 2, 14, 1));
        }
    }

    var output = new ushort[Tile * Tile];
    Report($"LJ92 14-bit, {tiles.Count} tiles of {Tile}×{Tile}", tiles.Sum(t => t.Length), tiles.Count * Tile * Tile, () =>
    {
        foreach (var tile in tiles)
        {
            LosslessJpeg.Decode(tile, output, "bench.dng");
        }
    });
}

{
    var raw = Sensor(width, height, 16);
    var differenced = raw.ToArray();
    for (var y = 0; y < height; y++)
    {
        for (var x = width - 1; x >= 1; x--)
        {
            differenced[(y * width) + x] = (ushort)(raw[(y * width) + x] - raw[(y * width) + x - 1]);
        }
    }

    var compressed = Zlib(BitPacker.Pack(differenced, width, height, 16, false));
    var output = new ushort[raw.Length];
    Report("Deflate 16-bit integers, predictor 2", compressed.Length, raw.Length,
        () => DeflateSamples.DecodeIntegers(compressed, new DeflateBlock(width, height, 1, 16, false, 2), false, output, "bench.dng"));
    Verify(raw, output);

    var planes = new byte[raw.Length * 4];
    for (var y = 0; y < height; y++)
    {
        var row = planes.AsSpan(y * width * 4, width * 4);
        for (var x = 0; x < width; x++)
        {
            var bitsOf = BitConverter.SingleToUInt32Bits(raw[(y * width) + x] / 65535f);
            for (var b = 0; b < 4; b++)
            {
                row[(b * width) + x] = (byte)(bitsOf >> (24 - (8 * b)));
            }
        }

        for (var i = row.Length - 1; i >= 1; i--)
        {
            row[i] -= row[i - 1];
        }
    }

    var floats = new float[raw.Length];
    var compressedFloats = Zlib(planes);
    Report("Deflate 32-bit floats, predictor 3", compressedFloats.Length, raw.Length,
        () => DeflateSamples.DecodeFloats(compressedFloats, new DeflateBlock(width, height, 1, 32, true, 3), false, floats, "bench.dng"));
}

foreach (var bits in new[] { 12, 14 })
{
    var raw = Sensor(width, height, bits);
    var packed = BitPacker.Pack(raw, width, height, bits, false);
    var output = new ushort[raw.Length];
    Report($"Packed {bits}-bit, uncompressed", packed.Length, raw.Length,
        () => PackedSamples.Unpack(packed, bits, width, height, false, output, "bench.dng"));
    Verify(raw, output);
}

void Report(string name, long codedBytes, long samples, Action decode)
{
    decode();
    var times = new List<double>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        decode();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
    times.Sort();
    var ms = times[0];
    Console.WriteLine($"| {name} | {codedBytes / 1e6:F1} | {ms:F1} | {cpuMs:F1} | {samples / ms / 1e3:F0} | {samples / cpuMs / 1e3:F0} | {samples * 2 / cpuMs / 1e3:F0} |");
}

// A Bayer-like mosaic: smooth gradients per CFA colour with photon-like noise, the statistics raw frames have.
static ushort[] Sensor(int width, int height, int bits)
{
    var random = new Random(bits);
    var max = (1 << bits) - 1;
    var samples = new ushort[width * height];
    for (var y = 0; y < height; y++)
    {
        for (var x = 0; x < width; x++)
        {
            var colour = ((y & 1) * 2) + (x & 1);
            var level = max * (0.1 + (0.5 * x / width) + (0.2 * y / height)) * (colour is 1 or 2 ? 1.0 : 0.6);
            var noise = (random.NextDouble() - 0.5) * Math.Sqrt(level) * 2;
            samples[(y * width) + x] = (ushort)Math.Clamp(level + noise, 0, max);
        }
    }

    return samples;
}

static void Verify(ushort[] expected, ushort[] actual)
{
    if (!expected.AsSpan().SequenceEqual(actual))
    {
        throw new InvalidOperationException("Decoded samples differ from the encoded ones.");
    }
}

static byte[] Zlib(byte[] data)
{
    using var output = new MemoryStream();
    using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
    {
        z.Write(data);
    }

    return output.ToArray();
}

int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
