using Rushes.Contracts.Metadata;
using Rushes.Host.Metadata;
using Rushes.Plugins.VendorSidecars.Arri;
using Rushes.Plugins.VendorSidecars.Bmd;
using Rushes.Plugins.VendorSidecars.Canon;
using Rushes.Plugins.VendorSidecars.Red;
using Rushes.Plugins.VendorSidecars.Sony;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>
/// Each sample's normalized values, worked out by hand from the sample files (the comment says where each came
/// from and how it was converted), so that the golden documents are checked against an independent reading.
/// </summary>
public sealed class HandWorkedValueTests
{
    [Fact]
    public void Sony_venice_xml_and_lens_csv()
    {
        using var r = Open(new SonyNrtFormat(), Folder("venice"));
        Assert.Equal("D001C005_210716AG", Text(r, F.ClipName));          // D001C005_210716AGM01.xml less "M01"
        Assert.Equal("001", Text(r, F.Reel));                            // <Meta name="Reel" content="001"/>
        Assert.False(N(r, F.Scene).IsPresent);                           // <Meta name="Scene" content=""/>
        Assert.Equal("D", Text(r, F.CameraLetter));                      // <Meta name="CameraIndex" content="D"/>
        Assert.Equal(588, N(r, F.FrameCount).AsInteger());               // <Duration value="588"/>
        Assert.Equal(new Rational(24, 1), N(r, F.CaptureFrameRate).AsRational()); // captureFps="24.00p"
        Assert.Equal(new Rational(24, 1), N(r, F.ProjectFrameRate).AsRational()); // formatFps="24p"
        Assert.Equal("16:47:04:19", N(r, F.TimecodeIn).AsTimecode().ToString()); // LtcChange value="19044716": BCD FF=19 SS=04 MM=47 HH=16
        Assert.Equal("X-OCN XT", Text(r, F.Codec));                      // videoCodec="F55_X-OCN_XT_6K_16:9"
        Assert.Equal("6K 16:9", Text(r, F.SensorMode));                  // the same attribute's resolution part
        Assert.Equal(5674, N(r, F.Width).AsInteger());                   // VideoLayout pixel="5674"
        Assert.Equal(3192, N(r, F.Height).AsInteger());                  // numOfVerticalLine="3192"
        Assert.Equal("Sony", Text(r, F.CameraMake));                     // <Camera manufacturer="Sony"
        Assert.Equal("MPC-3610", Text(r, F.CameraModel));                // modelName="MPC-3610"
        Assert.Equal("0010201", Text(r, F.CameraSerial));                // serialNo="0010201"
        Assert.Equal("6.10", Text(r, F.CameraFirmware));                 // <Element hardware="Main-Board" software="6.10"/>
        Assert.Equal("S7i-32", Text(r, F.LensModel));                    // <Lens modelName="S7i-32      "/>, padding trimmed
        Assert.False(N(r, F.LensMake).IsPresent);                        // manufacturer=""
        Assert.Equal(1.0, N(r, F.Squeeze).AsDouble());                   // AnamorphicLensSqueezeRatio 100 / 100
        Assert.Equal(250, N(r, F.ExposureIndex).AsInteger());            // ExposureIndexOfPhotoMeter 250 (ISOSensitivity 500 is the base)
        Assert.Equal(173.0, N(r, F.ShutterAngle).AsDouble());            // ShutterSpeedAngle 10380 / 60
        Assert.Equal(new Rational(173, 8640), N(r, F.ShutterTime).AsRational()); // 173° / 360 / 24 fps
        Assert.Equal(0.0, N(r, F.NeutralDensity).AsDouble());            // NeutralDensityFilterWheelSetting 1: clear
        Assert.Equal(4300.0, N(r, F.WhiteBalanceKelvin).AsDouble());     // WhiteBalance 4300
        Assert.Equal("scene-linear", Text(r, F.ColourGamma));            // CaptureGammaEquation
        Assert.Equal("SL3SG3Ctos709.cube", Text(r, ClipKeys.Lut));       // PreCDLTransform "LUT:SL3SG3Ctos709.cube"
        Assert.Equal(new DateTimeOffset(2021, 7, 16, 11, 46, 22, TimeSpan.FromHours(-8)), N(r, F.RecordedAt).AsDateTime()); // CreationDate
        Assert.Equal(32.0, N(r, F.FocalLength).AsDouble());              // CSV row 1 "Focal Length (mm)" 32
        Assert.Equal(Math.Pow(2, 2.3 / 2), N(r, F.TStop).AsDouble()!.Value, 12); // CSV "T 2 3/10": 2.3 stops, T = 2^(2.3/2) = 2.219
        Assert.Equal(5.83 * 0.3048, N(r, F.FocusDistance).AsDouble()!.Value, 12); // CSV "Focus Distance (ft)" 5.83 ft = 1.777 m
        var frame5 = r.ReadFrameMetadata(5);                             // CSV row 6: 16:47:05:00, 5.791 ft
        Assert.Equal("16:47:05:00", frame5.Timecode.ToString());
        Assert.Equal(5.791 * 0.3048, frame5.Values[F.FocusDistance].AsDouble()!.Value, 12);
        Assert.Equal("16:47:29:06", Document(r, withTracks: false)["timecode"]!["out"]!["value"]!.GetValue<string>()); // LtcChange frameCount 587 value "06294716"
    }

    [Fact]
    public void Arri_meta_extract_csv()
    {
        using var r = Open(new ArriMetaExtractFormat(), Folder("arri"));
        Assert.Equal("B001C001_180327_R1ZA", Text(r, F.ClipName));       // Camera Clip Name
        Assert.Equal("B001C001_180327_R1ZA.mov", Text(r, ClipKeys.FileName)); // the CSV's own name less ".csv"
        Assert.Equal("B001R1ZA", Text(r, F.Reel));                       // Reel
        Assert.False(N(r, F.Scene).IsPresent);                           // Scene "no scene name"
        Assert.False(N(r, F.Take).IsPresent);                            // Take "n.a."
        Assert.Equal("B", Text(r, F.CameraLetter));                      // Camera Index
        Assert.Equal("Alexa LF Plus W", Text(r, F.CameraModel));         // Camera Model
        Assert.Equal("2566", Text(r, F.CameraSerial));                   // Camera Serial Number
        Assert.Equal("AlexaLF_2.0:41017", Text(r, F.CameraFirmware));    // Camera SUP Name
        Assert.Equal(500, N(r, F.FrameCount).AsInteger());               // 500 data rows, Index 0-499
        Assert.Equal(new Rational(24, 1), N(r, F.CaptureFrameRate).AsRational()); // Sensor FPS 24.000
        Assert.Equal(new Rational(24, 1), N(r, F.ProjectFrameRate).AsRational()); // Project FPS 24.000
        Assert.Equal("13:36:49:07", N(r, F.TimecodeIn).AsTimecode().ToString());  // row 1 Master TC (frame count 1176223)
        Assert.Equal("13:37:10:02", N(r, ClipKeys.TimecodeOut).AsTimecode().ToString()); // row 500 Master TC (1176722 = 1176223 + 499)
        Assert.Equal("Apple ProRes 4444", Text(r, F.Codec));             // Recording Codec
        Assert.Equal(1920, N(r, F.Width).AsInteger());                   // Image Width
        Assert.Equal(1080, N(r, ClipKeys.ActiveHeight).AsInteger());     // Active Image Height
        Assert.Equal(1.0, N(r, F.Squeeze).AsDouble());                   // Lens Squeeze 1.000
        Assert.Equal("ARRI SP40 T1.8", Text(r, F.LensModel));            // Lens Model
        Assert.Equal("2", Text(r, F.LensSerial));                        // Lens Serial Number
        Assert.Equal(40.0, N(r, F.FocalLength).AsDouble());              // Lens Focal Length 40.000
        Assert.Equal(Math.Pow(2, (2667 - 1000) / 2000.0), N(r, F.TStop).AsDouble()!.Value, 12); // Lens Linear Iris 2667: T1.782 ("1.4 + 7/10" is T1.8)
        Assert.Equal(4.812, N(r, F.FocusDistance).AsDouble());           // Lens Focus Distance 4.812, Lens Distance Unit Meter
        Assert.Equal(400, N(r, F.ExposureIndex).AsInteger());            // Exposure Index ASA
        Assert.Equal(172.8, N(r, F.ShutterAngle).AsDouble());            // Shutter Angle 172.800
        Assert.Equal(new Rational(1, 50), N(r, F.ShutterTime).AsRational()); // Exposure Time 20.000 ms
        Assert.Equal(0.0, N(r, F.NeutralDensity).AsDouble());            // ND Filter Type "No Filter"
        Assert.Equal(3200.0, N(r, F.WhiteBalanceKelvin).AsDouble());     // White Balance 3200
        Assert.Equal(0.0, N(r, F.WhiteBalanceTint).AsDouble());          // White Balance CC "  0"
        Assert.Equal("LogC3", Text(r, F.ColourGamma));                   // Target Color Space LOG-C on an ALEV III camera
        Assert.Equal("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", Text(r, F.InputTransformId));
        Assert.Equal([1, 1, 1, 0, 0, 0, 1, 1, 1, 1], N(r, ClipKeys.Cdl).AsNumberList()); // CDL Slope/Offset/Power R G B, Saturation
        Assert.Equal(new DateTimeOffset(2018, 3, 27, 12, 36, 51, TimeSpan.Zero), N(r, F.RecordedAt).AsDateTime()); // System Image Creation Date/Time, UTC+00:00
        var last = r.ReadFrameMetadata(499);                             // row 500
        Assert.Equal("13:37:10:02", last.Timecode.ToString());
        Assert.Equal(3.056, last.Values[F.FocusDistance].AsDouble());
    }

    [Fact]
    public void Red_printmeta_csvs()
    {
        using var r = Open(new RedPrintMetaFormat(), Folder("red"));
        Assert.Equal("A001_C066_0303LZ", Text(r, F.ClipName));           // Clip Name
        Assert.Equal("A001_C066_0303LZ_001.R3D", Text(r, ClipKeys.FileName)); // File Name
        Assert.Equal("001", Text(r, F.Reel));                            // Reel
        Assert.Equal("066", Text(r, F.Take));                            // Take (REDline fills it with the clip number)
        Assert.Equal("A", Text(r, F.CameraLetter));                      // Camera
        Assert.Equal("RANGER MONSTRO 8K VV", Text(r, F.CameraModel));    // Camera Model
        Assert.Equal("130-27E-4B5", Text(r, F.CameraSerial));            // Camera PIN
        Assert.Equal("7.4.1", Text(r, F.CameraFirmware));                // Firmware Version
        Assert.Equal(2, N(r, F.FrameCount).AsInteger());                 // Total Frames
        Assert.Equal(new Rational(24, 1), N(r, F.CaptureFrameRate).AsRational()); // Record FPS
        Assert.Equal("23:17:21:08", N(r, F.TimecodeIn).AsTimecode().ToString());  // Abs TC
        Assert.Equal("23:17:21:09", N(r, ClipKeys.TimecodeOut).AsTimecode().ToString()); // End Abs TC
        Assert.Equal("REDcode 8:1", Text(r, F.Codec));                   // REDCODE
        Assert.Equal(4096, N(r, F.Width).AsInteger());                   // Frame Width
        Assert.Equal(2160, N(r, F.Height).AsInteger());                  // Frame Height
        Assert.Equal("SIGMA", Text(r, F.LensMake));                      // Lens Brand "SIGMA          "
        Assert.Equal("G53599764", Text(r, F.LensSerial));                // Lens Serial Number
        Assert.Equal(40.0, N(r, F.FocalLength).AsDouble());              // Focal Length "40mm"
        Assert.Equal(5.6, N(r, F.FStop).AsDouble());                     // Aperture "F5.6"
        Assert.Equal(0.41, N(r, F.FocusDistance).AsDouble());            // Focus Distance "410mm"
        Assert.Equal(250, N(r, F.ExposureIndex).AsInteger());            // ISO
        Assert.Equal(180.0, N(r, F.ShutterAngle).AsDouble());            // Shutter (deg)
        Assert.Equal(new Rational(1, 48), N(r, F.ShutterTime).AsRational()); // Shutter (1/sec) 48
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());     // Kelvin
        Assert.Equal(1.0, N(r, F.Squeeze).AsDouble());                   // Pixel Aspect Ratio 1
        Assert.Equal("A001_C066_0303LZ-RED_FilmBias.cube", Text(r, ClipKeys.Lut)); // Camera 3D LUT
        Assert.False(N(r, ClipKeys.Cdl).IsPresent);                      // CDL Enabled: false
        Assert.Equal("2022-03-03T13:21:46", Text(r, F.RecordedAt));      // Date 20220303, Timestamp 132146
        var frame1 = r.ReadFrameMetadata(1);                             // frames CSV FrameNo 1
        Assert.Equal("23:17:21:09", frame1.Timecode.ToString());
        Assert.Equal(0.42, frame1.Values[F.FocusDistance].AsDouble());   // Focus Distance 420 (mm)
        Assert.Equal(5.6, frame1.Values[F.FStop].AsDouble());            // Aperture 5.600000
    }

    [Fact]
    public void Canon_static_and_frame_csvs()
    {
        using var r = Open(new CanonCsvFormat(), Folder("canon"));
        Assert.Equal("A001C001", Text(r, F.ClipName));                   // ShotNumber
        Assert.Equal("1", Text(r, F.Reel));                              // ReelNumber
        Assert.Equal(new Rational(9009, 2000), N(r, ClipKeys.Duration).AsRational()); // Duration 135135 / Timescale 30000 s
        Assert.False(N(r, F.CaptureFrameRate).IsPresent);                // no rate in either CSV
        Assert.False(N(r, F.TimecodeIn).IsPresent);                      // "0:00:00:00" without a rate to count it at
        Assert.Equal(5952, N(r, F.Width).AsInteger());                   // Width
        Assert.Equal(3140, N(r, F.Height).AsInteger());                  // Height
        Assert.Equal(1.0, N(r, F.Squeeze).AsDouble());                   // LensSqueezeFactor 0
        Assert.Equal(18.0, N(r, F.FocalLength).AsDouble());              // FocalLength 180/10
        Assert.Equal(4.5, N(r, F.TStop).AsDouble());                     // ApertureNumber 45/10 with ApertureMode 2 (T)
        Assert.Equal(0.5, N(r, F.FocusDistance).AsDouble());             // FocusPosition 3F000000: float32 0.5 (m)
        Assert.Equal(1600, N(r, F.ExposureIndex).AsInteger());           // PhotographicSensitivity 2147485248 - 0x80000000, mode 1
        Assert.Equal(180.0, N(r, F.ShutterAngle).AsDouble());            // ExposureTime 18000/100 with ExposureTimeMode 2 (angle)
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());     // ColorTemperature
        Assert.False(N(r, F.NeutralDensity).IsPresent);                  // NDFilter 65535/65535: not available
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 0, 1, 46, TimeSpan.FromHours(1)), N(r, F.RecordedAt).AsDateTime()); // Record_Date/Time, zone +1 (CreationTime 23:01 UTC)
    }

    [Fact]
    public void Blackmagic_raw_sdk_dump()
    {
        using var r = Open(new BmdRawDumpFormat(), Folder("bmd"));
        Assert.Equal("A001_04190112_C102", Text(r, F.ClipName));         // clip_number
        Assert.Equal("1", Text(r, F.Reel));                              // reel_name
        Assert.Equal("1", Text(r, F.Scene));                             // scene
        Assert.Equal("99", Text(r, F.Take));                             // take
        Assert.Equal("A", Text(r, F.CameraLetter));                      // camera_number
        Assert.Equal("Blackmagic Design", Text(r, F.CameraMake));        // manufacturer
        Assert.Equal("Blackmagic URSA Mini Pro 12K", Text(r, F.CameraModel)); // camera_type
        Assert.Equal("7ef33b36-a5ba-4a04-b218-0afc7eb1f8b6", Text(r, F.CameraSerial)); // camera_id
        Assert.Equal("7.2.1", Text(r, F.CameraFirmware));                // firmware_version
        Assert.Equal(new Rational(48, 1), N(r, F.CaptureFrameRate).AsRational()); // frame 0 sensor_rate "48,1,"
        Assert.Equal(new Rational(24, 1), N(r, F.ProjectFrameRate).AsRational()); // format_frame_rate 1572864 / 65536
        Assert.Equal("Blackmagic RAW 12:1", Text(r, F.Codec));           // braw_compression_ratio
        Assert.Equal(5120, N(r, ClipKeys.ActiveWidth).AsInteger());      // crop_size "5120,4272,"
        Assert.Equal("Cooke Anamorphic /i Prime Lens 50mm", Text(r, F.LensModel)); // lens_type
        Assert.Equal(2.0, N(r, F.Squeeze).AsDouble());                   // anamorphic "2x", anamorphic_enable 1
        Assert.Equal(800, N(r, F.ExposureIndex).AsInteger());            // frame 0 iso
        Assert.Equal(180.0, N(r, F.ShutterAngle).AsDouble());            // shutter_value "180°", shutter_type Angle
        Assert.Equal(new Rational(1, 96), N(r, F.ShutterTime).AsRational()); // 180° / 360 / 48 fps
        Assert.Equal(6.0, N(r, F.NeutralDensity).AsDouble());            // internal_nd 6 (stops)
        Assert.Equal(6000.0, N(r, F.WhiteBalanceKelvin).AsDouble());     // white_balance_kelvin
        Assert.Equal(0.0, N(r, F.WhiteBalanceTint).AsDouble());          // white_balance_tint
        Assert.Equal(50.0, N(r, F.FocalLength).AsDouble());              // focal_length "50mm"
        Assert.Equal(2.3, N(r, F.TStop).AsDouble());                     // aperture "T2.3"
        Assert.Equal(0.991, N(r, F.FocusDistance).AsDouble());           // distance "991mm"
        Assert.Equal("2021-04-19", Text(r, F.RecordedAt));               // date_recorded "2021:04:19"
        Assert.Equal("urn:ampas:aces:transformId:v2.0:CSC.Blackmagic.BMDFilm_WideGamut_Gen5_to_ACES.a2.v1", Text(r, F.InputTransformId)); // Film / Blackmagic Design / gen 5
        Assert.False(N(r, ClipKeys.Lut).IsPresent);                      // post_3dlut_mode Disabled
    }

    private static string? Text(Rushes.Contracts.CameraFormats.IClipReader r, string key) => N(r, key).AsText();
}
