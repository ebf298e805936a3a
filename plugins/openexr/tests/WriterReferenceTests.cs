using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Our files, read by the OpenEXR library (<c>exrheader</c>) and OpenImageIO (<c>oiiotool</c>).</summary>
public sealed class WriterReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var compression in TestFrames.Compressions)
        {
            data.Add(compression, "half", "rgb");
            data.Add(compression, "half", "rgba");
            data.Add(compression, "float", "rgb");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OpenImageIO_decodes_the_same_pixels(string compression, string pixelType, string channels)
    {
        // Odd sizes: partial chunks at the bottom, odd columns and rows in the PIZ wavelet.
        using var image = TestFrames.Picture(67, 45, channels == "rgba" ? 4 : 3);
        var ours = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", compression), ("pixel-type", pixelType), ("channels", channels));

        // OpenImageIO decodes our chunks and stores them uncompressed; our reader only has to read NONE back.
        var reference = _temp.File("reference.exr");
        ExrAssert.Tool("oiiotool", ours, "--compression", "none", "-o", reference);
        var back = ExrFileReader.Read(reference);
        Assert.Equal(ExrCompression.None, back.Header.Compression());
        var type = pixelType == "half" ? ExrPixelType.Half : ExrPixelType.Float;
        Assert.All(back.Channels, c => Assert.Equal(type, c.Type));
        ExrAssert.SamePixels(image, back, type, channels == "rgba");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exrheader_and_oiiotool_read_the_header(string compression, string pixelType, string channels)
    {
        using var image = TestFrames.Picture(40, 33, channels == "rgba" ? 4 : 3);
        var ours = TestFrames.WriteFrame(_temp.Path, image, 1003, ("compression", compression), ("pixel-type", pixelType), ("channels", channels));

        var bits = pixelType == "half" ? "16-bit floating-point" : "32-bit floating-point";
        var header = ExrAssert.Tool("exrheader", ours).StandardOutput;
        string[] expected =
        [
            $"compression (type compression): {ExrheaderName(compression)}",
            $"B, {bits}, sampling 1 1",
            $"R, {bits}, sampling 1 1",
            "dataWindow (type box2i): (0 0) - (39 32)",
            "displayWindow (type box2i): (0 0) - (39 32)",
            "lineOrder (type lineOrder): increasing y",
            "pixelAspectRatio (type float): 1",
            "screenWindowCenter (type v2f): (0 0)",
            "screenWindowWidth (type float): 1",
            "red   (0.7347 0.2653)",
            "blue  (0.0001 -0.077)",
            "white (0.32168 0.33767)",
            "time 01:02:03:06",
            "framesPerSecond (type rational): 24000/1001",
            "captureRate (type rational): 24000/1001",
            "imageCounter (type int): 1003",
            "owner (type string): \"Rushes Test Studio\"",
            "comments (type string): \"OpenEXR deliverable test\"",
            "capDate (type string): \"2026:03:14 09:26:53\"",
            "utcOffset (type float): 25200",
            "cameraMake (type string): \"ARRI\"",
            "cameraModel (type string): \"ALEXA 35\"",
            "lensModel (type string): \"Signature Prime 47mm\"",
            "nominalFocalLength (type float): 47",
            "tStop (type float): 2.8",
            "isoSpeed (type float): 800",
            "reelName (type string): \"A001\"",
            "amfUuid (type string): \"urn:uuid:7f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b\"",
        ];
        Assert.All(expected, line => Assert.Contains(line, header, StringComparison.Ordinal));
        Assert.Equal(channels == "rgba", header.Contains("A, " + bits, StringComparison.Ordinal));

        var info = ExrAssert.Tool("oiiotool", "--info", "-v", "--stats", ours).StandardOutput;
        Assert.Contains($"40 x   33, {(channels == "rgba" ? 4 : 3)} channel, {pixelType} openexr", info, StringComparison.Ordinal);
        Assert.Contains($"compression: \"{compression}\"", info, StringComparison.Ordinal);
        Assert.Contains("smpte:TimeCode: 01:02:03:06", info, StringComparison.Ordinal);
        Assert.Contains("Stats NanCount: 0 0 0", info, StringComparison.Ordinal);
        Assert.Contains("Stats InfCount: 0 0 0", info, StringComparison.Ordinal);
    }

    // How exrheader (OpenEXR 3.1) names each compression.
    private static string ExrheaderName(string compression) => compression switch
    {
        "rle" => "run-length encoding",
        "zips" => "zip, individual scanlines",
        "zip" => "zip, multi-scanline blocks",
        _ => compression,
    };

    [Fact]
    public void Piz_keeps_a_wide_value_range_exact()
    {
        // Random floats: more than 2^14 distinct 16-bit words per chunk, so PIZ takes its modulo-2^16 wavelet.
        using var image = new Rushes.Contracts.Imaging.PlanarImage(300, 70);
        var random = new Random(7);
        var samples = image.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-6, 6)));
        }

        var ours = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "piz"), ("pixel-type", "float"));
        var reference = _temp.File("reference.exr");
        ExrAssert.Tool("oiiotool", ours, "--compression", "none", "-o", reference);
        ExrAssert.SamePixels(image, ExrFileReader.Read(reference), ExrPixelType.Float, alpha: false);
        ExrAssert.SamePixels(image, ExrFileReader.Read(ours), ExrPixelType.Float, alpha: false);
    }
}
