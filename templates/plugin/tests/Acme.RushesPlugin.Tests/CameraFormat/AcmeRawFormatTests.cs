using System.Text;
using System.Text.Json;
using Acme.RushesPlugin.CameraFormat;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Testing;

namespace Acme.RushesPlugin.Tests.CameraFormat;

public sealed class AcmeRawFormatTests : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly TempDirectory _temp = new();
    private readonly AcmeRawFormat _format = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Detects_the_signature_and_nothing_else()
    {
        Assert.Equal(DetectionConfidence.Certain, _format.Detect(AcmeRawWriter.Header(4, 4, 1), "clip.bin"));
        Assert.Equal(DetectionConfidence.Certain, _format.Detect("ACMERAW1"u8, "clip.araw"));

        // Must not throw on any input; the name alone proves nothing.
        Assert.Equal(DetectionConfidence.None, _format.Detect([], "clip.araw"));
        Assert.Equal(DetectionConfidence.None, _format.Detect("ACMERAW"u8, "clip.araw"));
        Assert.Equal(DetectionConfidence.None, _format.Detect("ACMERAW2"u8, "clip.araw"));
        Assert.Equal(DetectionConfidence.None, _format.Detect(new byte[64], "clip.araw"));
    }

    [Fact]
    public void Groups_one_clip_per_file()
    {
        var files = new[] { _temp.File("A001C001.araw"), _temp.File("A001C002.araw") };
        var clips = _format.GroupClips(new ClipGroupingRequest { Directory = _temp.Path, DetectedFiles = files, AllFiles = files });

        Assert.Collection(clips,
            c => Assert.Equal(("A001C001", files[0], ClipLayout.SingleFile), (c.Name, Assert.Single(c.MediaFiles), c.Layout)),
            c => Assert.Equal(("A001C002", files[1], ClipLayout.SingleFile), (c.Name, Assert.Single(c.MediaFiles), c.Layout)));
    }

    [Fact]
    public void Reads_clip_info_and_metadata()
    {
        using var clip = Open(AcmeRawWriter.Write(_temp.File("A001C002.araw"), 5, 3, 2, 24000, 1001));

        var report = new
        {
            info = new
            {
                frames = clip.Info.Frames.ToString(),
                clip.Info.Width,
                clip.Info.Height,
                frameRate = clip.Info.FrameRate?.ToString(),
                clip.Info.PixelAspectRatio,
            },
            vendor = Describe(clip.Metadata.Vendor),
            normalized = Describe(clip.Metadata.Normalized),
            frame1 = Describe(clip.ReadFrameMetadata(1).Values),
            diagnostics = clip.Diagnostics.Select(d => d.ToString()),
        };

        Golden.VerifyJson(JsonSerializer.Serialize(report, JsonOptions), "metadata");
    }

    [Fact]
    public void Decodes_at_full_resolution()
    {
        using var clip = Open(AcmeRawWriter.Write(_temp.File("clip.araw"), 5, 3, 2));
        using var frame = clip.Decode(1, DecodeRequest.Default);

        var image = Assert.IsType<Rushes.Contracts.Imaging.PlanarImage>(frame.Image);
        Assert.Equal((5, 3, "camera-linear"), (image.Width, image.Height, frame.ColourEncoding));
        Assert.Equal((float)(AcmeRawWriter.Sample(4, 2, 2, 1) / 65535.0), image.GetRow(2, 2)[4]);
        Golden.VerifyImage(FloatImage.FromPlanar(image), "frame1-full", ImageTolerance.Exact);
    }

    [Fact]
    public void Decodes_at_half_resolution_by_averaging_2x2_blocks()
    {
        using var clip = Open(AcmeRawWriter.Write(_temp.File("clip.araw"), 5, 3, 2));
        using var frame = clip.Decode(1, DecodeRequest.Default with { Resolution = ResolutionLevel.Half });

        var image = Assert.IsType<Rushes.Contracts.Imaging.PlanarImage>(frame.Image);
        Assert.Equal((3, 2), (image.Width, image.Height));

        // A whole block is the mean of its four pixels; the odd edge keeps its one.
        var block = (AcmeRawWriter.Sample(0, 0, 0, 1) + AcmeRawWriter.Sample(1, 0, 0, 1) + AcmeRawWriter.Sample(0, 1, 0, 1) + AcmeRawWriter.Sample(1, 1, 0, 1)) / 4.0;
        Assert.Equal((float)(block / 65535), image.GetRow(0, 0)[0]);
        Assert.Equal((float)(AcmeRawWriter.Sample(4, 2, 1, 1) / 65535.0), image.GetRow(1, 1)[2]);
        Golden.VerifyImage(FloatImage.FromPlanar(image), "frame1-half", ImageTolerance.Exact);
    }

    [Fact]
    public void Decodes_frames_in_parallel_as_it_does_one_by_one()
    {
        using var clip = Open(AcmeRawWriter.Write(_temp.File("clip.araw"), 64, 32, 12));
        var sequential = Enumerable.Range(0, 12).Select(f => Pixels(clip, f)).ToArray();
        var parallel = new float[12][];
        Parallel.For(0, 12, f => parallel[f] = Pixels(clip, f));

        Assert.Equal(sequential, parallel);

        static float[] Pixels(IClipReader clip, int frame)
        {
            using var decoded = clip.Decode(frame, DecodeRequest.Default);
            return decoded.Image.Samples.ToArray();
        }
    }

    [Fact]
    public void Rejects_bad_files_naming_the_file_the_field_and_the_expectation()
    {
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("empty", []),
            ("short-header", AcmeRawWriter.Header(4, 4, 1)[..20]),
            ("wrong-signature", [.. AcmeRawWriter.Header(4, 4, 1, signature: "ACMERAW9"), .. new byte[96]]),
            ("zero-width", AcmeRawWriter.Header(0, 4, 1)),
            ("huge-height", AcmeRawWriter.Header(4, 100_000, 1)),
            ("too-many-pixels", AcmeRawWriter.Header(65_536, 65_536, 1)),
            ("no-frames", AcmeRawWriter.Header(4, 4, 0)),
            ("zero-frame-rate", AcmeRawWriter.Header(4, 4, 1, 24, 0)),
            ("truncated", AcmeRawWriter.Encode(4, 4, [AcmeRawWriter.Pattern(4, 4, 0), AcmeRawWriter.Pattern(4, 4, 1)])[..^10]),
        };

        var report = new StringBuilder();
        foreach (var (name, bytes) in cases)
        {
            var path = _temp.File(name + ".araw");
            File.WriteAllBytes(path, bytes);
            var error = Assert.Throws<InputException>(() => Open(path).Dispose());
            Assert.Equal(path, error.File);
            report.AppendLine($"{name}: {Path.GetFileName(error.File)} | {error.Field} | {error.Message} | expected {error.Expected}");
        }

        Golden.VerifyText(report.ToString(), "errors");
    }

    [Fact]
    public void Warns_about_bytes_after_the_last_frame()
    {
        var path = AcmeRawWriter.Write(_temp.File("clip.araw"), 4, 4, 1);
        File.AppendAllText(path, "junk");
        using var clip = Open(path);

        var warning = Assert.Single(clip.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "acme-raw.trailing-bytes"), (warning.Severity, warning.Code));
    }

    [Fact]
    public void Rejects_requests_it_cannot_meet_as_input_errors()
    {
        using var clip = Open(AcmeRawWriter.Write(_temp.File("clip.araw"), 4, 4, 2));

        Assert.Equal("frame", Assert.Throws<InputException>(() => clip.Decode(2, DecodeRequest.Default)).Field);
        Assert.Equal("frame", Assert.Throws<InputException>(() => clip.ReadFrameMetadata(-1)).Field);
        Assert.Equal("output", Assert.Throws<InputException>(() => clip.Decode(0, DecodeRequest.Default with { Output = DecodeOutput.Mosaic })).Field);
        var unknown = DecodeRequest.Default with { Parameters = new ParameterValues([new("debayer", "ahd")]) };
        Assert.Equal("debayer", Assert.Throws<InputException>(() => clip.Decode(0, unknown)).Field);
    }

    private IClipReader Open(string path)
    {
        var clip = Assert.Single(_format.GroupClips(new ClipGroupingRequest { Directory = _temp.Path, DetectedFiles = [path], AllFiles = [path] }));
        return _format.Open(clip);
    }

    private static IEnumerable<string> Describe(MetadataSet set)
        => set.Select(entry => $"{entry.Key} = {entry.Value} ({entry.Value.Kind})");
}
