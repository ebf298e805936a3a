using System.Globalization;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>Our DPX files, read by OpenImageIO (<c>iinfo</c>, <c>oiiotool</c>).</summary>
public sealed class WriterReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(10)]
    [InlineData(16)]
    public void OpenImageIO_decodes_the_same_code_values(int bits)
    {
        // Odd sizes: 16-bit rows that end mid-word, and end-of-image padding.
        using var image = TestFrames.Picture(37, 21);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("bit-depth", bits.ToString(CultureInfo.InvariantCulture)));
        var pixels = DpxAssert.Dump(path);
        Assert.Equal(37 * 21, pixels.Count);
        var max = (1u << bits) - 1;
        foreach (var p in pixels)
        {
            for (var c = 0; c < 3; c++)
            {
                var source = image.GetRow(c, p.Y)[p.X];
                var code = TestFrames.Code(source, bits);

                // OpenImageIO widens 10-bit codes to 16 bits by bit replication (code << 6 | code >> 4): the top ten bits are our code, exactly.
                var read = bits == 10 ? (uint)p.Codes[c] >> 6 : (uint)p.Codes[c];
                Assert.True(code == read, $"pixel ({p.X}, {p.Y}) channel {"RGB"[c]}: OpenImageIO reads code {read}, we wrote {code} for {source}.");

                // As floats: within half a code step of the source clamped to 0..1 (the quantization), plus 1e-5 for OpenImageIO's 10-to-16-bit widening.
                Assert.InRange(p.Values[c], Math.Clamp(source, 0, 1) - (0.5 / max) - 1e-5, Math.Clamp(source, 0, 1) + (0.5 / max) + 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(10, "log", "user-defined", "Logarithmic", "User defined")]
    [InlineData(16, "printing-density", "printing-density", "Printing density", "Printing density")]
    [InlineData(10, "bt709", "bt709", "ITU-R 709-4", "ITU-R 709-4")]
    [InlineData(16, "linear", "user-defined", "Linear", "User defined")]
    public void Iinfo_and_oiiotool_read_the_header(int bits, string transfer, string colorimetric, string oiioTransfer, string oiioColorimetric)
    {
        using var image = TestFrames.Picture(40, 33);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1003,
            ("bit-depth", bits.ToString(CultureInfo.InvariantCulture)), ("transfer", transfer), ("colorimetric", colorimetric), ("project", "Rushes test project"));
        string[] expected =
        [
            $"40 x   33, 3 channel, uint{bits} dpx",
            $"oiio:BitsPerSample: {bits}",
            "dpx:Version: \"V2.0\"",
            "dpx:ImageDescriptor: \"RGB\"",
            $"dpx:Transfer: \"{oiioTransfer}\"",
            $"dpx:Colorimetric: \"{oiioColorimetric}\"",
            // Frame 1003 is two frames after 01:02:03:04.
            "smpte:TimeCode: 01:02:03:06",
            "dpx:TimeCode: \"01:02:03:06\"",
            "dpx:InputDevice: \"A001\"",
            "dpx:InputDeviceSerialNumber: \"60123\"",
            "dpx:Interlace: 0",
            "dpx:FrameRate: 23.976",
            "dpx:TemporalFrameRate: 23.976",
            "Copyright: \"Rushes Test Studio\"",
            "DocumentName: \"Rushes test project\"",
            "Software: \"Rushes DPX deliverable\"",
            "PixelAspectRatio: 1",
            "dpx:FramePosition: 1003",
            "dpx:SequenceLength: 10",
            "dpx:ShutterAngle: 172.8",
            "dpx:SourceImageFileName: \"A001C003_260314_R1AB\"",
            "dpx:SourceDateTime: \"2026:03:14 09:26:53\"",
            "DateTime: \"2026:03:15 10:20:30\"",
        ];
        var info = DpxAssert.Tool("iinfo", "-v", path).StandardOutput;
        Assert.All(expected, line => Assert.Contains(line, info, StringComparison.Ordinal));
        var oiio = DpxAssert.Tool("oiiotool", "--info", "-v", path).StandardOutput;
        Assert.All(expected, line => Assert.Contains(line, oiio, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(50, 1, "10:00:00:47", "10:00:00:24")] // ST 12-1 above 30 fps: frame 48 is the first of pair 24
    [InlineData(30000, 1001, "00:00:59;29", "00:01:00;02")] // drop-frame: 00:01:00;00 and ;01 do not exist
    public void Timecodes_follow_smpte_12_at_every_rate(int numerator, int denominator, string start, string expected)
    {
        using var image = TestFrames.Picture(8, 4);
        var rate = new FrameRate(numerator, denominator);
        var request = TestFrames.Request(_temp.Path, 8, 4, ("bit-depth", "16")) with { FrameRate = rate, StartTimecode = Timecode.Parse(start, rate) };
        var path = TestFrames.WriteFrame(request, image, 1002);
        var info = DpxAssert.Tool("iinfo", "-v", path).StandardOutput;
        Assert.Contains($"dpx:TimeCode: \"{expected}\"", info, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"dpx:TemporalFrameRate: {rate.FramesPerSecond:0.###}"), info, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anamorphic_pixel_aspect_ratio_is_read_back()
    {
        using var image = TestFrames.Picture(8, 4);
        var request = TestFrames.Request(_temp.Path, 8, 4) with { PixelAspectRatio = 1.3333 };
        var path = TestFrames.WriteFrame(request, image, 1001);
        Assert.Contains("PixelAspectRatio: 1.3333", DpxAssert.Tool("iinfo", "-v", path).StandardOutput, StringComparison.Ordinal);
        var header = Rushes.Plugins.Dpx.IO.DpxFileReader.ReadHeader(path);
        Assert.Equal((13333u, 10000u), (header.AspectHorizontal!.Value, header.AspectVertical!.Value));
    }
}
