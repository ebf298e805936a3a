// In-process hashing throughput of Rushes.Host.Mhl, without process start-up: for each format, hash a
// 64 MiB buffer in memory (compute only) and, given a folder, every file in it on one thread through
// FileHasher (read + compute). Compare the in-memory figures with `xxhsum -b` (see bench/mhl.sh).
//
//   dotnet run -c Release --project bench/MhlHashBench [FOLDER]
using System.Diagnostics;
using System.Globalization;
using Rushes.Host.Mhl.Hashing;

var buffer = new byte[64 << 20];
new Random(8).NextBytes(buffer);
var files = args.Length > 0 ? Directory.GetFiles(args[0]) : [];
var fileBytes = files.Sum(f => new FileInfo(f).Length);
// XXH64 implementations side by side on a cache-resident 1 MiB buffer, best of many bursts (steadier on a busy machine).
var small = buffer.AsMemory(0, 1 << 20);
foreach (var (name, make) in new (string, Func<System.IO.Hashing.NonCryptographicHashAlgorithm>)[] { ("System.IO.Hashing XxHash64", () => new System.IO.Hashing.XxHash64()), ("FastXxHash64", () => new FastXxHash64()) })
{
    var rate = Best(300, () =>
    {
        var h = make();
        h.Append(small.Span);
        h.GetCurrentHash();
        return small.Length;
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {rate:F0} MB/s (1 MiB in cache)"));
}

Console.WriteLine("| Format | In memory, MB/s (best of 5) | Files, 1 thread, MB/s (best of 3) |");
Console.WriteLine("|---|---:|---:|");
foreach (var format in new[] { HashFormat.Xxh64, HashFormat.Xxh3, HashFormat.Xxh128, HashFormat.Md5, HashFormat.Sha1, HashFormat.C4 })
{
    var memory = Best(5, () =>
    {
        using var hasher = new Hasher(format);
        for (var offset = 0; offset < buffer.Length; offset += FileHasher.ChunkSize)
        {
            hasher.Append(buffer.AsSpan(offset, FileHasher.ChunkSize));
        }

        hasher.FinishBytes();
        return buffer.Length;
    });
    var disk = files.Length == 0 ? double.NaN : Best(3, () =>
    {
        foreach (var file in files)
        {
            FileHasher.Hash(file, [format]);
        }

        return fileBytes;
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {format.Name()} | {memory:F0} | {(double.IsNaN(disk) ? "-" : disk.ToString("F0", CultureInfo.InvariantCulture))} |"));
}

static double Best(int runs, Func<long> body)
{
    var best = 0.0;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        var bytes = body();
        best = Math.Max(best, bytes / watch.Elapsed.TotalSeconds / 1e6);
    }

    return best;
}
