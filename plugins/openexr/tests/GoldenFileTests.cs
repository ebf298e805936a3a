using System.Security.Cryptography;
using System.Text;
using Rushes.Plugins.OpenExr.IO;
using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Byte-exact golden files where the output is deterministic, and the header dump of a deliverable frame.</summary>
public sealed class GoldenFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Small_files_hash_the_same_every_run()
    {
        // ZIP and ZIPS are left out: their bytes depend on the runtime's zlib build, not on our code.
        var report = new StringBuilder();
        foreach (var compression in new[] { "none", "rle", "piz" })
        {
            foreach (var pixelType in new[] { "half", "float" })
            {
                using var image = TestFrames.Picture(24, 40, 4, seed: 11);
                var folder = Path.Combine(_temp.Path, compression + pixelType);
                var path = TestFrames.WriteFrame(folder, image, 1001, ("compression", compression), ("pixel-type", pixelType), ("channels", "rgba"));
                var bytes = File.ReadAllBytes(path);
                report.AppendLine($"{compression} {pixelType}: {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
            }
        }

        Golden.VerifyText(report.ToString(), "hashes");
    }

    [Fact]
    public void Header_of_a_deliverable_frame()
    {
        using var image = TestFrames.Picture(16, 9);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1007, ("compression", "piz"), ("pixel-type", "float"), ("channels", "rgba"));
        Golden.VerifyText(ExrAssert.Dump(ExrFileReader.ReadHeader(path)), "piz-float-rgba-header");
    }

    [Fact]
    public void Decoded_pixels_match_the_golden_image()
    {
        using var image = TestFrames.Picture(19, 13);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "piz"));
        using var back = ExrFileReader.Read(path).ToPlanarImage();
        Golden.VerifyImage(FloatImage.FromPlanar(back), "piz-half-pixels", ImageTolerance.Exact);
    }
}
