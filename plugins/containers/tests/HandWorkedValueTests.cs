using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// Each fixture's values worked out by hand from the ffmpeg command that made it (Fixtures/README.md) and the
/// format documents: the comment says where each value comes from and how it was converted.
/// </summary>
public sealed class HandWorkedValueTests
{
    [Fact]
    public void ProRes_mov_with_mdta_keys()
    {
        using var r = Open(File("prores-mdta.mov"));
        // tmcd description: time scale 24000, frame duration 1001 (the video's 24000/1001), 24 frames a second, no flags.
        Assert.Equal(24000, V(r, "QuickTime:trak[1]/tmcd/timescale").AsInteger());
        Assert.Equal(1001, V(r, "QuickTime:trak[1]/tmcd/frame_duration").AsInteger());
        Assert.Equal(24, V(r, "QuickTime:trak[1]/tmcd/number_of_frames").AsInteger());
        Assert.False(V(r, "QuickTime:trak[1]/tmcd/drop_frame").AsBoolean());
        // -timecode 01:02:03:04: the sample holds (1·3600 + 2·60 + 3)·24 + 4 = 89356.
        Assert.Equal(89356, V(r, "QuickTime:trak[1]/tmcd/start_frame").AsInteger());
        Assert.Equal(Timecode.FromParts(1, 2, 3, 4, FrameRate.Fps23_976), N(r, F.TimecodeIn).AsTimecode());
        Assert.Equal("A001C003", N(r, F.Reel).AsText());                                   // -metadata:s:v reel_name → tmcd 'name'
        Assert.Equal(3, N(r, F.FrameCount).AsInteger());                                  // -frames:v 3
        Assert.Equal(new Rational(24000, 1001), N(r, F.ProjectFrameRate).AsRational());   // stts delta 1001 at media time scale 24000
        Assert.Equal(new Rational(3 * 1001, 24000), N(r, "clip.duration").AsRational());  // 3 samples × 1001 / 24000 s
        Assert.Equal("Apple ProRes 422 HQ", N(r, F.Codec).AsText());                      // -profile:v 3 → 'apch'
        Assert.Equal(64, N(r, F.Width).AsInteger());
        Assert.Equal(36, N(r, F.Height).AsInteger());
        Assert.Equal(1.0, N(r, F.Squeeze).AsDouble());                                    // 'pasp' 1:1
        Assert.Equal("ARRI", N(r, F.CameraMake).AsText());                                // com.apple.proapps.manufacturer
        Assert.Equal("ALEXA Mini LF", N(r, F.CameraModel).AsText());                      // com.apple.proapps.image.{TIFF}.Model
        Assert.Equal("7.2.1", N(r, F.CameraFirmware).AsText());                           // …{TIFF}.Software
        Assert.Equal(2.8, N(r, F.FStop).AsDouble());                                      // org.smpte.rdd18.lens.irisfnumber "F2.8"
        Assert.Equal(172.8, N(r, F.ShutterAngle).AsDouble());                             // "172.8deg"
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());                      // "5600K"
        Assert.Equal(800, N(r, F.ExposureIndex).AsInteger());                             // "800"
        Assert.Equal(2.0, N(r, F.NeutralDensity).AsDouble());                             // "ND4": 1/4 of the light, log2 4 = 2 stops
        Assert.Equal("LogC4", N(r, F.ColourGamma).AsText());                              // com.apple.proapps.customgamma
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)), N(r, F.RecordedAt).AsDateTime()); // com.apple.quicktime.creationdate
        Assert.Equal("K1.0012345", V(r, "QuickTime:mdta/com.arri.camera.SensorSerialNumber").AsText()); // kept whole, not mapped
        Assert.False(N(r, F.CameraSerial).IsPresent);
    }

    [Fact]
    public void Drop_frame_mov_with_user_data()
    {
        using var r = Open(File("udta-df.mov"));
        // -timecode 10:00:00;00 at 30000/1001: drop-frame flag 0x1; 30 frames a second.
        Assert.True(V(r, "QuickTime:trak[1]/tmcd/drop_frame").AsBoolean());
        Assert.Equal(30, V(r, "QuickTime:trak[1]/tmcd/number_of_frames").AsInteger());
        // An hour of drop-frame is 108 000 labels less 2 in each of the 54 minutes not divisible by ten: 107 892; ten hours 1 078 920.
        Assert.Equal(1_078_920, V(r, "QuickTime:trak[1]/tmcd/start_frame").AsInteger());
        var start = N(r, F.TimecodeIn).AsTimecode()!.Value;
        Assert.True(start.DropFrame);
        Assert.Equal("10:00:00;00", start.ToString());
        Assert.Equal(5, N(r, F.FrameCount).AsInteger());
        Assert.Equal("Apple ProRes 422 Proxy", N(r, F.Codec).AsText());                   // -profile:v 0 → 'apco'
        Assert.Equal("Rushes Test Camera", N(r, F.CameraMake).AsText());                   // -metadata make → '©mak'
        Assert.Equal("Scene 12 take 3", V(r, "QuickTime:udta/©nam").AsText());             // -metadata title → '©nam'
        Assert.False(N(r, F.Reel).IsPresent);                                             // no reel_name: the tmcd has no 'name'
        Assert.False(N(r, F.RecordedAt).IsPresent);                                       // bitexact: mvhd creation time 0
    }

    [Fact]
    public void Mpeg2_mxf_with_drop_frame_timecode_and_reel()
    {
        using var r = Open(File("mpeg2-df.mxf"));
        // Timecode component: rounded base 30, drop frame, start 10:00:00;00 = 1 078 920 frames.
        Assert.Equal(30, V(r, "MXF:TimecodeComponent/RoundedTimecodeBase").AsInteger());
        Assert.True(V(r, "MXF:TimecodeComponent/DropFrame").AsBoolean());
        Assert.Equal(1_078_920, V(r, "MXF:TimecodeComponent/StartFrames").AsInteger());
        Assert.Equal(Timecode.Parse("10:00:00;00", FrameRate.Fps29_97), N(r, F.TimecodeIn).AsTimecode());
        Assert.Equal("A001C003_MAT", N(r, F.ClipName).AsText());                          // material package name
        Assert.Equal("A001C003", N(r, F.Reel).AsText());                                  // the tape source package's name (reel_name)
        Assert.Equal("A001C003_FILE", V(r, "MXF:SourcePackage[0]/PackageName").AsText()); // the file package
        Assert.Equal(3, N(r, F.FrameCount).AsInteger());
        Assert.Equal(new Rational(30000, 1001), N(r, F.ProjectFrameRate).AsRational());
        Assert.Equal(new Rational(3 * 1001, 30000), N(r, "clip.duration").AsRational());
        // MPEG-2 codes whole 16-line macroblock rows: 36 lines are stored as 48; 36 are sampled and displayed.
        Assert.Equal(48, V(r, "MXF:PictureDescriptor/StoredHeight").AsInteger());
        Assert.Equal(36, N(r, F.Height).AsInteger());
        Assert.Equal(36, N(r, "image.active_height").AsInteger());
        Assert.Equal(64, N(r, F.Width).AsInteger());
        Assert.Equal(new Rational(16, 9), V(r, "MXF:PictureDescriptor/AspectRatio").AsRational());
        // RP 224 MPEG node 04.01.02.02.01, byte 13 = 02: an MPEG-2 profile.
        Assert.Equal("06.0e.2b.34.04.01.01.03.04.01.02.02.01.02.03.00", V(r, "MXF:PictureDescriptor/PictureEssenceCoding").AsText());
        Assert.Equal("MPEG-2 Video", N(r, F.Codec).AsText());
        Assert.Equal("FFmpeg", N(r, F.CameraMake).AsText());                              // Identification CompanyName
        Assert.Equal("MPEG2VideoDescriptor", V(r, "MXF:PictureDescriptor/Kind").AsText());     // ST 381-1 key …01.51.00
        Assert.Equal("1.3", V(r, "MXF:Partition/Version").AsText());                       // ST 377-1:2009 partition version 1.3
    }
}
