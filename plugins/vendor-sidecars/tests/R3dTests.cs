using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Host.Metadata;
using Rushes.Plugins.VendorSidecars.R3d;
using Rushes.Plugins.VendorSidecars.Red;
using Rushes.Plugins.VendorSidecars.Tests.Writers;
using Rushes.Testing;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>
/// R3D headers written by our own writer (Writers/R3dWriter, from exiftool's Red.pm layout), read back, and read by
/// exiftool itself: exiftool's values for the same file are the independent check that writer and reader agree with
/// its understanding of the format.
/// </summary>
public sealed class R3dTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Hand_worked_values()
    {
        Fixtures.R3d().WriteTo(_temp.File("A001_C066_0303LZ_001.R3D"));
        using var r = Open(new R3dFormat(), _temp.Path);
        Assert.Equal("A001_C066_0303LZ", N(r, F.ClipName).AsText());               // OriginalFileName less "_001.R3D"
        Assert.Equal("001", N(r, F.Reel).AsText());                                 // 0x101A ReelNumber
        Assert.Equal("066", N(r, F.Take).AsText());                                 // 0x101B Take
        Assert.Equal("RED", N(r, F.CameraMake).AsText());
        Assert.Equal("RANGER MONSTRO 8K VV", N(r, F.CameraModel).AsText());         // 0x1071 Model
        Assert.Equal("130-27E-4B5", N(r, F.CameraSerial).AsText());                 // 0x1006 SerialNumber
        Assert.Equal("7.4.1", N(r, F.CameraFirmware).AsText());                     // 0x1025 FirmwareVersion
        Assert.Equal(4096, N(r, F.Width).AsInteger());                              // rdi width u32 @0x4C
        Assert.Equal(2160, N(r, F.Height).AsInteger());                             // rdi height u32 @0x50
        Assert.Equal(new Rational(24, 1), N(r, F.ProjectFrameRate).AsRational());   // rdi rate (0·65536 + 24) / 1
        Assert.Equal(new Rational(24, 1), N(r, F.CaptureFrameRate).AsRational());   // 0x2066 OriginalFrameRate float 24.0
        Assert.Equal("23:17:21:08", N(r, F.TimecodeIn).AsTimecode().ToString());    // 0x1001 StartTimecode
        Assert.Equal("2022-03-03T13:21:46", N(r, F.RecordedAt).AsText());           // 0x1005 DateTimeOriginal 20220303132146
        Assert.Equal("SIGMA", N(r, F.LensMake).AsText());                           // 0x106E LensMake
        Assert.Equal("40mm T1.5 FF | 018", N(r, F.LensModel).AsText());             // 0x1070 LensModel
        Assert.Equal(40.0, N(r, F.FocalLength).AsDouble());                         // 0x406B FocalLength, mm
        Assert.Equal(5.6, N(r, F.FStop).AsDouble());                                // 0x406A FNumber 56 / 10
        Assert.Equal(0.41, N(r, F.FocusDistance).AsDouble());                       // 0x606C FocusDistance 410 mm
        Assert.Equal(250, N(r, F.ExposureIndex).AsInteger());                       // 0x403B ISO
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());                // 0x200D ColorTemperature float
        Assert.False(N(r, F.WhiteBalanceTint).IsPresent);                           // no public tag
        Assert.False(N(r, F.ShutterAngle).IsPresent);                               // no public tag
        Assert.False(N(r, F.FrameCount).IsPresent);                                 // not in the header
        Assert.Equal("NA", r.Metadata.Vendor["RED:0x1041"].AsText());               // a tag exiftool does not name, kept by id
        Assert.Equal("20181024AAUS08390041", r.Metadata.Vendor["RED:StorageSerialNumber"].AsText());
    }

    [Fact]
    public void Normalizes_to_its_golden_document()
    {
        Fixtures.R3d().WriteTo(_temp.File("A001_C066_0303LZ_001.R3D"));
        using var r = Open(new R3dFormat(), _temp.Path);
        Golden.VerifyJson(Document(r, withTracks: false).ToJsonString(), "r3d");
    }

    [Fact]
    public void Agrees_with_exiftool()
    {
        var file = Fixtures.R3d().WriteTo(_temp.File("A001_C066_0303LZ_001.R3D"));
        var tool = ReferenceTool.Run("exiftool", ["-j", "-G", "-n", file]).EnsureSuccess("exiftool").StandardOutput;
        var e = JsonNode.Parse(tool)![0]!.AsObject();
        Assert.Equal("R3D", e["File:FileType"]!.GetValue<string>());
        Assert.DoesNotContain(e, p => p.Key.EndsWith(":Warning", StringComparison.Ordinal));
        string S(string tag) => e["Red:" + tag]!.ToString();
        double D(string tag) => e["Red:" + tag]!.GetValue<double>();

        using var r = Open(new R3dFormat(), _temp.Path);
        var n = r.Metadata.Normalized;
        Assert.Equal(2, e["Red:RedcodeVersion"]!.GetValue<int>());
        Assert.Equal((long)D("ImageWidth"), n[F.Width].AsInteger());
        Assert.Equal((long)D("ImageHeight"), n[F.Height].AsInteger());
        Assert.Equal(D("FrameRate"), n[F.ProjectFrameRate].AsRational()!.Value.ToDouble(), 9);
        Assert.Equal(D("OriginalFrameRate"), n[F.CaptureFrameRate].AsRational()!.Value.ToDouble(), 3);
        Assert.Equal(S("StartTimecode"), n[F.TimecodeIn].AsTimecode().ToString());
        Assert.Equal(S("DateTimeOriginal"), DateTime.Parse(n[F.RecordedAt].AsText()!, CultureInfo.InvariantCulture).ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture));
        Assert.Equal(S("SerialNumber"), n[F.CameraSerial].AsText());
        Assert.Equal(S("Model"), n[F.CameraModel].AsText());
        Assert.Equal(S("FirmwareVersion"), n[F.CameraFirmware].AsText());
        Assert.Equal(S("ReelNumber"), n[F.Reel].AsText());
        Assert.Equal(S("Take"), n[F.Take].AsText());
        Assert.Equal(S("LensMake"), n[F.LensMake].AsText());
        Assert.Equal(S("LensModel"), n[F.LensModel].AsText());
        Assert.Equal(D("FocalLength"), n[F.FocalLength].AsDouble());
        Assert.Equal(D("FNumber"), n[F.FStop].AsDouble()!.Value, 9);               // exiftool: $val / 10
        Assert.Equal(D("FocusDistance"), n[F.FocusDistance].AsDouble()!.Value, 9); // exiftool: $val / 1000, in m
        Assert.Equal((long)D("ISO"), n[F.ExposureIndex].AsInteger());
        Assert.Equal(D("ColorTemperature"), n[F.WhiteBalanceKelvin].AsDouble());
        Assert.Equal(S("OriginalFileName"), r.Metadata.Vendor["RED:OriginalFileName"].AsText());
        // Every tag exiftool names is in our vendor set with the same value.
        foreach (var (key, value) in e.Where(p => p.Key.StartsWith("Red:", StringComparison.Ordinal) && p.Key is not ("Red:RedcodeVersion" or "Red:ImageWidth" or "Red:ImageHeight" or "Red:FrameRate")))
        {
            var ours = r.Metadata.Vendor[key.Replace("Red:", "RED:", StringComparison.Ordinal)];
            Assert.True(ours.IsPresent, $"{key} is missing from our vendor set");
            if (value!.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                var raw = double.Parse(ours.AsText()!, CultureInfo.InvariantCulture);
                var scaled = key switch { "Red:FNumber" => raw / 10, "Red:FocusDistance" => raw / 1000, _ => raw };
                Assert.Equal(value.GetValue<double>(), scaled, 9);
            }
            else if (key is not ("Red:DateTimeOriginal" or "Red:DateCreated" or "Red:TimeCreated"))
            {
                Assert.Equal(value.GetValue<string>(), ours.AsText());
            }
        }
    }

    [Fact]
    public void The_header_agrees_with_redline_printmeta_for_the_same_clip()
    {
        Fixtures.R3d().WriteTo(_temp.File("A001_C066_0303LZ_001.R3D"));
        using var header = Open(new R3dFormat(), _temp.Path);
        using var csv = Open(new RedPrintMetaFormat(), Folder("red"));
        foreach (var key in new[] { F.ClipName, ClipKeys.FileName, F.Reel, F.Take, F.CameraMake, F.CameraModel, F.CameraSerial, F.CameraFirmware, F.Width, F.Height,
                     F.ProjectFrameRate, F.CaptureFrameRate, F.TimecodeIn, F.RecordedAt, F.LensMake, F.FocalLength, F.FStop, F.FocusDistance, F.ExposureIndex, F.WhiteBalanceKelvin })
        {
            Assert.Equal(N(csv, key), N(header, key));
        }
    }

    [Fact]
    public void Spanned_files_are_one_clip_read_from_the_first()
    {
        Fixtures.R3d().WriteTo(_temp.File("A001_C066_0303LZ_002.R3D"));
        Fixtures.R3d().WriteTo(_temp.File("A001_C066_0303LZ_001.R3D"));
        var clip = Assert.Single(Group(new R3dFormat(), _temp.Path));
        Assert.Equal("A001_C066_0303LZ", clip.Name);
        Assert.Equal([_temp.File("A001_C066_0303LZ_001.R3D"), _temp.File("A001_C066_0303LZ_002.R3D")], clip.MediaFiles);
        Assert.Empty(clip.Diagnostics);
        using var r = new R3dFormat().Open(clip);
        Assert.Equal(2, r.Metadata.Vendor["RED:Files"].AsInteger());
    }

    [Fact]
    public void Ntsc_rates_are_exact()
    {
        new R3dWriter { RateDenominator = 1001, RateNumerator = 24000 }.Text(0x1001, "01:00:00:00").Float(0x2066, 23.976f).WriteTo(_temp.File("B002_C001_0101AB_001.R3D"));
        using var r = Open(new R3dFormat(), _temp.Path);
        Assert.Equal(new Rational(24000, 1001), N(r, F.ProjectFrameRate).AsRational());  // (0·65536 + 24000) / 1001
        Assert.Equal(new Rational(24000, 1001), N(r, F.CaptureFrameRate).AsRational());  // float 23.976 snapped to the NTSC rate
        Assert.Equal("01:00:00:00", N(r, F.TimecodeIn).AsTimecode().ToString());
        Assert.Empty(ClipSchemaValidator.Validate(Document(r, withTracks: false)));
    }

    [Fact]
    public void Red1_files_agree_with_exiftool()
    {
        var file = _temp.File("A001_C002_0101AB.R3D");
        File.WriteAllBytes(file, new R3dWriter { Width = 4096, Height = 2304, RateNumerator = 24000, RateDenominator = 1001 }
            .Text(0x1001, "10:00:00:00").Text(0x1006, "M1234").Text(0x1071, "RED ONE").Text(0x1025, "build 30").Text(0x101A, "002")
            .Text(0x1070, "RED PRO PRIME 50MM").Text(0x106E, "RED").Float(0x200D, 3200f).U16(0x403B, 320).U16(0x406B, 50).U16(0x406A, 28).I32(0x606C, 2500)
            .Text(0x1005, "20080412093015").Text(0x1086, "4K 16:9").Text(0x10A1, "MYSTERIUM").Text(0x1032, "CF 16GB RED DRIVE").Text(0x1033, "REDFLASH")
            .Text(0x107C, "Second unit camera operator").Text(0x1042, "MYSTERIUM, rev RED ONE build 30").Text(0x1000, "00:00:00:00")
            .Text(0x1029, "10:00:00:00").Text(0x1019, "RED ONE") // exiftool trusts a RED1 directory of 300 to 2047 bytes
            .ToRed1Array("A001_C002_0101AB.R3D"));
        var e = JsonNode.Parse(ReferenceTool.Run("exiftool", ["-j", "-G", "-n", file]).EnsureSuccess("exiftool").StandardOutput)![0]!.AsObject();
        Assert.DoesNotContain(e, p => p.Key.EndsWith(":Warning", StringComparison.Ordinal));
        using var r = Open(new R3dFormat(), _temp.Path);
        var n = r.Metadata.Normalized;
        Assert.Equal(1, e["Red:RedcodeVersion"]!.GetValue<int>());
        Assert.Equal("RED1", r.Metadata.Vendor["RED:Version"].AsText());
        Assert.Equal(e["Red:ImageWidth"]!.GetValue<long>(), n[F.Width].AsInteger());                      // u16 @0x36: 4096
        Assert.Equal(e["Red:ImageHeight"]!.GetValue<long>(), n[F.Height].AsInteger());                    // u16 @0x3A: 2304
        Assert.Equal(new Rational(24000, 1001), n[F.ProjectFrameRate].AsRational());                      // u16/u16 @0x3E: 24000/1001
        // exiftool prints a rational32u to 7 significant digits (23.97602).
        Assert.Equal(e["Red:FrameRate"]!.GetValue<double>(), n[F.ProjectFrameRate].AsRational()!.Value.ToDouble(), 5);
        Assert.Equal(e["Red:OriginalFileName"]!.GetValue<string>(), r.Metadata.Vendor["RED:OriginalFileName"].AsText());
        Assert.Equal("A001_C002_0101AB", n[F.ClipName].AsText());
        Assert.Equal(e["Red:StartTimecode"]!.GetValue<string>(), n[F.TimecodeIn].AsTimecode().ToString());
        Assert.Equal(e["Red:SerialNumber"]!.GetValue<string>(), n[F.CameraSerial].AsText());
        Assert.Equal(e["Red:Model"]!.GetValue<string>(), n[F.CameraModel].AsText());
        Assert.Equal(e["Red:ISO"]!.GetValue<long>(), n[F.ExposureIndex].AsInteger());
        Assert.Equal(e["Red:FNumber"]!.GetValue<double>(), n[F.FStop].AsDouble()!.Value, 9);               // 28 / 10 = 2.8
        Assert.Equal(e["Red:FocusDistance"]!.GetValue<double>(), n[F.FocusDistance].AsDouble()!.Value, 9); // 2500 mm = 2.5 m
        Assert.Equal(e["Red:ColorTemperature"]!.GetValue<double>(), n[F.WhiteBalanceKelvin].AsDouble());
        Assert.Equal("2008-04-12T09:30:15", n[F.RecordedAt].AsText());
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "wrong magic", "magic" },
        { "header size past the end", "RED2 header block" },
        { "absurd header size", "header size" },
        { "header size too small", "header size" },
        { "directory past the block", "Red directory length" },
        { "entry shorter than its head", "tag 0x1006" },
        { "entry past the directory", "tag 0x1006" },
        { "rdi records past the block", "rdi count" },
        { "empty file", "magic" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_is_a_clear_error_within_the_watchdog(string what, string field)
    {
        var writer = new R3dWriter().Text(0x1006, "130-27E-4B5").Text(0x1071, "KOMODO 6K");
        var good = writer.ToArray();
        byte[] bytes = what switch
        {
            "wrong magic" => [.. good[..4], .. "RED9"u8, .. good[8..]],
            "header size past the end" => good[..2048],
            "absurd header size" => WithU32(good, 0, uint.MaxValue),
            "header size too small" => WithU32(good, 0, 16),
            "directory past the block" => writer.ToArray(directoryLengthOverride: 0xFFFF),
            "entry shorter than its head" => WithU16(good, 0x5E, 2),
            "entry past the directory" => WithU16(good, 0x5E, 200),
            "rdi records past the block" => WithByte(good, 0x40, 255, size: 0x100),
            "empty file" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var path = _temp.File("A001_C001_0101AB_001.R3D");
        File.WriteAllBytes(path, bytes);
        var location = new ClipLocation { Name = "A001_C001_0101AB", Path = path, Layout = ClipLayout.SingleFile, MediaFiles = [path] };
        var error = Watchdog.Throws(() => new R3dFormat().Open(location));
        Assert.Equal(path, error.File);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Detection_is_by_content()
    {
        var format = new R3dFormat();
        Assert.Equal(DetectionConfidence.Certain, format.Detect(Fixtures.R3d().ToArray(), "renamed.bin"));
        Assert.Equal(DetectionConfidence.None, format.Detect("\0\0\0\0RED2"u8, "A.R3D"));
        Assert.Equal(DetectionConfidence.None, format.Detect("RED2"u8, "A.R3D"));
        Assert.Equal(("A001_C066_0303LZ", 1), format.SpanOf("/x/A001_C066_0303LZ_001.R3D"));
        Assert.Equal(("clip", 0), format.SpanOf("/x/clip.r3d"));
    }

    private static byte[] WithU32(byte[] bytes, int at, uint value)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(at), value);
        return copy;
    }

    private static byte[] WithU16(byte[] bytes, int at, ushort value)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at), value);
        return copy;
    }

    private static byte[] WithByte(byte[] bytes, int at, byte value, int size)
    {
        var copy = bytes[..size];
        copy[at] = value;
        BinaryPrimitives.WriteUInt32BigEndian(copy, (uint)size);
        return copy;
    }
}
