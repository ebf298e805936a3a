using System.Text;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Tiff.Deliverable;
using Rushes.Plugins.Tiff.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>Bad options (ICC profiles included), bad frames, the NaN/Inf and out-of-range policies, and atomic writes.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TiffDeliverableType _type = new(FixedClock.Default);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Bad_options_are_named_with_what_was_expected()
    {
        var good = _temp.File("good.icc");
        File.WriteAllBytes(good, TestFrames.IccProfile());
        Assert.Empty(_type.ValidateOptions(ParameterValues.Empty));
        Assert.Empty(_type.ValidateOptions(Values(("bit-depth", "32F"), ("compression", "deflate"), ("predictor", "none"), ("deflate-level", "9"), ("icc-profile", good))));

        var truncated = TestFrames.IccProfile();
        File.WriteAllBytes(_temp.File("truncated.icc"), truncated[..100]);
        File.WriteAllBytes(_temp.File("short.icc"), truncated.Concat(new byte[40]).ToArray());
        var notIcc = TestFrames.IccProfile();
        "abcd"u8.CopyTo(notIcc.AsSpan(36));
        File.WriteAllBytes(_temp.File("not.icc"), notIcc);
        File.WriteAllBytes(_temp.File("cmyk.icc"), TestFrames.IccProfile("CMYK"));

        var report = new StringBuilder();
        foreach (var (name, value) in new[]
        {
            ("bit-depth", "8"), ("compression", "lzw"), ("predictor", "horizontal"), ("deflate-level", "0"), ("non-finite", "ignore"),
            ("icc-profile", "missing.icc"), ("icc-profile", "truncated.icc"), ("icc-profile", "short.icc"), ("icc-profile", "not.icc"), ("icc-profile", "cmyk.icc"),
            ("description", "Caf\u00e9"), ("quality", "90"),
        })
        {
            var given = name == "icc-profile" ? _temp.File(value) : value;
            var problem = Assert.Single(_type.ValidateOptions(Values((name, given))));
            report.AppendLine($"{name}={value}: {problem}".Replace(_temp.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }

        Golden.VerifyText(report.ToString(), "bad-options");
        var error = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8, ("icc-profile", _temp.File("not.icc")))));
        Assert.Equal("icc-profile", error.Field);
    }

    [Fact]
    public void Wrong_size_and_out_of_range_frames_are_refused()
    {
        Assert.Equal("size", Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 70_000))).Field);
        Assert.Equal("pixel-aspect-ratio", Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8) with { PixelAspectRatio = double.NaN })).Field);
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 16, 8));
        using var wrong = TestFrames.Picture(17, 8);
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = wrong, FrameNumber = 1001, FileName = "a.tif" }));
        Assert.Equal(("image", "16 × 8 pixels"), (error.Field, error.Expected));
        Assert.Equal("Frame 1001 is 17 × 8 pixels, but the TIFF deliverable was started at 16 × 8.", error.Message);

        using var right = TestFrames.Picture(16, 8);
        var outside = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = right, FrameNumber = 900, FileName = "b.tif" }));
        Assert.Equal("frame", outside.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("16", "none", float.NaN, "NaN", "16-bit integer")]
    [InlineData("32f", "deflate", float.PositiveInfinity, "Infinity", "32-bit float")]
    [InlineData("32f", "none", float.NaN, "NaN", "32-bit float")]
    public void Non_finite_samples_refuse_the_frame_by_default(string bitDepth, string compression, float bad, string shown, string what)
    {
        // Tall enough for several strips: the error names the first bad sample in file order.
        using var image = TestFrames.Picture(700, 400);
        image.GetRow(2, 390)[5] = bad;
        image.GetRow(1, 233)[17] = bad;
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 700, 400, ("bit-depth", bitDepth), ("compression", compression)));
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1004, FileName = "nan.tif" }));
        Assert.Equal($"Frame 1004: pixel (17, 233) channel G is {shown}, which a {what} TIFF sample cannot hold.", error.Message);
        Assert.Equal("pixels", error.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("16")]
    [InlineData("32f")]
    public void Clamp_maps_non_finite_and_out_of_range_samples_to_the_sample_range(string bitDepth)
    {
        using var image = TestFrames.Picture(8, 4);
        image.GetRow(0, 1)[2] = float.NaN;
        image.GetRow(1, 2)[3] = float.PositiveInfinity;
        image.GetRow(2, 3)[4] = float.NegativeInfinity;
        image.GetRow(0, 0)[0] = 7.5f;
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("non-finite", "clamp"), ("bit-depth", bitDepth), ("compression", "deflate"));

        using var back = TiffFileReader.Read(path);
        var floats = bitDepth == "32f";
        Assert.Equal(0f, back.Pixels.GetRow(0, 1)[2]);
        Assert.Equal(floats ? float.MaxValue : 1f, back.Pixels.GetRow(1, 2)[3]);
        Assert.Equal(floats ? -float.MaxValue : 0f, back.Pixels.GetRow(2, 3)[4]);
        // Finite values beyond 0..1 are kept in float and clamped in 16-bit.
        Assert.Equal(floats ? 7.5f : 1f, back.Pixels.GetRow(0, 0)[0]);
        var stats = TiffAssert.Tool("oiiotool", "--stats", path).StandardOutput;
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
        Assert.ThrowsAny<OperationCanceledException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001, FileName = "c.tif" }, cancelled.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Writes_frames_in_order_with_sidecars_and_reports_them()
    {
        var request = TestFrames.Request(_temp.Path, 12, 6) with
        {
            Sidecars = [new Sidecar { Kind = "provenance", FileName = "shot010.json", Content = "{}\n"u8.ToArray() }],
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

        Assert.Equal(["shot010.0001001.tif", "shot010.0001002.tif", "shot010.0001005.tif", "shot010.json"], written.Select(w => w.RelativePath));
        Assert.Equal(["media", "media", "media", "provenance"], written.Select(w => w.Kind));
        Assert.All(written, w => Assert.Equal(new FileInfo(_temp.File(w.RelativePath)).Length, w.Size));
        Assert.Equal(4, Directory.EnumerateFiles(_temp.Path).Count());
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
