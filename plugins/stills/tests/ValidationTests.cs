using System.Text;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Testing;

namespace Rushes.Plugins.Stills.Tests;

/// <summary>Bad options, bad requests and frames, the NaN/Inf policy and atomic writes.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StillsDeliverableType _type = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Bad_options_are_named_with_what_was_expected()
    {
        Assert.Empty(_type.ValidateOptions(ParameterValues.Empty));
        Assert.Empty(_type.ValidateOptions(Values(("format", "PNG"), ("bit-depth", "16"), ("long-edge", "256"), ("png-level", "9"), ("icc", "false"))));
        Assert.Empty(_type.ValidateOptions(Values(("format", "jpeg"), ("quality", "80"), ("chroma-subsampling", "420"))));

        var report = new StringBuilder();
        foreach (var options in new[]
        {
            Values(("format", "tiff")), Values(("quality", "0")), Values(("quality", "101")), Values(("bit-depth", "12")),
            Values(("long-edge", "-1")), Values(("icc", "srgb")), Values(("chroma-subsampling", "411")), Values(("png-level", "10")),
            Values(("non-finite", "ignore")), Values(("compression", "zip")),
            Values(("format", "jpeg"), ("bit-depth", "16")), Values(("format", "jpeg"), ("png-level", "3")),
            Values(("format", "png"), ("quality", "90")), Values(("format", "png"), ("chroma-subsampling", "420")),
        })
        {
            var problem = Assert.Single(_type.ValidateOptions(options));
            report.AppendLine($"{string.Join(' ', options.Given.Select(g => $"{g.Key}={g.Value}"))}: {problem}");
        }

        Golden.VerifyText(report.ToString(), "bad-options");
        var error = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 8, 8, ("format", "jpeg"), ("bit-depth", "16"))));
        Assert.Equal(("bit-depth", "8 for jpeg, or format=png"), (error.Field, error.Expected));
    }

    [Fact]
    public void Bad_requests_are_refused_before_the_first_frame()
    {
        var tooBig = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 70_000, 8)));
        Assert.Equal("size", tooBig.Field);
        var aspect = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 8, 8) with { PixelAspectRatio = double.NaN }));
        Assert.Equal("pixel-aspect-ratio", aspect.Field);
        var wide = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 40_000, 8) with { PixelAspectRatio = 2 }));
        Assert.Equal("pixel-aspect-ratio", wide.Field);
        Assert.NotNull(_type.CreateWriter(StillFiles.Request(_temp.Path, 40_000, 8, ("long-edge", "4096")) with { PixelAspectRatio = 2 }));
        var jpeg = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 65_536, 8)));
        Assert.Equal(("size", "each side at most 65535 pixels for JPEG (set long-edge, or format=png)"), (jpeg.Field, jpeg.Expected));
        Assert.Equal("A JPEG records its size in 16 bits, so a 65536 × 8 still cannot be one.", jpeg.Message);
        var huge = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 16_384, 16_384, ("format", "png"), ("bit-depth", "16"))));
        Assert.Equal("A 16384 × 16384 frame is too large to encode as one 16-bit still.", huge.Message);
        Assert.NotNull(_type.CreateWriter(StillFiles.Request(_temp.Path, 16_384, 16_384, ("format", "png"), ("bit-depth", "16"), ("long-edge", "4096"))));

        // An sRGB tag on pixels that are not sRGB would be a lie every colour-managed viewer believes.
        var tag = Assert.Throws<InputException>(() => _type.CreateWriter(StillFiles.Request(_temp.Path, 8, 8) with { ColourEncoding = "Rec.709" }));
        Assert.Equal(("icc", "sRGB pixels (an sRGB output transform), or icc=false"), (tag.Field, tag.Expected));
        Assert.StartsWith("icc=true tags the still as sRGB, but its pixels are Rec.709", tag.Message, StringComparison.Ordinal);
        Assert.NotNull(_type.CreateWriter(StillFiles.Request(_temp.Path, 8, 8, ("icc", "false")) with { ColourEncoding = "Rec.709" }));
        Assert.NotNull(_type.CreateWriter(StillFiles.Request(_temp.Path, 8, 8) with { ColourEncoding = "ACES 1.0 Output - sRGB" }));
    }

    [Fact]
    public void Wrong_size_and_out_of_range_frames_are_refused()
    {
        using var writer = _type.CreateWriter(StillFiles.Request(_temp.Path, 16, 8));
        using var wrong = StillFiles.Picture(15, 8);
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = wrong, FrameNumber = 1001 }));
        Assert.Equal(("image", "16 × 8 pixels"), (error.Field, error.Expected));
        Assert.Equal("Frame 1001 is 15 × 8 pixels, but the stills deliverable was started at 16 × 8.", error.Message);

        using var right = StillFiles.Picture(16, 8);
        var outside = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = right, FrameNumber = 2000 }));
        Assert.Equal("frame", outside.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Non_finite_samples_refuse_the_frame_by_default(float bad, string shown)
    {
        using var image = StillFiles.Picture(40, 20);
        image.GetRow(2, 17)[35] = float.NaN;
        image.GetRow(1, 9)[37] = bad;
        using var writer = _type.CreateWriter(StillFiles.Request(_temp.Path, 40, 20, ("format", "png")));
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1004 }));
        Assert.Equal($"Frame 1004: pixel (37, 9) channel G is {shown}, which a still cannot show (display-referred samples must be finite).", error.Message);
        Assert.Equal(("pixels", "finite samples, or non-finite=clamp"), (error.Field, error.Expected));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Clamp_writes_nan_as_zero_and_clamps_infinities()
    {
        using var image = StillFiles.Picture(8, 4);
        image.GetRow(0, 1)[2] = float.NaN;
        image.GetRow(1, 2)[3] = float.PositiveInfinity;
        image.GetRow(2, 3)[4] = float.NegativeInfinity;
        var decoded = StillFiles.Decode(StillFiles.Write(_temp.Path, image, ("format", "png"), ("bit-depth", "16"), ("non-finite", "clamp")));
        Assert.Equal(0, decoded.Code(2, 1, 0));
        Assert.Equal(65535, decoded.Code(3, 2, 1));
        Assert.Equal(0, decoded.Code(4, 3, 2));
    }

    [Fact]
    public void A_cancelled_frame_leaves_no_file_behind()
    {
        using var writer = _type.CreateWriter(StillFiles.Request(_temp.Path, 64, 64, ("long-edge", "32")));
        using var image = StillFiles.Picture(64, 64);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001 }, cancelled.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Writes_frames_in_order_with_sidecars_and_reports_them()
    {
        var request = StillFiles.Request(_temp.Path, 12, 6, ("format", "png")) with
        {
            Sidecars = [new Sidecar { Kind = "provenance", FileName = "shot010.provenance.json", Content = "{}\n"u8.ToArray() }],
        };
        IReadOnlyList<WrittenFile> written;
        using (var writer = _type.CreateWriter(request))
        {
            foreach (var frame in new long[] { 1001, 1002, 1005 })
            {
                using var image = StillFiles.Picture(12, 6, seed: (int)frame);
                writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
            }

            using var named = StillFiles.Picture(12, 6);
            writer.WriteFrame(new DeliverableFrame { Image = named, FrameNumber = 1006, FileName = "poster.png" });
            Assert.Throws<InvalidOperationException>(() => writer.WriteFrame(new DeliverableFrame { Image = named, FrameNumber = 1003 }));
            written = writer.Complete();
        }

        Assert.Equal(["shot010.0001001.png", "shot010.0001002.png", "shot010.0001005.png", "poster.png", "shot010.provenance.json"], written.Select(w => w.RelativePath));
        Assert.Equal(["media", "media", "media", "media", "provenance"], written.Select(w => w.Kind));
        Assert.All(written, w => Assert.Equal(new FileInfo(_temp.File(w.RelativePath)).Length, w.Size));
        Assert.Equal(5, Directory.EnumerateFiles(_temp.Path).Count());
    }

    [Fact]
    public void Declares_its_capabilities_and_options()
    {
        var report = new StringBuilder();
        foreach (var (feature, values) in _type.Capabilities.Features.Where(f => f.Key != "org.rushes.native-library"))
        {
            report.AppendLine($"{feature}: {string.Join(", ", values)}");
        }

        foreach (var option in _type.Options)
        {
            report.AppendLine($"option {option.Name} ({option.Type}, default {option.Default}): {string.Join(", ", option.Choices.Select(c => c.Value))}");
        }

        Golden.VerifyText(report.ToString(), "capabilities");
    }

    private static ParameterValues Values(params (string Name, string Value)[] values)
        => new(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
}
