using System.Text;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Testing;

namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>Bad options, bad requests and frames, and the NaN/Inf policy.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FfmpegDeliverableType _type = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Bad_options_are_named_with_what_was_expected()
    {
        Assert.Empty(_type.ValidateOptions(ParameterValues.Empty));
        Assert.Empty(_type.ValidateOptions(Values(("codec", "H264"), ("crf", "23"), ("preset", "slow"), ("range", "full"), ("pipe", "float"))));
        Assert.Empty(_type.ValidateOptions(Values(("codec", "prores-4444"), ("channels", "rgba"), ("ffmpeg", "/usr/bin/ffmpeg"))));

        var report = new StringBuilder();
        foreach (var options in new[]
        {
            Values(("codec", "prores-422-lt")), Values(("pipe", "rgb24")), Values(("crf", "52")), Values(("preset", "placebo")),
            Values(("channels", "rgbaz")), Values(("range", "studio")), Values(("non-finite", "ignore")), Values(("bitrate", "50M")),
            Values(("codec", "dnxhr-hqx"), ("channels", "rgba")), Values(("codec", "prores-422-hq"), ("range", "full")),
            Values(("codec", "prores-4444"), ("crf", "18")), Values(("codec", "dnxhr-hqx"), ("preset", "fast")),
        })
        {
            var problem = Assert.Single(_type.ValidateOptions(options));
            report.AppendLine($"{string.Join(' ', options.Given.Select(g => $"{g.Key}={g.Value}"))}: {problem}");
        }

        Golden.VerifyText(report.ToString(), "bad-options");
    }

    [Fact]
    public void Bad_requests_are_refused_before_ffmpeg_starts()
    {
        var report = new StringBuilder();
        foreach (var (codec, request) in new[]
        {
            ("h264", MovieFiles.Request(_temp.Path, 255, 144, 2)),
            ("h264", MovieFiles.Request(_temp.Path, 256, 143, 2)),
            ("prores-422-hq", MovieFiles.Request(_temp.Path, 255, 144, 2)),
            ("dnxhr-hqx", MovieFiles.Request(_temp.Path, 128, 72, 2)),
            ("prores-4444", MovieFiles.Request(_temp.Path, 70_000, 8, 2)),
            ("prores-4444", MovieFiles.Request(_temp.Path, 256, 144, 2) with { ColourEncoding = "ACES2065-1" }),
            ("prores-4444", MovieFiles.Request(_temp.Path, 256, 144, 2) with { ColourEncoding = "P3-D65_48nit_in_P3-D65_Gamma2pt6" }),
            ("prores-4444", MovieFiles.Request(_temp.Path, 256, 144, 2) with { PixelAspectRatio = 0 }),
        })
        {
            var error = Assert.Throws<InputException>(() => _type.CreateWriter(request with { Options = Values(("codec", codec)) }));
            report.AppendLine($"{codec} {request.Width}x{request.Height} {request.ColourEncoding} par {request.PixelAspectRatio}: {error.ToDiagnostic()}");
        }

        Golden.VerifyText(report.ToString(), "bad-requests");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Frames_must_be_consecutive_and_the_right_size()
    {
        using var writer = _type.CreateWriter(MovieFiles.Request(_temp.Path, 256, 144, 5));
        using var small = MovieFiles.Picture(128, 144, 1001);
        var size = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = small, FrameNumber = 1001 }));
        Assert.Equal("Frame 1001 is 128 × 144 pixels, but the movie was started at 256 × 144.", size.Message);

        using var writer2 = _type.CreateWriter(MovieFiles.Request(_temp.Path, 256, 144, 5));
        using var image = MovieFiles.Picture(256, 144, 1001);
        var gap = Assert.Throws<InputException>(() => writer2.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1002 }));
        Assert.Equal("Frame 1002 cannot be the next picture of the movie A001C003_proxy.mov: it holds frames 1001-1005 consecutively, so frame 1001 comes next.", gap.Message);
        Assert.Equal(("frame", "frame 1001"), (gap.Field, gap.Expected));
        var none = Assert.Throws<InputException>(() => writer2.Complete());
        Assert.Equal("The movie A001C003_proxy.mov received no frames.", none.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("rgb48", float.NaN, "NaN")]
    [InlineData("float", float.PositiveInfinity, "Infinity")]
    public void Non_finite_samples_refuse_the_frame_and_end_the_movie(string pipe, float bad, string shown)
    {
        using var writer = _type.CreateWriter(MovieFiles.Request(_temp.Path, 256, 144, 3, ("pipe", pipe)));
        using var good = MovieFiles.Picture(256, 144, 1001);
        writer.WriteFrame(new DeliverableFrame { Image = good, FrameNumber = 1001 });
        using var image = MovieFiles.Picture(256, 144, 1002);
        image.GetRow(2, 100)[200] = bad;
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1002 }));
        Assert.Equal($"Frame 1002: pixel (200, 100) channel B is {shown}, which a movie cannot carry (display-referred samples must be finite).", error.Message);
        Assert.Equal(("pixels", "finite samples, or non-finite=clamp"), (error.Field, error.Expected));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("rgb48")]
    [InlineData("float")]
    public void Clamp_writes_nan_as_zero_and_infinity_as_one(string pipe)
    {
        var request = MovieFiles.Request(_temp.Path, 256, 144, 1, ("codec", "prores-4444"), ("pipe", pipe), ("non-finite", "clamp"));
        string path;
        using (var writer = _type.CreateWriter(request))
        {
            using var image = MovieFiles.Picture(256, 144, 1001);
            // Whole 16 × 16 blocks, so the codec's error is small against the jump.
            for (var y = 32; y < 48; y++)
            {
                image.GetRow(0, y).Slice(32, 16).Fill(float.NaN);
                image.GetRow(1, y).Slice(64, 16).Fill(float.PositiveInfinity);
            }

            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001 });
            path = Path.Combine(_temp.Path, writer.Complete()[0].RelativePath);
        }

        var decoded = MovieFiles.DecodeRgb(path, _temp.Path);
        Assert.InRange(decoded[((40 * 256) + 40) * 3], 0f, 0.01f);
        Assert.InRange(decoded[(((40 * 256) + 72) * 3) + 1], 0.99f, 1f);
    }

    [Fact]
    public void Commits_the_movie_and_its_sidecars_and_reports_them()
    {
        var request = MovieFiles.Request(_temp.Path, 256, 144, 3, ("codec", "h264"), ("preset", "ultrafast")) with
        {
            Sidecars =
            [
                new Sidecar { Kind = "cdl", FileName = "A001C003.cdl", Content = "<ColorDecisionList/>\n"u8.ToArray() },
                new Sidecar { Kind = "provenance", FileName = "A001C003.provenance.json", Content = "{}\n"u8.ToArray() },
            ],
        };
        MovieFiles.Write(request);
        var written = Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["A001C003.cdl", "A001C003.provenance.json", "A001C003_proxy.mov"], written);

        using var writer = _type.CreateWriter(request with { Output = new DirectoryOutputTarget(Path.Combine(_temp.Path, "again")) });
        foreach (var frame in request.Frames.Frames())
        {
            using var image = MovieFiles.Picture(256, 144, frame);
            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
        }

        var files = writer.Complete();
        Assert.Equal(["A001C003_proxy.mov", "A001C003.cdl", "A001C003.provenance.json"], files.Select(f => f.RelativePath));
        Assert.Equal(["media", "cdl", "provenance"], files.Select(f => f.Kind));
        Assert.Equal(new Rushes.Contracts.Time.FrameRange(1001, 1003), files[0].Frames);
        Assert.All(files, f => Assert.Equal(new FileInfo(Path.Combine(_temp.Path, "again", f.RelativePath)).Length, f.Size));
        Assert.Throws<InvalidOperationException>(() => writer.Complete());
    }

    [Fact]
    public void Declares_its_capabilities_and_options()
    {
        var report = new StringBuilder();
        foreach (var (feature, values) in _type.Capabilities.Features)
        {
            report.AppendLine($"{feature}: {string.Join(", ", values)}");
        }

        foreach (var option in _type.Options)
        {
            report.AppendLine($"option {option.Name} ({option.Type}, default '{option.Default}'): {string.Join(", ", option.Choices.Select(c => c.Value))}");
        }

        Golden.VerifyText(report.ToString(), "capabilities");
    }

    private static ParameterValues Values(params (string Name, string Value)[] values)
        => new(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
}
