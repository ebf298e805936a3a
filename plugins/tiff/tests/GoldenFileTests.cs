using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Rushes.Plugins.Tiff.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>Golden hashes (files where the bytes are ours alone, decoded pixels for every option set) and the tag dump of a frame.</summary>
public sealed class GoldenFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Files_and_pixels_hash_the_same_every_run()
    {
        var report = new StringBuilder();
        foreach (var options in new[]
        {
            new[] { ("bit-depth", "16") },
            [("bit-depth", "32f")],
            [("bit-depth", "16"), ("compression", "deflate")],
            [("bit-depth", "32f"), ("compression", "deflate")],
            [("bit-depth", "32f"), ("compression", "deflate"), ("predictor", "none")],
        })
        {
            using var image = TestFrames.Picture(23, 9, seed: 5);
            var folder = Path.Combine(_temp.Path, string.Join('-', options.Select(o => o.Item2)));
            var path = TestFrames.WriteFrame(folder, image, 1001, options);
            var bytes = File.ReadAllBytes(path);
            using var back = TiffFileReader.Read(path);
            var pixels = SHA256.HashData(MemoryMarshal.AsBytes(back.Pixels.Samples));

            // Deflate's bytes depend on the runtime's zlib build, not on our code: only the decoded pixels are pinned.
            var file = options.Any(o => o.Item2 == "deflate") ? "zlib-dependent" : Convert.ToHexStringLower(SHA256.HashData(bytes));
            report.AppendLine($"{string.Join(' ', options.Select(o => $"{o.Item1}={o.Item2}"))}: file sha256 {file}, decoded pixels sha256 {Convert.ToHexStringLower(pixels)}");
        }

        Golden.VerifyText(report.ToString(), "hashes");
    }

    [Theory]
    [InlineData("16", "none")]
    [InlineData("32f", "deflate")]
    public void Tags_of_a_deliverable_frame(string bitDepth, string compression)
    {
        using var image = TestFrames.Picture(16, 9);
        var icc = _temp.File("display.icc");
        File.WriteAllBytes(icc, TestFrames.IccProfile());
        var path = TestFrames.WriteFrame(Path.Combine(_temp.Path, "out"), image, 1007, ("bit-depth", bitDepth), ("compression", compression), ("icc-profile", icc));
        using var back = TiffFileReader.Read(path);
        Golden.VerifyText(TiffFileReader.Describe(back), $"tags-{bitDepth}-{compression}");
    }
}
