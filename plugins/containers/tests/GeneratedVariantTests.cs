using System.Globalization;
using Rushes.Contracts.Time;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using static Rushes.Plugins.Containers.Tests.ReferenceReaders;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// Files made by ffmpeg at test time at every common SMPTE rate, with drop-frame and day-end timecodes: the
/// start timecode must be the one ffmpeg was given (parsed independently by the contracts' Timecode) and what
/// ffprobe reads back, and the rate and frame count ffprobe's.
/// </summary>
public sealed class GeneratedVariantTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string> Variants => new()
    {
        { "mov", "24", "00:59:59:23" },
        { "mov", "24000/1001", "01:00:00:00" },
        { "mov", "25", "23:59:59:24" },
        { "mov", "30000/1001", "00:00:59;29" },
        { "mov", "30000/1001", "00:10:00;00" },
        { "mov", "30000/1001", "01:00:00:00" },
        { "mov", "50", "10:00:00:00" },
        { "mov", "60000/1001", "12:34:56;58" },
        { "mxf", "24000/1001", "01:00:00:00" },
        { "mxf", "25", "10:00:00:00" },
        { "mxf", "30000/1001", "10:00:00;00" },
        { "mxf", "30000/1001", "00:01:00;02" },
        { "mxf", "50", "00:00:00:00" },
        { "mxf", "60000/1001", "23:59:59;59" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Start_timecode_rate_and_frames_match_what_ffmpeg_wrote_and_ffprobe_reads(string container, string rate, string timecode)
    {
        var file = _temp.File($"clip-{rate.Replace('/', '_')}-{timecode.Replace(':', '-').Replace(';', '-')}.{container}");
        string[] codec = container == "mov" ? ["-c:v", "prores_ks", "-profile:v", "0"] : ["-c:v", "mpeg2video", "-pix_fmt", "yuv422p", "-f", "mxf"];
        Ffmpeg(["-f", "lavfi", "-i", $"testsrc=size=64x36:rate={rate}", "-frames:v", "4", .. codec, "-timecode", timecode, "-fflags", "+bitexact", file]);

        using var reader = Open(file);
        var fps = FrameRate.Parse(rate);
        var expected = Timecode.Parse(timecode, fps);
        var ours = N(reader, F.TimecodeIn).AsTimecode()!.Value;
        Assert.Equal(expected, ours);
        Assert.Equal(timecode, ours.ToString());

        var probe = Ffprobe(file);
        var video = VideoStream(probe);
        Assert.Equal(Text(video["tags"]?["timecode"] ?? probe["format"]!["tags"]!["timecode"]), ours.ToString());
        Assert.Equal(Text(video["r_frame_rate"]), $"{N(reader, F.ProjectFrameRate).AsRational()!.Value.Numerator}/{N(reader, F.ProjectFrameRate).AsRational()!.Value.Denominator}");
        Assert.Equal(4, N(reader, F.FrameCount).AsInteger());
        Assert.Equal(long.Parse(Text(video["nb_frames"] ?? video["duration_ts"])!, CultureInfo.InvariantCulture), N(reader, F.FrameCount).AsInteger());

        // The last frame's timecode follows from the start, across the drop-frame skip where there is one.
        var document = Document(reader);
        Assert.Equal(expected.AddFrames(3).ToString(), document["timecode"]!["out"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Op_atom_dnxhd_reads_its_vc3_coding_reel_and_timecode_as_ffprobe_does()
    {
        var file = _temp.File("B002C004.mxf");
        Ffmpeg("-f", "lavfi", "-i", "testsrc=size=1920x1080:rate=24000/1001", "-frames:v", "2", "-c:v", "dnxhd", "-b:v", "36M", "-pix_fmt", "yuv422p",
            "-timecode", "01:00:00:00", "-metadata", "reel_name=B002C004", "-fflags", "+bitexact", "-f", "mxf_opatom", file);

        using var reader = Open(file);
        var probe = Ffprobe(file);
        var video = VideoStream(probe);
        Assert.Equal("VC-3 (Avid DNxHD/DNxHR)", N(reader, F.Codec).AsText());    // SMPTE ST 2019-4 picture coding label
        Assert.StartsWith("06.0e.2b.34.04.01.01.", V(reader, "MXF:PictureDescriptor/PictureEssenceCoding").AsText(), StringComparison.Ordinal);
        Assert.Equal(Text(video["tags"]!["reel_name"]), N(reader, F.Reel).AsText());
        Assert.Equal(Text(video["tags"]!["timecode"]), N(reader, F.TimecodeIn).AsTimecode()!.Value.ToString());
        Assert.Equal(Text(probe["format"]!["tags"]!["product_name"]), N(reader, F.CameraModel).AsText());
        Assert.Equal(1920, N(reader, F.Width).AsInteger());
        Assert.Equal(1080, N(reader, F.Height).AsInteger());
        Assert.Equal(long.Parse(Text(video["duration_ts"])!, CultureInfo.InvariantCulture), N(reader, F.FrameCount).AsInteger());
        // OP-Atom's operational pattern label (SMPTE ST 390: 06.0e.2b.34.04.01.01.02.0d.01.02.01.10 …).
        Assert.Contains(".0d.01.02.01.10.", V(reader, "MXF:Partition/OperationalPattern").AsText(), StringComparison.Ordinal);
    }
}
