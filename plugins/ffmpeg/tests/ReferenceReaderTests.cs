using System.Text.Json;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>Our movies read by ffprobe (codec, profile, size, rate, frame count, colour tags, timecode, reel, clip name) and decoded back by ffmpeg.</summary>
public sealed class ReferenceReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("prores-422-hq", "rgb", "prores", "HQ", "apch", "yuv422p10le")]
    [InlineData("prores-4444", "rgb", "prores", "4444", "ap4h", "yuv444p12le")]
    [InlineData("prores-4444", "rgba", "prores", "4444", "ap4h", "yuva444p12le")]
    [InlineData("dnxhr-hqx", "rgb", "dnxhd", "DNXHR HQX", "AVdh", "yuv422p10le")]
    [InlineData("h264", "rgb", "h264", "High", "avc1", "yuv420p")]
    public void Ffprobe_reads_codec_size_rate_frames_and_tags(string codec, string channels, string codecName, string profile, string tag, string pixelFormat)
    {
        var request = MovieFiles.Request(_temp.Path, 256, 144, 5, ("codec", codec), ("channels", channels));
        var probe = MovieFiles.Probe(MovieFiles.Write(request, channels == "rgba" ? 4 : 3));

        var streams = probe.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.Single(s => s.Text("codec_type") == "video");
        Assert.Equal(
            (codecName, profile, tag, pixelFormat, "256", "144", "24000/1001", "5"),
            (video.Text("codec_name"), video.Text("profile"), video.Text("codec_tag_string"), video.Text("pix_fmt"), video.Text("width"), video.Text("height"), video.Text("r_frame_rate"), video.Text("nb_read_frames")));
        Assert.Equal(("bt709", "bt709", "bt709", "tv"), (video.Text("color_primaries"), video.Text("color_transfer"), video.Text("color_space"), video.Text("color_range")));
        Assert.Equal("01:02:03:04", video.Tag("timecode"));

        // The timecode track (tmcd) carries the start and the reel; the clip name and comments are the movie's title and comment.
        var timecode = streams.Single(s => s.Text("codec_tag_string") == "tmcd");
        Assert.Equal(("01:02:03:04", "A001"), (timecode.Tag("timecode"), timecode.Tag("reel_name")));
        var format = probe.GetProperty("format");
        Assert.Equal(("A001C003_260314_R1AB", "Rushes movie test"), (format.Tag("title"), format.Tag("comment")));
        Assert.Contains("mov", format.Text("format_name"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prores-4444", "rgb48", 0.0015, 0.01)]
    [InlineData("prores-4444", "float", 0.0015, 0.01)]
    [InlineData("prores-422-hq", "rgb48", 0.004, 0.08)]
    [InlineData("dnxhr-hqx", "rgb48", 0.004, 0.08)]
    public void Decoded_pixels_match_the_input(string codec, string pipe, double meanLimit, double maxLimit)
    {
        // Tolerances: 10-bit limited range quantizes to about 1/876 (0.0011) per step; 4:2:2 adds chroma error at the soft edge.
        var request = MovieFiles.Request(_temp.Path, 256, 144, 3, ("codec", codec), ("pipe", pipe));
        var decoded = MovieFiles.DecodeRgb(MovieFiles.Write(request), _temp.Path);
        var source = MovieFiles.Source(request);
        Assert.Equal(source.Length, decoded.Length);
        var (mean, max) = Errors(source, decoded);
        Assert.True(mean < meanLimit && max < maxLimit, $"{codec} via {pipe}: mean abs error {mean:G4} (limit {meanLimit}), max {max:G4} (limit {maxLimit})");
    }

    [Fact]
    public void Prores_4444_keeps_alpha()
    {
        var request = MovieFiles.Request(_temp.Path, 256, 144, 2, ("codec", "prores-4444"), ("channels", "rgba"));
        var decoded = MovieFiles.DecodeRgb(MovieFiles.Write(request, 4), _temp.Path, alpha: true);
        var source = MovieFiles.Source(request, 4);
        var alphaSource = source.Where((_, i) => i % 4 == 3).ToArray();
        var alphaDecoded = decoded.Where((_, i) => i % 4 == 3).ToArray();
        var (mean, max) = Errors(alphaSource, alphaDecoded);
        // Alpha reaches the encoder as 10-bit full range (yuva444p10le), so up to about two 10-bit codes of error.
        Assert.True(mean < 0.0008 && max < 0.0025, $"alpha: mean {mean:G4}, max {max:G4}");
    }

    [Fact]
    public void H264_proxy_is_close_at_crf_18()
    {
        var request = MovieFiles.Request(_temp.Path, 256, 144, 3, ("codec", "h264"), ("crf", "18"), ("preset", "veryfast"));
        var decoded = MovieFiles.DecodeRgb(MovieFiles.Write(request), _temp.Path);
        var source = MovieFiles.Source(request);
        double sum = 0;
        for (var i = 0; i < source.Length; i++)
        {
            sum += (source[i] - decoded[i]) * (source[i] - decoded[i]);
        }

        var psnr = 20 * Math.Log10(1 / Math.Sqrt(sum / source.Length));
        // 8-bit 4:2:0 and lossy: the soft blue edge loses chroma resolution; 34 dB is a faithful proxy, a broken matrix or range lands far below.
        Assert.True(psnr > 34, $"H.264 crf 18: PSNR {psnr:F2} dB, expected above 34 dB");
    }

    [Fact]
    public void Drop_frame_timecode_and_other_encodings_are_tagged()
    {
        var request = MovieFiles.Request(_temp.Path, 256, 144, 2, ("codec", "prores-422-hq")) with
        {
            FrameRate = FrameRate.Fps29_97,
            StartTimecode = Timecode.Parse("10:00:00;00", FrameRate.Fps29_97),
            ColourEncoding = "Rec2100-D65_1000nit_in_Rec2100-D65_ST2084",
            PixelAspectRatio = 2,
        };
        var probe = MovieFiles.Probe(MovieFiles.Write(request));
        var video = probe.GetProperty("streams").EnumerateArray().Single(s => s.Text("codec_type") == "video");
        Assert.Equal(("30000/1001", "10:00:00;00"), (video.Text("r_frame_rate"), video.Tag("timecode")));
        Assert.Equal(("bt2020", "smpte2084", "bt2020nc"), (video.Text("color_primaries"), video.Text("color_transfer"), video.Text("color_space")));
        Assert.Equal("2:1", video.Text("sample_aspect_ratio"));
    }

    private static (double Mean, double Max) Errors(float[] expected, float[] actual)
    {
        double sum = 0, max = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var d = Math.Abs(expected[i] - actual[i]);
            sum += d;
            max = Math.Max(max, d);
        }

        return (sum / expected.Length, max);
    }
}
