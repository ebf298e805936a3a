using Rushes.Contracts.Imaging;
using Rushes.Testing;

namespace Rushes.Plugins.Stills.Tests;

/// <summary>Our stills read back by OpenImageIO (pixels, size, sample type) and exiftool (tags).</summary>
public sealed class ReferenceReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("8", 255, "uint8")]
    [InlineData("16", 65535, "uint16")]
    public void Png_pixels_decode_exactly(string bitDepth, int max, string sampleType)
    {
        using var image = StillFiles.Picture(67, 41);
        var path = StillFiles.Write(_temp.Path, image, ("format", "png"), ("bit-depth", bitDepth));
        var decoded = StillFiles.Decode(path);
        Assert.Equal((67, 41, 3, sampleType), (decoded.Width, decoded.Height, decoded.Channels, decoded.SampleType));
        for (var y = 0; y < 41; y++)
        {
            for (var x = 0; x < 67; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var want = StillFiles.Expected(image.GetRow(c, y)[x], max);
                    if (decoded.Code(x, y, c) != want)
                    {
                        Assert.Fail($"pixel ({x}, {y}) channel {c}: oiiotool decoded {decoded.Code(x, y, c)}, expected {want}");
                    }
                }
            }
        }

        // The clamped corner: -0.5 → 0, 1.75 → full scale, 1.0 → full scale.
        Assert.Equal((0, max, max), (decoded.Code(0, 0, 0), decoded.Code(0, 0, 1), decoded.Code(0, 0, 2)));
    }

    [Theory]
    [InlineData("444")]
    [InlineData("420")]
    public void Jpeg_at_quality_95_is_within_40_dB(string subsampling)
    {
        using var image = StillFiles.Picture(96, 64);
        var path = StillFiles.Write(_temp.Path, image, ("format", "jpeg"), ("quality", "95"), ("chroma-subsampling", subsampling));
        var decoded = StillFiles.Decode(path);
        Assert.Equal((96, 64, 3, "uint8"), (decoded.Width, decoded.Height, decoded.Channels, decoded.SampleType));
        var psnr = Psnr(image, decoded);
        Assert.True(psnr > 40, $"JPEG q95 {subsampling}: PSNR {psnr:F2} dB, expected above 40 dB");
    }

    [Fact]
    public void Lower_jpeg_quality_costs_fidelity_and_saves_bytes()
    {
        using var image = StillFiles.Picture(96, 64, seed: 3);
        var high = StillFiles.Write(Path.Combine(_temp.Path, "q95"), image, ("quality", "95"));
        var low = StillFiles.Write(Path.Combine(_temp.Path, "q40"), image, ("quality", "40"));
        Assert.True(new FileInfo(low).Length < new FileInfo(high).Length);
        Assert.True(Psnr(image, StillFiles.Decode(low)) < Psnr(image, StillFiles.Decode(high)));
    }

    [Theory]
    [InlineData("jpeg", "8", true)]
    [InlineData("jpeg", "8", false)]
    [InlineData("png", "16", true)]
    [InlineData("png", "8", false)]
    public void Tags_read_by_exiftool(string format, string bitDepth, bool icc)
    {
        using var image = StillFiles.Picture(40, 30);
        var options = new List<(string, string)> { ("format", format), ("bit-depth", bitDepth), ("icc", icc ? "true" : "false") };
        var path = StillFiles.Write(_temp.Path, image, [.. options]);
        var tags = ReferenceTool.Run("exiftool", ["-s", "-G1", path]).EnsureSuccess("exiftool").StandardOutput;
        if (format == "jpeg")
        {
            Assert.Contains("ImageWidth", tags, StringComparison.Ordinal);
            Assert.Matches(@"\[File\]\s+ImageWidth\s+: 40", tags);
            Assert.Matches(@"\[File\]\s+BitsPerSample\s+: 8", tags);
            // Skia's sRGB profile: ICC v4, "sRGB" description, in an APP2 segment.
            Assert.Equal(icc, System.Text.RegularExpressions.Regex.IsMatch(tags, @"\[ICC_Profile\]\s+ProfileDescription\s+: sRGB"));
        }
        else
        {
            Assert.Matches(@"\[PNG\]\s+ImageWidth\s+: 40", tags);
            Assert.Matches($@"\[PNG\]\s+BitDepth\s+: {bitDepth}", tags);
            Assert.Matches(@"\[PNG\]\s+ColorType\s+: RGB\b", tags);
            // PNG's own sRGB tagging: the sRGB chunk (PNG 1.2, 4.2.2.4); never a second, contradicting gAMA/iCCP.
            Assert.Equal(icc, tags.Contains("SRGBRendering", StringComparison.Ordinal));
            Assert.DoesNotContain("ICC_Profile", tags, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Iinfo_reads_the_jpeg_icc_profile()
    {
        using var image = StillFiles.Picture(32, 16);
        var tagged = StillFiles.Write(Path.Combine(_temp.Path, "a"), image, ("icc", "true"));
        var plain = StillFiles.Write(Path.Combine(_temp.Path, "b"), image, ("icc", "false"));
        var info = ReferenceTool.Run("iinfo", ["-v", tagged]).EnsureSuccess("iinfo").StandardOutput;
        Assert.Contains("32 x   16, 3 channel, uint8 jpeg", info, StringComparison.Ordinal);
        Assert.Contains("ICCProfile:profile_description: \"sRGB\"", info, StringComparison.Ordinal);
        Assert.Contains("ICCProfile:color_space: \"RGB\"", info, StringComparison.Ordinal);
        Assert.DoesNotContain("ICCProfile", ReferenceTool.Run("iinfo", ["-v", plain]).EnsureSuccess("iinfo").StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Thumbnails_match_openimageio_lanczos3_resize()
    {
        // Ours resizes in float before quantizing; OpenImageIO resizes the full-size 16-bit PNG with its lanczos3.
        using var image = StillFiles.Picture(480, 270, seed: 5);
        // In range everywhere, so both resize the same values (OpenImageIO sees them clamped by the PNG).
        image.GetRow(0, 0)[0] = 0;
        image.GetRow(1, 0)[0] = 1;
        var full = StillFiles.Write(Path.Combine(_temp.Path, "full"), image, ("format", "png"), ("bit-depth", "16"));
        var thumb = StillFiles.Write(Path.Combine(_temp.Path, "thumb"), image, ("format", "png"), ("bit-depth", "16"), ("long-edge", "160"));
        var reference = Path.Combine(_temp.Path, "reference.png");
        ReferenceTool.Run("oiiotool", [full, "--resize:filter=lanczos3", "160x90", "-d", "uint16", "-o", reference]).EnsureSuccess("oiiotool --resize");

        var ours = StillFiles.Decode(thumb);
        var theirs = StillFiles.Decode(reference);
        Assert.Equal((160, 90), (ours.Width, ours.Height));
        var comparison = ImageComparison.Compare(ToImage(theirs), ToImage(ours));
        Assert.True(comparison.Psnr > 45 && comparison.MaxAbsoluteError < 0.05, $"thumbnail vs oiiotool lanczos3: {comparison}");
    }

    [Fact]
    public void Non_square_pixels_are_unsqueezed()
    {
        using var image = StillFiles.Picture(100, 80);
        var request = StillFiles.Request(_temp.Path, 100, 80, ("format", "png")) with { PixelAspectRatio = 2.0 };
        var decoded = StillFiles.Decode(StillFiles.Write(request, image));
        Assert.Equal((200, 80), (decoded.Width, decoded.Height));
        var thumb = StillFiles.Decode(StillFiles.Write(request with { Output = new Rushes.Contracts.Deliverables.DirectoryOutputTarget(Path.Combine(_temp.Path, "t")), Options = new([new("format", "png"), new("long-edge", "50")]) }, image));
        Assert.Equal((50, 20), (thumb.Width, thumb.Height));
    }

    private static double Psnr(PlanarImage source, DecodedStill decoded)
    {
        // Against the values the file was meant to hold: the source, clamped to 0..1.
        double sum = 0;
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var d = Math.Clamp(source.GetRow(c, y)[x], 0, 1) - (decoded.Code(x, y, c) / 255.0);
                    sum += d * d;
                }
            }
        }

        return 20 * Math.Log10(1 / Math.Sqrt(sum / (source.Width * source.Height * 3)));
    }

    private static FloatImage ToImage(DecodedStill still)
        => new(still.Width, still.Height, still.Channels, [.. still.Codes.Select(c => c / (float)still.Max)]);
}
