using Rushes.Plugins.Tiff.IO;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>Our TIFFs, read by OpenImageIO (libtiff underneath: <c>iinfo</c>, <c>oiiotool</c>) and ExifTool.</summary>
public sealed class WriterReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "16", "none", "auto" },
        { "16", "deflate", "auto" },
        { "16", "deflate", "none" },
        { "32f", "none", "auto" },
        { "32f", "deflate", "auto" },
        { "32f", "deflate", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OpenImageIO_decodes_the_same_pixels(string bitDepth, string compression, string predictor)
    {
        // Odd width; a frame tall enough for several strips, so strip boundaries and the last short strip are crossed.
        using var image = TestFrames.Picture(1367, 301);
        var ours = TestFrames.WriteFrame(_temp.Path, image, 1001, ("bit-depth", bitDepth), ("compression", compression), ("predictor", predictor));

        // OpenImageIO decodes our strips (predictor and Deflate included) and stores them uncompressed; our reader then only reads raw strips.
        var reference = _temp.File("reference.tif");
        TiffAssert.Tool("oiiotool", ours, "--compression", "none", "-o", reference);
        using var back = TiffFileReader.Read(reference);
        Assert.Equal(1u, back.Number(Format.TiffTag.Compression));
        TiffAssert.SamePixels(image, back.Pixels, bitDepth == "32f");
    }

    [Fact]
    public void OpenImageIO_dumps_the_16_bit_codes_we_wrote()
    {
        using var image = TestFrames.Picture(29, 13);
        var ours = TestFrames.WriteFrame(_temp.Path, image, 1001, ("bit-depth", "16"), ("compression", "deflate"));
        var codes = TiffAssert.Codes(ours);
        Assert.Equal(29 * 13, codes.Count);
        foreach (var ((x, y), values) in codes)
        {
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(TestFrames.Code(image.GetRow(c, y)[x]), values[c]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Iinfo_oiiotool_and_exiftool_read_the_tags(string bitDepth, string compression, string predictor)
    {
        using var image = TestFrames.Picture(40, 33);
        var icc = _temp.File("display.icc");
        File.WriteAllBytes(icc, TestFrames.IccProfile());
        var ours = TestFrames.WriteFrame(_temp.Path, image, 1003, ("bit-depth", bitDepth), ("compression", compression), ("predictor", predictor), ("icc-profile", icc));

        var type = bitDepth == "16" ? "uint16" : "float";
        string[] expected =
        [
            $"40 x   33, 3 channel, {type} tiff",
            $"oiio:BitsPerSample: {(bitDepth == "16" ? 16 : 32)}",
            $"compression: \"{(compression == "deflate" ? "zip" : "none")}\"",
            $"tiff:Compression: {(compression == "deflate" ? 8 : 1)}",
            "planarconfig: \"contig\"",
            "tiff:PhotometricInterpretation: 2",
            "Software: \"Rushes TIFF deliverable\"",
            "DateTime: \"2026:03:15 10:20:30\"",
            "ImageDescription: \"TIFF deliverable test\"",
            "DocumentName: \"A001C003_260314_R1AB\"",
            "Artist: \"Rushes Test Studio\"",
            "Copyright: \"Rushes Test Studio\"",
            "[164 x uint8]",
            "ICCProfile:color_space: \"RGB\"",
            "ICCProfile:device_class: \"Display device profile\"",
            "ICCProfile:profile_size: 164",
        ];
        var info = TiffAssert.Tool("iinfo", "-v", ours).StandardOutput;
        Assert.All(expected, line => Assert.Contains(line, info, StringComparison.Ordinal));
        Assert.All(expected, line => Assert.Contains(line, TiffAssert.Tool("oiiotool", "--info", "-v", ours).StandardOutput, StringComparison.Ordinal));

        var tags = TiffAssert.Tool("exiftool", "-s", "-G1", "-a", ours).StandardOutput;
        string[] exif =
        [
            "[IFD0]          ImageWidth                      : 40",
            $"[IFD0]          BitsPerSample                   : {(bitDepth == "16" ? "16 16 16" : "32 32 32")}",
            $"[IFD0]          Compression                     : {(compression == "deflate" ? "Adobe Deflate" : "Uncompressed")}",
            "[IFD0]          PlanarConfiguration             : Chunky",
            $"[IFD0]          SampleFormat                    : {(bitDepth == "16" ? "Unsigned; Unsigned; Unsigned" : "Float; Float; Float")}",
            "[ICC-header]    ProfileClass                    : Display Device Profile",
            "[ICC-header]    ColorSpaceData                  : RGB",
            "[ICC-header]    ProfileFileSignature            : acsp",
        ];
        Assert.All(exif, line => Assert.Contains(line, tags, StringComparison.Ordinal));
        var predicted = (compression, predictor, bitDepth) switch
        {
            ("deflate", "auto", "16") => "Horizontal differencing",
            ("deflate", "auto", _) => "Floating point",
            _ => null,
        };
        Assert.Equal(predicted is not null, tags.Contains("Predictor", StringComparison.Ordinal));
        if (predicted is not null)
        {
            Assert.Contains($"[IFD0]          Predictor                       : {predicted}", tags, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2.0, "2")]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1")]
    public void The_pixel_aspect_ratio_is_read_back(double ratio, string shown)
    {
        using var image = TestFrames.Picture(8, 4);
        var request = TestFrames.Request(_temp.Path, 8, 4) with { PixelAspectRatio = ratio };
        using (var writer = new Deliverable.TiffDeliverableType(FixedClock.Default).CreateWriter(request))
        {
            writer.WriteFrame(new Rushes.Contracts.Deliverables.DeliverableFrame { Image = image, FrameNumber = 1001, FileName = "par.tif" });
            writer.Complete();
        }

        Assert.Contains($"PixelAspectRatio: {shown}\n", TiffAssert.Tool("iinfo", "-v", _temp.File("par.tif")).StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
