using System.Globalization;
using System.Text;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.CameraFormat;
using Rushes.Plugins.OpenExr.Deliverable;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;
using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>OpenEXR sequences as input clips.</summary>
public sealed class CameraFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly OpenExrCameraFormat _format = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Detects_openexr_by_its_magic_number()
    {
        using var image = TestFrames.Picture(4, 4);
        var bytes = File.ReadAllBytes(TestFrames.WriteFrame(_temp.Path, image));
        Assert.Equal(DetectionConfidence.Certain, _format.Detect(bytes.AsSpan(0, 8), "x.exr"));
        var multipart = bytes[..8];
        multipart[5] |= 0x10;
        Assert.Equal(DetectionConfidence.Possible, _format.Detect(multipart, "x.exr"));
        Assert.Equal(DetectionConfidence.None, _format.Detect("P6\n2 2\n"u8, "x.exr"));
        Assert.Equal(DetectionConfidence.None, _format.Detect([0x76, 0x2f], "x.exr"));
    }

    [Fact]
    public void A_numbered_sequence_is_one_clip_with_its_header_metadata()
    {
        var sources = new Dictionary<long, PlanarImage>();
        var request = TestFrames.Request(_temp.Path, 24, 10, ("compression", "piz"));
        using (var writer = new OpenExrDeliverableType().CreateWriter(request))
        {
            foreach (var frame in new long[] { 1001, 1002, 1003, 1005 })
            {
                sources[frame] = TestFrames.Picture(24, 10, seed: (int)frame);
                writer.WriteFrame(new DeliverableFrame { Image = sources[frame], FrameNumber = frame, FileName = $"shot010.{frame}.exr" });
            }

            writer.Complete();
        }

        File.WriteAllBytes(_temp.File("single.exr"), File.ReadAllBytes(_temp.File("shot010.1001.exr")));
        var files = Directory.GetFiles(_temp.Path).Order(StringComparer.Ordinal).ToArray();
        var clips = _format.GroupClips(new ClipGroupingRequest { Directory = _temp.Path, DetectedFiles = files, AllFiles = files });

        var report = new StringBuilder();
        foreach (var clip in clips)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"clip {clip.Name}: {clip.Layout}, {string.Join(", ", clip.MediaFiles.Select(Path.GetFileName))}");
            foreach (var diagnostic in clip.Diagnostics)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {diagnostic.Severity}: {diagnostic.Message}");
            }
        }

        var sequence = clips.Single(c => c.Layout == ClipLayout.FrameSequence);
        using var reader = _format.Open(sequence);
        report.AppendLine(CultureInfo.InvariantCulture, $"frames {reader.Info.Frames}, {reader.Info.Width} x {reader.Info.Height}, {reader.Info.FrameRate} fps, start {reader.Info.StartTimecode}");
        foreach (var (key, value) in reader.Metadata.Normalized)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {key}: {value}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"frame 1003 timecode {reader.ReadFrameMetadata(1003).Timecode}");
        Golden.VerifyText(report.ToString(), "sequence");

        using (var decoded = reader.Decode(1002, DecodeRequest.Default))
        {
            Assert.Equal("ACES2065-1", decoded.ColourEncoding);
            var planar = Assert.IsType<PlanarImage>(decoded.Image);
            var asRead = new ExrImage("1002", new ExrHeader(Format(24, 10)), [new ExrChannel("R", ExrPixelType.Half), new ExrChannel("G", ExrPixelType.Half), new ExrChannel("B", ExrPixelType.Half)],
                [planar.GetPlane(0).ToArray(), planar.GetPlane(1).ToArray(), planar.GetPlane(2).ToArray()]);
            ExrAssert.SamePixels(sources[1002], asRead, ExrPixelType.Half, alpha: false);
        }

        using (var half = reader.Decode(1001, DecodeRequest.Default with { Resolution = ResolutionLevel.Half }))
        {
            var planar = (PlanarImage)half.Image;
            Assert.Equal((12, 5), (planar.Width, planar.Height));
            var source = sources[1001].GetPlane(1);
            var expected = (TestFrames.ToHalf(source[2]) + TestFrames.ToHalf(source[3]) + TestFrames.ToHalf(source[26]) + TestFrames.ToHalf(source[27])) / 4;
            Assert.Equal(expected, planar.GetRow(1, 0)[1], 5);
        }

        var missing = Assert.Throws<InputException>(() => reader.Decode(1004, DecodeRequest.Default));
        Assert.Equal("frame", missing.Field);
        foreach (var image in sources.Values)
        {
            image.Dispose();
        }
    }

    private static List<ExrAttribute> Format(int width, int height)
        => Rushes.Plugins.OpenExr.IO.ExrFileWriter.RequiredAttributes(width, height, [new ExrChannel("R", ExrPixelType.Half)], ExrCompression.None, 1);
}
