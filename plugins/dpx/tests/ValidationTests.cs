using System.Text;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dpx.Deliverable;
using Rushes.Plugins.Dpx.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>Bad options, bad requests and frames, the NaN/Inf and out-of-range policies, and atomic writes.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DpxDeliverableType _type = new(FixedClock.Default);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Bad_options_are_named_with_what_was_expected()
    {
        Assert.Empty(_type.ValidateOptions(ParameterValues.Empty));
        Assert.Empty(_type.ValidateOptions(Values(("bit-depth", "16"), ("transfer", "LOG"), ("colorimetric", "bt709"), ("non-finite", "clamp"), ("project", "Show"))));

        var report = new StringBuilder();
        foreach (var (name, value) in new[]
        {
            ("bit-depth", "12"), ("bit-depth", "ten"), ("transfer", "pq"), ("colorimetric", "linear"), ("colorimetric", "log"),
            ("non-finite", "ignore"), ("project", new string('p', 201)), ("project", "Caf\u00e9"), ("compression", "rle"),
        })
        {
            var problem = Assert.Single(_type.ValidateOptions(Values((name, value))));
            report.AppendLine($"{name}={value}: {problem}");
        }

        Golden.VerifyText(report.ToString(), "bad-options");
        var error = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8, ("bit-depth", "12"))));
        Assert.Equal(("bit-depth", "one of 10, 16"), (error.Field, error.Expected));
    }

    [Fact]
    public void Bad_requests_are_refused_before_the_first_frame()
    {
        var tooBig = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 70_000, 8)));
        Assert.Equal("size", tooBig.Field);
        var aspect = Assert.Throws<InputException>(() => _type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8) with { PixelAspectRatio = 0 }));
        Assert.Equal("pixel-aspect-ratio", aspect.Field);
        var longReel = TestFrames.Request(_temp.Path, 8, 8) with { Attributes = new Dictionary<string, string> { ["reel"] = "A001_THIS_REEL_NAME_IS_FAR_TOO_LONG" } };
        var reel = Assert.Throws<InputException>(() => _type.CreateWriter(longReel));
        Assert.Equal("The reel name 'A001_THIS_REEL_NAME_IS_FAR_TOO_LONG' does not fit the DPX input device name field.", reel.Message);
        Assert.Equal(("reel", "at most 32 printable ASCII characters"), (reel.Field, reel.Expected));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Wrong_size_and_out_of_range_frames_are_refused()
    {
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 16, 8));
        using var wrong = TestFrames.Picture(16, 9);
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = wrong, FrameNumber = 1001, FileName = "a.dpx" }));
        Assert.Equal(("image", "16 × 8 pixels"), (error.Field, error.Expected));
        Assert.Equal("Frame 1001 is 16 × 9 pixels, but the DPX deliverable was started at 16 × 8.", error.Message);

        using var right = TestFrames.Picture(16, 8);
        var outside = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = right, FrameNumber = 2000, FileName = "b.dpx" }));
        Assert.Equal("frame", outside.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("10", float.NaN, "NaN")]
    [InlineData("16", float.PositiveInfinity, "Infinity")]
    [InlineData("10", float.NegativeInfinity, "-Infinity")]
    public void Non_finite_samples_refuse_the_frame_by_default(string bitDepth, float bad, string shown)
    {
        using var image = TestFrames.Picture(40, 70);
        image.GetRow(1, 53)[17] = bad;
        image.GetRow(2, 60)[3] = bad;
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 40, 70, ("bit-depth", bitDepth)));
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1004, FileName = "nan.dpx" }));
        Assert.Equal($"Frame 1004: pixel (17, 53) channel G is {shown}, which a {bitDepth}-bit DPX code value cannot hold.", error.Message);
        Assert.Equal("pixels", error.Field);

        // Atomic: the refused frame left nothing, neither under its name nor as a temporary.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("10", 1023)]
    [InlineData("16", 65535)]
    public void Clamp_maps_non_finite_and_out_of_range_samples_to_the_code_range(string bitDepth, int largest)
    {
        using var image = TestFrames.Picture(8, 4);
        image.GetRow(0, 1)[2] = float.NaN;
        image.GetRow(1, 2)[3] = float.PositiveInfinity;
        image.GetRow(2, 3)[4] = float.NegativeInfinity;
        image.GetRow(0, 0)[0] = 7.5f;
        image.GetRow(1, 0)[0] = -0.25f;
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("non-finite", "clamp"), ("bit-depth", bitDepth));

        using var back = DpxFileReader.Read(path);
        Assert.Equal(0f, back.Pixels.GetRow(0, 1)[2]);
        Assert.Equal(1f, back.Pixels.GetRow(1, 2)[3]);
        Assert.Equal(0f, back.Pixels.GetRow(2, 3)[4]);
        Assert.Equal(1f, back.Pixels.GetRow(0, 0)[0]);
        Assert.Equal(0f, back.Pixels.GetRow(1, 0)[0]);
        var dump = DpxAssert.Dump(path);
        Assert.Equal(bitDepth == "10" ? 65535 : largest, dump.Single(p => p.X == 3 && p.Y == 2).Codes[1]);
    }

    [Fact]
    public void A_cancelled_frame_leaves_no_file_behind()
    {
        using var writer = _type.CreateWriter(TestFrames.Request(_temp.Path, 64, 64));
        using var image = TestFrames.Picture(64, 64);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001, FileName = "c.dpx" }, cancelled.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Writes_frames_in_order_with_sidecars_and_reports_them()
    {
        var request = TestFrames.Request(_temp.Path, 12, 6) with
        {
            Sidecars = [new Sidecar { Kind = "cdl", FileName = "shot010.cdl", Content = "<ColorDecisionList/>\n"u8.ToArray() }],
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

        Assert.Equal(["shot010.0001001.dpx", "shot010.0001002.dpx", "shot010.0001005.dpx", "shot010.cdl"], written.Select(w => w.RelativePath));
        Assert.Equal(["media", "media", "media", "cdl"], written.Select(w => w.Kind));
        Assert.All(written, w => Assert.Equal(new FileInfo(_temp.File(w.RelativePath)).Length, w.Size));
        Assert.Equal(4, Directory.EnumerateFiles(_temp.Path).Count());

        // Each frame carries its own timecode, position and file name; every file is a whole number of 32-bit words.
        var header = DpxFileReader.ReadHeader(_temp.File("shot010.0001005.dpx"));
        Assert.Equal("01:02:03:08", SmpteTimecode.Describe(header.TimeCode!.Value));
        Assert.Equal(1005u, header.FramePosition);
        Assert.Equal("shot010.0001005.dpx", header.FileName);
        Assert.All(written.Take(3), w => Assert.Equal(0, w.Size % 4));
    }

    [Fact]
    public void The_timecode_comes_from_the_frame_its_metadata_or_the_start_in_that_order()
    {
        var rate = Rushes.Contracts.Time.FrameRate.Fps24;
        var request = TestFrames.Request(_temp.Path, 8, 4) with { FrameRate = rate, StartTimecode = null };
        using (var writer = _type.CreateWriter(request))
        {
            using var image = TestFrames.Picture(8, 4);
            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001, FileName = "none.dpx" });
            writer.WriteFrame(new DeliverableFrame
            {
                Image = image,
                FrameNumber = 1002,
                FileName = "metadata.dpx",
                Metadata = new Rushes.Contracts.Metadata.FrameMetadata { Frame = 1002, Timecode = Rushes.Contracts.Time.Timecode.Parse("12:34:56:07", rate) },
            });
            writer.WriteFrame(new DeliverableFrame
            {
                Image = image,
                FrameNumber = 1003,
                FileName = "frame.dpx",
                Timecode = Rushes.Contracts.Time.Timecode.Parse("01:00:00:00", rate),
                Metadata = new Rushes.Contracts.Metadata.FrameMetadata { Frame = 1003, Timecode = Rushes.Contracts.Time.Timecode.Parse("12:34:56:08", rate) },
            });
            writer.Complete();
        }

        Assert.Null(DpxFileReader.ReadHeader(_temp.File("none.dpx")).TimeCode);
        Assert.Equal("12:34:56:07", SmpteTimecode.Describe(DpxFileReader.ReadHeader(_temp.File("metadata.dpx")).TimeCode!.Value));
        Assert.Equal("01:00:00:00", SmpteTimecode.Describe(DpxFileReader.ReadHeader(_temp.File("frame.dpx")).TimeCode!.Value));
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
