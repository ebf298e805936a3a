using System.Security.Cryptography;
using System.Text;
using Rushes.Plugins.Dpx.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>Byte-exact golden files (the clock is fixed), and the header dump of each bit depth.</summary>
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
            new[] { ("bit-depth", "10") },
            [("bit-depth", "16")],
            [("bit-depth", "10"), ("transfer", "printing-density"), ("colorimetric", "printing-density")],
            [("bit-depth", "16"), ("transfer", "bt709"), ("colorimetric", "bt709")],
            [("bit-depth", "10"), ("transfer", "linear"), ("non-finite", "clamp")],
        })
        {
            // Odd width and height: 16-bit rows of 6 × 23 bytes, and end-of-image padding.
            using var image = TestFrames.Picture(23, 9, seed: 5);
            var folder = Path.Combine(_temp.Path, string.Join('-', options.Select(o => o.Item2)));
            var path = TestFrames.WriteFrame(folder, image, 1001, options);
            var bytes = File.ReadAllBytes(path);
            using var back = DpxFileReader.Read(path);
            var samples = back.Pixels.Samples.ToArray();
            var pixelHash = SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()));
            report.AppendLine($"{string.Join(' ', options.Select(o => $"{o.Item1}={o.Item2}"))}: {bytes.Length} bytes, file sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}, decoded pixels sha256 {Convert.ToHexStringLower(pixelHash)}");
        }

        Golden.VerifyText(report.ToString(), "hashes");
    }

    [Theory]
    [InlineData("10")]
    [InlineData("16")]
    public void Header_of_a_deliverable_frame(string bitDepth)
    {
        using var image = TestFrames.Picture(16, 9);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1007, ("bit-depth", bitDepth));
        Golden.VerifyText(DpxAssert.Describe(DpxFileReader.ReadHeader(path)), $"header-{bitDepth}bit");
    }

    [Fact]
    public void Decoded_pixels_match_the_golden_image()
    {
        using var image = TestFrames.Picture(19, 13);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("bit-depth", "10"));
        using var back = DpxFileReader.Read(path);
        Golden.VerifyImage(FloatImage.FromPlanar(back.Pixels), "10bit-pixels", ImageTolerance.Exact);
    }
}
