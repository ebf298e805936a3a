using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Host.Metadata;
using Rushes.Plugins.VendorSidecars.Mlv;
using Rushes.Plugins.VendorSidecars.Tests.Writers;
using Rushes.Testing;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>
/// MLV recordings written by our own writer (Writers/MlvWriter, from mlv.h), read back and cross-checked by FFmpeg's
/// MLV demuxer (ffprobe): exiftool has no MLV reader. The writer's layout is also checked byte by byte.
/// </summary>
public sealed class MlvTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Hand_worked_values()
    {
        Fixtures.Mlv(_temp.Path);
        using var r = Open(new MlvFormat(), _temp.Path);
        Assert.Equal("M15-1430", N(r, F.ClipName).AsText());                        // the file name less .MLV
        Assert.Equal(3, N(r, F.FrameCount).AsInteger());                             // three VIDF blocks
        Assert.Equal(new Rational(2997, 125), N(r, F.CaptureFrameRate).AsRational()); // sourceFpsNom/Denom 23976/1000, reduced
        Assert.Equal("MLV raw 14-bit", N(r, F.Codec).AsText());                      // videoClass 1, RAWI bits_per_pixel 14
        Assert.Equal(1920, N(r, F.Width).AsInteger());                               // RAWI xRes
        Assert.Equal(1080, N(r, F.Height).AsInteger());                              // RAWI yRes
        Assert.Equal("Canon", N(r, F.CameraMake).AsText());                          // Magic Lantern runs on Canon EOS only
        Assert.Equal("Canon EOS 5D Mark III", N(r, F.CameraModel).AsText());         // IDNT cameraName
        Assert.Equal("023021002351", N(r, F.CameraSerial).AsText());                 // IDNT cameraSerial
        Assert.Equal("EF50mm f/1.4 USM", N(r, F.LensModel).AsText());                // LENS lensName
        Assert.Equal("0000012345", N(r, F.LensSerial).AsText());                     // LENS lensSerial
        Assert.Equal(50.0, N(r, F.FocalLength).AsDouble());                          // LENS focalLength, mm
        Assert.Equal(2.8, N(r, F.FStop).AsDouble());                                 // LENS aperture 280 / 100
        Assert.Equal(3.0, N(r, F.FocusDistance).AsDouble());                         // LENS focalDist 3000 mm
        Assert.Equal(800, N(r, F.ExposureIndex).AsInteger());                        // EXPO isoValue
        Assert.Equal(new Rational(20833, 1_000_000), N(r, F.ShutterTime).AsRational()); // EXPO shutterValue 20833 µs
        Assert.Equal(20833 * 23.976 * 360 / 1e6, N(r, F.ShutterAngle).AsDouble()!.Value, 9); // 0.020833 s × 23.976 fps × 360° = 179.817°
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());                 // WBAL kelvin, wb_mode 9 (Kelvin)
        Assert.Equal("2024-03-15T14:30:05", N(r, F.RecordedAt).AsText());            // RTCI 14:30:05, mday 15, mon 2 (+1), year 124 (+1900)
        Assert.False(N(r, F.TimecodeIn).IsPresent);                                  // MLV has no timecode
        Assert.Equal("take 3, roof", r.Metadata.Vendor["MLV:INFO"].AsText());
        Assert.Equal("0x80000285", r.Metadata.Vendor["MLV:IDNT.cameraModel"].AsText());
        Assert.Equal(1, r.Metadata.Vendor["MLV:ZZZZ.count"].AsInteger());             // an unknown block, skipped by its size
        Assert.Equal(new FrameRange(0, 2), r.Info.Frames);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Normalizes_to_its_golden_document()
    {
        Fixtures.Mlv(_temp.Path);
        using var r = Open(new MlvFormat(), _temp.Path);
        Golden.VerifyJson(Document(r, withTracks: false).ToJsonString(), "mlv");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Agrees_with_ffprobe(bool spanned)
    {
        var files = Fixtures.Mlv(_temp.Path, spanned);
        var json = JsonNode.Parse(ReferenceTool.Run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", files[0]]).EnsureSuccess("ffprobe").StandardOutput)!;
        var tags = json["format"]!["tags"]!;
        var stream = json["streams"]![0]!;
        string Tag(string name) => tags[name]!.GetValue<string>();

        var clip = Assert.Single(Group(new MlvFormat(), _temp.Path));
        Assert.Equal(files, clip.MediaFiles);
        using var r = new MlvFormat().Open(clip);
        var n = r.Metadata.Normalized;
        string Int(string key) => n[key].AsInteger()!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(stream["duration_ts"]!.GetValue<long>(), n[F.FrameCount].AsInteger());   // FFmpeg indexes every VIDF of every chunk
        Assert.Equal(stream["r_frame_rate"]!.GetValue<string>(), n[F.CaptureFrameRate].AsRational().ToString());
        Assert.Equal(stream["width"]!.GetValue<int>(), r.Info.Width);
        Assert.Equal(stream["height"]!.GetValue<int>(), r.Info.Height);
        Assert.Equal(Tag("guid"), "0x" + r.Metadata.Vendor["MLV:MLVI.fileGuid"].AsText()![2..].TrimStart('0').ToLowerInvariant());
        Assert.Equal(Tag("cameraName"), n[F.CameraModel].AsText());
        Assert.Equal(Tag("cameraSerial"), n[F.CameraSerial].AsText());
        Assert.Equal(uint.Parse(Tag("cameraModel"), CultureInfo.InvariantCulture), Convert.ToUInt32(r.Metadata.Vendor["MLV:IDNT.cameraModel"].AsText(), 16));
        Assert.Equal(Tag("lensName"), n[F.LensModel].AsText());
        Assert.Equal(Tag("lensSerial"), n[F.LensSerial].AsText());
        Assert.Equal(Tag("focalLength"), n[F.FocalLength].AsDouble()!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(double.Parse(Tag("aperture"), CultureInfo.InvariantCulture) / 100, n[F.FStop].AsDouble());
        Assert.Equal(double.Parse(Tag("focalDist"), CultureInfo.InvariantCulture) / 1000, n[F.FocusDistance].AsDouble());
        Assert.Equal(Tag("isoValue"), Int(F.ExposureIndex));
        Assert.Equal(new Rational(long.Parse(Tag("shutterValue"), CultureInfo.InvariantCulture), 1_000_000), n[F.ShutterTime].AsRational());
        Assert.Equal(Tag("kelvin"), n[F.WhiteBalanceKelvin].AsDouble()!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Tag("time"), n[F.RecordedAt].AsText()!.Replace('T', ' '));
        Assert.Equal(Tag("info"), r.Metadata.Vendor["MLV:INFO"].AsText());
    }

    [Fact]
    public void Writer_lays_out_the_file_header_and_blocks_as_mlv_h_says()
    {
        var bytes = new MlvWriter()
            .FileHeader(0x0102030405060708, fileNum: 1, fileCount: 2, videoClass: 0x21, videoFrames: 7, fpsNom: 25000, fpsDenom: 1000)
            .Lens(35, 65535, 400, "L", "S")
            .ToArray();
        var b = bytes.AsSpan();
        // mlv_file_hdr_t, worked by hand: magic @0, blockSize @4 = 52, "v2.0\0\0\0\0" @8, guid @16, fileNum @24,
        // fileCount @26, fileFlags @28, videoClass @32, audioClass @34, videoFrameCount @36, audioFrameCount @40, fps @44/@48.
        Assert.Equal("MLVI"u8.ToArray(), b[..4].ToArray());
        Assert.Equal(52u, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        Assert.Equal("v2.0\0\0\0\0"u8.ToArray(), b[8..16].ToArray());
        Assert.Equal([0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01], b[16..24].ToArray()); // little-endian u64
        Assert.Equal([0x01, 0x00, 0x02, 0x00], b[24..28].ToArray());                          // fileNum 1, fileCount 2
        Assert.Equal([0x21, 0x00, 0x00, 0x00], b[32..36].ToArray());                          // videoClass 0x21, audioClass 0
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(b[36..]));
        Assert.Equal([0xA8, 0x61, 0x00, 0x00, 0xE8, 0x03, 0x00, 0x00], b[44..52].ToArray()); // 25000 = 0x61A8, 1000 = 0x03E8
        // mlv_lens_hdr_t right after: "LENS", blockSize 96 = 16 + 2+2+2+1+1+4+4+32+32, timestamp, then the fields.
        Assert.Equal("LENS"u8.ToArray(), b[52..56].ToArray());
        Assert.Equal(96u, BinaryPrimitives.ReadUInt32LittleEndian(b[56..]));
        Assert.Equal([35, 0, 0xFF, 0xFF, 0x90, 0x01], b[68..74].ToArray());                    // focalLength 35, focalDist 65535, aperture 400
        Assert.Equal((byte)'L', b[52 + 32]);                                                  // lensName @32 of the block
        Assert.Equal((byte)'S', b[52 + 64]);                                                  // lensSerial @64
        Assert.Equal(52 + 96, bytes.Length);
    }

    [Fact]
    public void Lj92_infinity_focus_and_a_non_kelvin_white_balance()
    {
        new MlvWriter().FileHeader(1, 0, 1, videoClass: 0x21, videoFrames: 1, fpsNom: 25000, fpsDenom: 1000)
            .Rawi(1280, 720, 1280, 720, 12, 512, 4000).Lens(35, 65535, 400, "EF35", "").Wbal(3, 3200).Vidf(0, 64)
            .WriteTo(_temp.File("M01-0101.MLV"));
        using var r = Open(new MlvFormat(), _temp.Path);
        Assert.Equal("MLV raw LJ92 12-bit", N(r, F.Codec).AsText());                 // class 1 with flag 0x20
        Assert.Equal(new Rational(25, 1), N(r, F.CaptureFrameRate).AsRational());
        Assert.Contains("infinity", N(r, F.FocusDistance).MissingReason, StringComparison.Ordinal);
        Assert.Contains("tungsten (3)", N(r, F.WhiteBalanceKelvin).MissingReason, StringComparison.Ordinal);
        Assert.False(N(r, F.LensSerial).IsPresent);
        Assert.False(N(r, F.ShutterTime).IsPresent);                                  // no EXPO block
        Assert.False(N(r, F.RecordedAt).IsPresent);                                   // no RTCI block
        Assert.Empty(ClipSchemaValidator.Validate(Document(r, withTracks: false)));
    }

    [Fact]
    public void A_chunk_of_another_recording_and_a_declared_count_that_differs_are_reported()
    {
        new MlvWriter().FileHeader(1, 0, 2, 1, videoFrames: 4_000_000_000, fpsNom: 24, fpsDenom: 1).Vidf(0, 16).WriteTo(_temp.File("M01-0101.MLV"));
        new MlvWriter().FileHeader(2, 1, 2, 1, videoFrames: 1, fpsNom: 24, fpsDenom: 1).Vidf(1, 16).WriteTo(_temp.File("M01-0101.M00"));
        var clip = Assert.Single(Group(new MlvFormat(), _temp.Path));
        var error = Watchdog.Throws(() => new MlvFormat().Open(clip));
        Assert.Equal(_temp.File("M01-0101.M00"), error.File);
        Assert.Equal("fileGuid", error.Field);

        File.Delete(_temp.File("M01-0101.MLV"));
        Assert.Contains(Assert.Single(Group(new MlvFormat(), _temp.Path)).Diagnostics, d => d.Field == "span"); // the .M00 alone: its first chunk is missing

        new MlvWriter().FileHeader(1, 0, 2, 1, videoFrames: 4_000_000_000, fpsNom: 24, fpsDenom: 1).Vidf(0, 16).WriteTo(_temp.File("M01-0101.MLV"));
        File.Delete(_temp.File("M01-0101.M00"));
        using var r = Open(new MlvFormat(), _temp.Path);
        Assert.Equal(1, N(r, F.FrameCount).AsInteger());                                // counted, not the absurd declared 4 000 000 000
        Assert.Contains(r.Diagnostics, d => d.Field == "videoFrameCount");
        Assert.Contains(r.Diagnostics, d => d.Field == "fileCount");
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "wrong magic", "fileMagic" },
        { "truncated block header", "block header" },
        { "block past the end", "VIDF blockSize" },
        { "absurd block size", "VIDF blockSize" },
        { "block smaller than its header", "NULL blockSize" },
        { "RAWI too small", "RAWI blockSize" },
        { "header size past the end", "MLVI blockSize" },
        { "no frames", "VIDF" },
        { "version 1", "versionString" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_is_a_clear_error_within_the_watchdog(string what, string field)
    {
        var good = new MlvWriter().FileHeader(1, 0, 1, 1, 1, 24, 1).Idnt("Canon EOS 5D Mark III", 0x80000285, "1").Vidf(0, 64).ToArray();
        byte[] bytes = what switch
        {
            "wrong magic" => [.. "MLVX"u8, .. good[4..]],
            "truncated block header" => good[..(52 + 84 + 10)],
            "block past the end" => good[..^10],
            "absurd block size" => WithU32(good, 52 + 84 + 4, uint.MaxValue),
            "block smaller than its header" => [.. good[..(52 + 84)], .. new MlvWriter().Block("NULL", _ => { }, sizeOverride: 8).ToArray(), .. good[(52 + 84)..]],
            "RAWI too small" => [.. good[..52], .. new MlvWriter().Block("RAWI", w => w.Write(new byte[40])).ToArray(), .. good[52..]],
            "header size past the end" => WithU32(good, 4, 1_000_000),
            "no frames" => good[..(52 + 84)],
            "version 1" => [.. good[..8], .. "v1.0\0\0\0\0"u8, .. good[16..]],
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var path = _temp.File("M01-0101.MLV");
        File.WriteAllBytes(path, bytes);
        var location = new ClipLocation { Name = "M01-0101", Path = path, Layout = ClipLayout.SingleFile, MediaFiles = [path] };
        var error = Watchdog.Throws(() => new MlvFormat().Open(location));
        Assert.Equal(path, error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains("M01-0101.MLV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_is_by_content_and_chunks_group_by_name()
    {
        var format = new MlvFormat();
        Assert.Equal(DetectionConfidence.Certain, format.Detect(new MlvWriter().FileHeader(1, 0, 1, 1, 0, 24, 1).ToArray(), "renamed.bin"));
        Assert.Equal(DetectionConfidence.None, format.Detect("MLVI"u8, "A.MLV"));
        Assert.Equal(DetectionConfidence.None, format.Detect([], "A.MLV"));
        Assert.Equal(("M15-1430", 0), format.SpanOf("/x/M15-1430.MLV"));
        Assert.Equal(("M15-1430", 1), format.SpanOf("/x/M15-1430.M00"));
        Assert.Equal(("M15-1430", 12), format.SpanOf("/x/M15-1430.m11"));
    }

    [Fact]
    public void Decoding_is_refused()
    {
        Fixtures.Mlv(_temp.Path);
        using var r = Open(new MlvFormat(), _temp.Path);
        Assert.Equal("decode", Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => r.Decode(0, DecodeRequest.Default)).Field);
    }

    private static byte[] WithU32(byte[] bytes, int at, uint value)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), value);
        return copy;
    }
}
