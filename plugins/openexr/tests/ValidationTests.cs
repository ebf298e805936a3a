using System.Text;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Deliverable;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;
using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Bad options, bad frames, the NaN/Inf policy and atomic writes.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly OpenExrDeliverableType _type = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Bad_options_are_named_with_what_was_expected()
    {
        Assert.Empty(_type.ValidateOptions(ParameterValues.Empty));
        Assert.Empty(_type.ValidateOptions(Values(("compression", "PIZ"), ("pixel-type", "float"), ("channels", "rgba"), ("zip-level", "9"))));

        var report = new StringBuilder();
        foreach (var (name, value) in new[]
        {
            ("compression", "lzw"), ("compression", "dwaa"), ("pixel-type", "double"), ("channels", "rgbaz"),
            ("zip-level", "12"), ("zip-level", "four"), ("aces-container", "yes"), ("non-finite", "ignore"), ("quality", "90"),
        })
        {
            var problem = Assert.Single(_type.ValidateOptions(Values((name, value))));
            report.AppendLine($"{name}={value}: {problem}");
        }

        Golden.VerifyText(report.ToString(), "bad-options");
        var error = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8, ("compression", "lzw"))));
        Assert.Equal(("compression", "one of none, rle, zips, zip, piz"), (error.Field, error.Expected));
    }

    [Fact]
    public void Bad_requests_are_refused_before_the_first_frame()
    {
        var tooBig = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 70_000, 8)));
        Assert.Equal("size", tooBig.Field);
        var aspect = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8) with { PixelAspectRatio = double.NaN }));
        Assert.Equal("pixel-aspect-ratio", aspect.Field);
    }

    [Fact]
    public void Wrong_size_and_out_of_range_frames_are_refused()
    {
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 16, 8));
        using var wrong = TestFrames.Picture(15, 8);
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = wrong, FrameNumber = 1001, FileName = "a.exr" }));
        Assert.Equal(("image", "16 × 8 pixels"), (error.Field, error.Expected));
        Assert.Equal("Frame 1001 is 15 × 8 pixels, but the OpenEXR deliverable was started at 16 × 8.", error.Message);

        using var right = TestFrames.Picture(16, 8);
        var outside = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = right, FrameNumber = 2000, FileName = "b.exr" }));
        Assert.Equal("frame", outside.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("half", float.NaN, "NaN")]
    [InlineData("half", float.PositiveInfinity, "Infinity")]
    [InlineData("half", 70000f, "70000")]
    [InlineData("float", float.NegativeInfinity, "-Infinity")]
    public void Non_finite_samples_refuse_the_frame_by_default(string pixelType, float bad, string shown)
    {
        using var image = TestFrames.Picture(20, 40);
        image.GetRow(1, 33)[17] = bad;
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 20, 40, ("pixel-type", pixelType), ("compression", "piz")));
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1004, FileName = "nan.exr" }));
        Assert.Equal($"Frame 1004: pixel (17, 33) channel G is {shown}, which a {pixelType} OpenEXR channel cannot hold as a finite value.", error.Message);
        Assert.Equal("pixels", error.Field);

        // Atomic: the refused frame left nothing, neither under its name nor as a temporary.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void The_first_bad_sample_in_the_file_is_the_one_named()
    {
        using var image = TestFrames.Picture(16, 100);
        image.GetRow(2, 97)[1] = float.NaN;
        image.GetRow(0, 70)[9] = float.NaN;
        image.GetRow(1, 40)[3] = float.PositiveInfinity;
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 16, 100, ("compression", "zips")));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001 + attempt, FileName = "bad.exr" }));
            Assert.StartsWith($"Frame {1001 + attempt}: pixel (3, 40) channel G is Infinity", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("half", 65504f)]
    [InlineData("float", float.MaxValue)]
    public void Clamp_writes_nan_as_zero_and_clamps_infinities(string pixelType, float largest)
    {
        using var image = TestFrames.Picture(8, 4);
        image.GetRow(0, 1)[2] = float.NaN;
        image.GetRow(1, 2)[3] = float.PositiveInfinity;
        image.GetRow(2, 3)[4] = float.NegativeInfinity;
        image.GetRow(0, 0)[0] = 1e6f;
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("non-finite", "clamp"), ("pixel-type", pixelType));

        var back = ExrFileReader.Read(path);
        Assert.Equal(0f, back.Plane("R")![(1 * 8) + 2]);
        Assert.Equal(largest, back.Plane("G")![(2 * 8) + 3]);
        Assert.Equal(-largest, back.Plane("B")![(3 * 8) + 4]);
        Assert.Equal(pixelType == "half" ? 65504f : 1e6f, back.Plane("R")![0]);
        var stats = ExrAssert.Tool("oiiotool", "--stats", path).StandardOutput;
        Assert.Contains("Stats NanCount: 0 0 0", stats, StringComparison.Ordinal);
        Assert.Contains("Stats InfCount: 0 0 0", stats, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_frame_leaves_no_file_behind()
    {
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 64, 64));
        using var image = TestFrames.Picture(64, 64);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001, FileName = "c.exr" }, cancelled.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Writes_frames_in_order_with_sidecars_and_reports_them()
    {
        var request = TestFrames.Request(_temp.Path, 12, 6, ("compression", "zip")) with
        {
            Sidecars = [new Sidecar { Kind = "amf", FileName = "shot010.amf", Content = "<aces:acesMetadataFile/>\n"u8.ToArray() }],
        };
        IReadOnlyList<WrittenFile> written;
        using (var writer = _type.CreateWriter(request))
        {
            foreach (var frame in new long[] { 1001, 1002, 1005 })
            {
                using var image = TestFrames.Picture(12, 6, seed: (int)frame);
                writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
            }

            using var late = TestFrames.Picture(12, 6);
            Assert.Throws<InvalidOperationException>(() => writer.WriteFrame(new DeliverableFrame { Image = late, FrameNumber = 1003 }));
            written = writer.Complete();
        }

        Assert.Equal(["shot010.0001001.exr", "shot010.0001002.exr", "shot010.0001005.exr", "shot010.amf"], written.Select(w => w.RelativePath));
        Assert.Equal(["media", "media", "media", "amf"], written.Select(w => w.Kind));
        Assert.All(written, w => Assert.Equal(new FileInfo(_temp.File(w.RelativePath)).Length, w.Size));
        Assert.Equal(4, Directory.EnumerateFiles(_temp.Path).Count());

        // Each frame carries its own timecode and counter.
        var header = ExrFileReader.ReadHeader(_temp.File("shot010.0001005.exr"));
        Assert.Equal("01:02:03:08 (0x01020308, user data 0x00000000)", header["timeCode"]!.Describe());
        Assert.Equal("1005", header["imageCounter"]!.Describe());
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
            report.AppendLine($"option {option.Name} ({option.Type}, default {option.Default}): {string.Join(", ", option.Choices.Select(c => c.Value))}");
        }

        Golden.VerifyText(report.ToString(), "capabilities");
    }

    private static ParameterValues Values(params (string Name, string Value)[] values)
        => new(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
}
