using Rushes.Contracts.Metadata;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using static Rushes.Plugins.Containers.Tests.ReferenceReaders;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>Every fixture's values against ffprobe's reading of the same file (exact: sizes, rates, counts, timecode text, tags).</summary>
public sealed class FfprobeCrossCheckTests
{
    public static TheoryData<string> Files => ["prores-mdta.mov", "udta-df.mov", "mpeg2-df.mxf"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Picture_size_rate_frames_duration_and_timecode_match_ffprobe(string name)
    {
        var file = File(name);
        var probe = Ffprobe(file);
        var video = VideoStream(probe);
        using var reader = Open(file);
        Assert.Equal(Text(video["width"]), N(reader, F.Width).AsInteger()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Text(video["height"]), N(reader, F.Height).AsInteger()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Text(video["r_frame_rate"]), Fraction(N(reader, F.ProjectFrameRate).AsRational()!.Value));
        Assert.Equal(Text(video["tags"]!["timecode"]), N(reader, F.TimecodeIn).AsTimecode()!.Value.ToString());
        foreach (var stream in probe["streams"]!.AsArray().Where(s => s!["tags"]?["timecode"] is not null))
        {
            Assert.Equal(Text(stream!["tags"]!["timecode"]), N(reader, F.TimecodeIn).AsTimecode()!.Value.ToString());
        }

        // ffprobe's stream duration is duration_ts ticks of time_base; ours is an exact fraction of seconds.
        var ticks = long.Parse(Text(video["duration_ts"])!, System.Globalization.CultureInfo.InvariantCulture);
        var timeBase = Rational.TryParse(Text(video["time_base"]), out var tb) ? tb : throw new InvalidOperationException("time_base");
        Assert.Equal(new Rational(ticks * timeBase.Numerator, timeBase.Denominator), N(reader, "clip.duration").AsRational());
        var frames = N(reader, F.FrameCount).AsInteger();
        if (video["nb_frames"] is { } nb)
        {
            Assert.Equal(long.Parse(Text(nb)!, System.Globalization.CultureInfo.InvariantCulture), frames);
        }
        else
        {
            // MXF: ffprobe counts in edit units of 1/rate.
            Assert.Equal(ticks, frames);
        }
    }

    [Fact]
    public void QuickTime_mdta_keys_and_codec_tag_match_ffprobe()
    {
        var file = File("prores-mdta.mov");
        var probe = Ffprobe(file);
        using var reader = Open(file);
        var tags = probe["format"]!["tags"]!.AsObject();
        var ours = reader.Metadata.Vendor.Where(e => e.Key.StartsWith("QuickTime:mdta/", StringComparison.Ordinal)).ToDictionary(e => e.Key["QuickTime:mdta/".Length..], e => e.Value.AsText());
        // ffprobe lists the same keys (ffmpeg adds 'timecode' as a key too) beside the 'ftyp' fields.
        string[] ftyp = ["major_brand", "minor_version", "compatible_brands"];
        Assert.Equal(tags.Select(t => t.Key).Except(ftyp).Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in ours)
        {
            Assert.Equal(Text(tags[key]), value);
        }

        Assert.Equal(Text(VideoStream(probe)["codec_tag_string"]), V(reader, "QuickTime:trak[0]/format").AsText());
        Assert.Equal(Text(tags["com.apple.proapps.manufacturer"]), N(reader, F.CameraMake).AsText());
        Assert.Equal(Text(tags["com.apple.proapps.image.{TIFF}.Model"]), N(reader, F.CameraModel).AsText());
        Assert.Equal(Text(tags["com.apple.proapps.customgamma"]), N(reader, F.ColourGamma).AsText());
    }

    [Fact]
    public void Mxf_identification_packages_and_reel_match_ffprobe()
    {
        var file = File("mpeg2-df.mxf");
        var probe = Ffprobe(file);
        var format = probe["format"]!["tags"]!;
        var stream = VideoStream(probe)["tags"]!;
        using var reader = Open(file);
        Assert.Equal(Text(format["company_name"]), N(reader, F.CameraMake).AsText());
        Assert.Equal(Text(format["product_name"]), N(reader, F.CameraModel).AsText());
        Assert.Equal(Text(format["product_version"]), N(reader, F.CameraFirmware).AsText());
        Assert.Equal(Text(format["application_platform"]), V(reader, "MXF:Identification/Platform").AsText());
        Assert.Equal(Text(format["material_package_name"]), N(reader, F.ClipName).AsText());
        Assert.Equal(Text(stream["reel_name"]), N(reader, F.Reel).AsText());
        Assert.Equal(Text(stream["file_package_name"]), V(reader, "MXF:SourcePackage[0]/PackageName").AsText());
        Assert.Equal(Text(format["material_package_umid"])![2..], V(reader, "MXF:MaterialPackage/PackageUID").AsText());
        Assert.Equal(Text(format["operational_pattern_ul"])!.Replace(".", string.Empty, StringComparison.Ordinal),
            V(reader, "MXF:Partition/OperationalPattern").AsText()!.Replace(".", string.Empty, StringComparison.Ordinal));
    }

    private static string Fraction(Rational r) => $"{r.Numerator}/{r.Denominator}";
}
