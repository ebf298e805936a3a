using System.Globalization;
using Rushes.Contracts.Metadata;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using static Rushes.Plugins.Containers.Tests.ReferenceReaders;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// The fixtures against <c>exiftool -j -G -n</c>, a second reader written independently of ffmpeg. Numbers it
/// derives as decimals (frame rates, timecode seconds) are compared to our exact fractions within 1e-6.
/// </summary>
public sealed class ExiftoolCrossCheckTests
{
    [Fact]
    public void QuickTime_tracks_timecode_and_keys_match_exiftool()
    {
        var file = File("prores-mdta.mov");
        var tags = Exiftool(file);
        using var reader = Open(file);
        Assert.Equal(Text(tags["QuickTime:ImageWidth"]), Whole(N(reader, F.Width)));
        Assert.Equal(Text(tags["QuickTime:ImageHeight"]), Whole(N(reader, F.Height)));
        Assert.Equal(Text(tags["QuickTime:CompressorID"]), V(reader, "QuickTime:trak[0]/format").AsText());
        Assert.Equal(Text(tags["QuickTime:CompressorName"]), V(reader, "QuickTime:trak[0]/compressor_name").AsText());
        Assert.Equal(Text(tags["QuickTime:MediaTimeScale"]), Whole(V(reader, "QuickTime:trak[0]/mdhd/timescale")));
        Assert.Equal(Text(tags["QuickTime:TimeScale"]), Whole(V(reader, "QuickTime:mvhd/timescale")));
        Assert.Equal(tags["QuickTime:VideoFrameRate"]!.GetValue<double>(), N(reader, F.ProjectFrameRate).AsDouble()!.Value, 3);
        // exiftool reads ffmpeg's 'timecode' key (it does not decode the 'tmcd' sample); the key and our sample agree.
        Assert.Equal(Text(tags["QuickTime:Timecode"]), N(reader, F.TimecodeIn).AsTimecode()!.Value.ToString());
        // exiftool's PlaybackFrameRate is the timecode description's time scale over its frame duration.
        Assert.Equal(tags["QuickTime:PlaybackFrameRate"]!.GetValue<double>(),
            (double)V(reader, "QuickTime:trak[1]/tmcd/timescale").AsInteger()!.Value / V(reader, "QuickTime:trak[1]/tmcd/frame_duration").AsInteger()!.Value, 6);
        Assert.Equal(Text(tags["QuickTime:OtherFormat"]), V(reader, "QuickTime:trak[1]/format").AsText());
        Assert.Equal(Text(tags["QuickTime:AppleProappsManufacturer"]), N(reader, F.CameraMake).AsText());
        Assert.Equal(Text(tags["QuickTime:AppleProappsCustomgamma"]), N(reader, F.ColourGamma).AsText());
        Assert.Equal(Text(tags["QuickTime:OrgSmpteRdd18CameraIsosensitivity"]), Whole(N(reader, F.ExposureIndex)));
        Assert.Equal(Text(tags["QuickTime:OrgSmpteRdd18CameraWhitebalance"]), V(reader, "QuickTime:mdta/org.smpte.rdd18.camera.whitebalance").AsText());
    }

    [Fact]
    public void QuickTime_user_data_matches_exiftool()
    {
        var file = File("udta-df.mov");
        var tags = Exiftool(file);
        using var reader = Open(file);
        Assert.Equal(Text(tags["QuickTime:Title"]), V(reader, "QuickTime:udta/©nam").AsText());
        Assert.Equal(Text(tags["QuickTime:Comment"]), V(reader, "QuickTime:udta/©cmt").AsText());
        Assert.Equal(Text(tags["QuickTime:Make"]), N(reader, F.CameraMake).AsText());
        Assert.Equal(tags["QuickTime:VideoFrameRate"]!.GetValue<double>(), N(reader, F.ProjectFrameRate).AsDouble()!.Value, 6);
        Assert.Equal(Text(tags["QuickTime:MediaTimeScale"]), Whole(V(reader, "QuickTime:trak[0]/mdhd/timescale")));
    }

    [Fact]
    public void Mxf_identification_timecode_and_descriptor_match_exiftool()
    {
        var file = File("mpeg2-df.mxf");
        var tags = Exiftool(file);
        using var reader = Open(file);
        Assert.Equal(Text(tags["MXF:ApplicationSupplierName"]), N(reader, F.CameraMake).AsText());
        Assert.Equal(Text(tags["MXF:ApplicationName"]), N(reader, F.CameraModel).AsText());
        Assert.Equal(Text(tags["MXF:ApplicationVersionString"]), N(reader, F.CameraFirmware).AsText());
        Assert.Equal(Text(tags["MXF:RoundedTimecodeTimebase"]), Whole(V(reader, "MXF:TimecodeComponent/RoundedTimecodeBase")));
        Assert.Equal(tags["MXF:DropFrame"]!.GetValue<bool>(), N(reader, F.TimecodeIn).AsTimecode()!.Value.DropFrame);

        // exiftool gives the start as seconds: frames × 1001/30000.
        var start = V(reader, "MXF:TimecodeComponent/StartFrames").AsInteger()!.Value;
        Assert.Equal(tags["MXF:StartTimecode"]!.GetValue<double>(), start * 1001 / 30000.0, 6);
        Assert.Equal(tags["MXF:EditRate"]!.GetValue<double>(), N(reader, F.ProjectFrameRate).AsDouble()!.Value, 6);
        Assert.Equal(Text(tags["MXF:ImageWidth"]), Whole(V(reader, "MXF:PictureDescriptor/StoredWidth")));
        Assert.Equal(Text(tags["MXF:ImageHeight"]), Whole(V(reader, "MXF:PictureDescriptor/StoredHeight")));
        Assert.Equal(Text(tags["MXF:SampledWidth"]), Whole(N(reader, F.Width)));
        Assert.Equal(Text(tags["MXF:SampledHeight"]), Whole(N(reader, F.Height)));
        Assert.Equal(Text(tags["MXF:DisplayWidth"]), Whole(N(reader, "image.active_width")));
        Assert.Equal(Text(tags["MXF:DisplayHeight"]), Whole(N(reader, "image.active_height")));
        Assert.Equal(Text(tags["MXF:ComponentDepth"]), Whole(V(reader, "MXF:PictureDescriptor/ComponentDepth")));
        Assert.Equal(tags["MXF:PresentationAspectRatio"]!.GetValue<double>(), V(reader, "MXF:PictureDescriptor/AspectRatio").AsDouble()!.Value, 6);
        Assert.Equal(Text(tags["MXF:VideoCodingSchemeID"])!.Replace("-", string.Empty, StringComparison.Ordinal),
            V(reader, "MXF:PictureDescriptor/PictureEssenceCoding").AsText()!.Replace(".", string.Empty, StringComparison.Ordinal));
        Assert.Equal(Text(tags["MXF:PackageName"]), N(reader, F.Reel).AsText());
    }

    private static string Whole(MetadataValue value) => value.AsInteger()!.Value.ToString(CultureInfo.InvariantCulture);
}
