using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Host.Metadata;
using Rushes.Plugins.VendorSidecars.Arri;
using Rushes.Testing;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>
/// The ARRI ALE fixture (Fixtures/B001R1ZA.ale, written by hand with ARRI's underscored column names): its first row
/// carries the same camera facts as the ARRI Meta Extract CSV sample, so both must normalize alike.
/// </summary>
public sealed class ArriAleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static string Fixture([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", "B001R1ZA.ale");

    [Fact]
    public void Each_row_is_a_clip_and_a_media_file_beside_the_ale_becomes_its_path()
    {
        var ale = _temp.Copy(Fixture(), "B001R1ZA.ale");
        var mov = _temp.File("B001C002_180327_R1ZA.mov");
        File.WriteAllBytes(mov, [0, 0, 0, 8, (byte)'f', (byte)'t', (byte)'y', (byte)'p']);
        var clips = Group(new ArriAleFormat(), _temp.Path);
        Assert.Equal(["B001C001_180327_R1ZA", "B001C002_180327_R1ZA"], clips.Select(c => c.Name));
        Assert.Equal(ale, clips[0].Path);                                  // its Source File is not on disk
        Assert.Equal(ClipLayout.SingleFile, clips[0].Layout);
        Assert.Equal(mov, clips[1].Path);                                  // B001C002_180327_R1ZA.mov is
        Assert.Equal(ClipLayout.FileWithSidecars, clips[1].Layout);
        Assert.Equal([ale], clips[1].Sidecars);
        using var reader = new ArriAleFormat().Open(clips[1]);
        Assert.Equal("B001C002_180327_R1ZA.mov", reader.Metadata.Normalized[ClipKeys.FileName].AsText());
    }

    [Fact]
    public void The_ale_row_normalizes_as_the_meta_extract_csv_of_the_same_clip()
    {
        using var csv = Open(new ArriMetaExtractFormat(), Folder("arri"));
        using var ale = OpenRow("B001C001_180327_R1ZA");
        var fromCsv = Document(csv, withTracks: false);
        var fromAle = Document(ale, withTracks: false);
        var compared = 0;
        foreach (var field in ClipSchemaV1.Fields)
        {
            var a = fromCsv[field.Group]![field.Name]!;
            var b = fromAle[field.Group]![field.Name]!;
            if (a["missing"] is not null || b["missing"] is not null)
            {
                // Missing in both (the reasons name their source), or the field the ALE has no column for.
                Assert.True(a["missing"] is not null && b["missing"] is not null, $"{field.Key}: CSV {a.ToJsonString()}, ALE {b.ToJsonString()}");
                continue;
            }

            Assert.True(JsonNode.DeepEquals(a, b), $"{field.Key}: CSV {a.ToJsonString()}, ALE {b.ToJsonString()}");
            compared++;
        }

        Assert.True(compared >= 35, $"{compared} fields compared");
        Assert.Equal(fromCsv["format_key"]!.ToJsonString(), fromAle["format_key"]!.ToJsonString());
    }

    [Fact]
    public void Second_row_by_hand_feet_anamorphic_and_nd()
    {
        using var r = OpenRow("B001C002_180327_R1ZA");
        Assert.Equal("B001R1ZA", Text(r, F.Reel));                       // Tape (Avid's reel column)
        Assert.Equal("12A", Text(r, F.Scene));                           // Scene
        Assert.Equal("3", Text(r, F.Take));                              // Take
        Assert.Equal(240, N(r, F.FrameCount).AsInteger());               // End 13:40:10:00 − Start 13:40:00:00 = 10 s × 24 (End is exclusive)
        Assert.Equal("13:40:09:23", N(r, ClipKeys.TimecodeOut).AsTimecode().ToString()); // the last frame, one before End
        Assert.Equal(new Rational(48, 1), N(r, F.CaptureFrameRate).AsRational());  // Sensor_Fps 48.000
        Assert.Equal(new Rational(24, 1), N(r, F.ProjectFrameRate).AsRational());  // Project_Fps 24.000
        Assert.Equal(800, N(r, F.ExposureIndex).AsInteger());            // Exposure_Index
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());     // White_Balance
        Assert.Equal(-2.0, N(r, F.WhiteBalanceTint).AsDouble());         // White_Balance_CC
        Assert.Equal(2.0, N(r, F.Squeeze).AsDouble());                   // Lens_Squeeze 2.000
        Assert.Equal(75.0, N(r, F.FocalLength).AsDouble());              // Lens_Focal_Length
        Assert.Equal(2.0, N(r, F.TStop).AsDouble());                     // Lens_Linear_Iris 3000: 2^((3000 − 1000)/2000) = T2
        Assert.Equal(10 * 0.3048, N(r, F.FocusDistance).AsDouble()!.Value, 12); // 10.000 Feet = 3.048 m
        Assert.Equal(0.6 / Math.Log10(2), N(r, F.NeutralDensity).AsDouble()!.Value, 12); // ND 0.6 = 1.993 stops
        Assert.Equal(new Rational(10417, 1_000_000), N(r, F.ShutterTime).AsRational()); // Exposure_Time 10.417 ms
        Assert.Equal(180.0, N(r, F.ShutterAngle).AsDouble());            // Shutter_Angle
        Assert.Equal("ARRI SP75 T1.8", Text(r, F.LensModel));            // Lens_Model
        Assert.Equal("13:40:00:05", r.ReadFrameMetadata(5).Timecode.ToString()); // no per-frame rows: the timecode follows the start
        Golden.VerifyJson(Document(r, withTracks: false).ToJsonString(), "row2");
    }

    [Fact]
    public void Crlf_and_lf_lines_read_alike()
    {
        using var lf = OpenRow("B001C002_180327_R1ZA");
        var crlf = _temp.Copy(Fixture(), "B001R1ZA.ale", t => t.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Contains("\r\n", File.ReadAllText(crlf), StringComparison.Ordinal);
        var format = new ArriAleFormat();
        using var r = format.Open(Group(format, _temp.Path).Single(c => c.Name == "B001C002_180327_R1ZA"));
        Assert.Equal(Document(lf, withTracks: false).ToJsonString(), Document(r, withTracks: false).ToJsonString());
    }

    [Fact]
    public void A_generic_avid_ale_is_not_claimed()
    {
        var avid = "Heading\nFIELD_DELIM\tTABS\nFPS\t24\n\nColumn\nName\tTracks\tStart\tEnd\tTape\n\nData\nA001\tV\t01:00:00:00\t01:00:01:00\tA001\n"u8.ToArray();
        Assert.Equal(DetectionConfidence.None, new ArriAleFormat().Detect(avid, "A001.ale"));
        Assert.Equal(DetectionConfidence.Certain, new ArriAleFormat().Detect(File.ReadAllBytes(Fixture()), "renamed.txt"));
        Assert.All(Formats.Where(f => f is not ArriAleFormat), f => Assert.Equal(DetectionConfidence.None, f.Detect(File.ReadAllBytes(Fixture()), "B001R1ZA.ale")));
    }

    [Theory]
    [InlineData("\t13:37:10:03\t", "\t13:36:49:07\t", "End")]           // End at Start: no frames (End before Start would wrap past midnight)
    [InlineData("\t13:36:49:07\t", "\t13:36:49:31\t", "Start")]         // frame 31 at 24 fps
    public void A_bad_timecode_names_the_column(string from, string to, string field)
    {
        var ale = _temp.Copy(Fixture(), "B001R1ZA.ale", t => t.Replace(from, to, StringComparison.Ordinal));
        var clip = Group(new ArriAleFormat(), _temp.Path)[0];
        var error = Assert.Throws<InputException>(() => new ArriAleFormat().Open(clip));
        Assert.Equal(ale, error.File);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_row_wider_than_the_columns_names_its_line_and_the_ale_is_still_reported()
    {
        // The first row (line 11) ends "UTC+00:00⇥": one value more than the columns.
        var ale = _temp.Copy(Fixture(), "B001R1ZA.ale", t => t.Insert(t.IndexOf("UTC+00:00\t", StringComparison.Ordinal) + 10, "extra"));
        var clip = Assert.Single(Group(new ArriAleFormat(), _temp.Path));
        var error = Assert.Throws<InputException>(() => new ArriAleFormat().Open(clip));
        Assert.Equal(ale, error.File);
        Assert.Equal("line 11", error.Field);
    }

    [Fact]
    public void An_ale_without_start_names_the_column()
    {
        var ale = _temp.Copy(Fixture(), "B001R1ZA.ale", t => t.Replace("\tStart\t", "\tBegin\t", StringComparison.Ordinal));
        var clips = Group(new ArriAleFormat(), _temp.Path);
        var error = Assert.Throws<InputException>(() => new ArriAleFormat().Open(clips[0]));
        Assert.Equal(ale, error.File);
        Assert.Equal("Start", error.Field);
    }

    private IClipReader OpenRow(string name)
    {
        _temp.Copy(Fixture(), "B001R1ZA.ale");
        var format = new ArriAleFormat();
        return format.Open(Group(format, _temp.Path).Single(c => c.Name == name));
    }

    private static string? Text(IClipReader r, string key) => N(r, key).AsText();
}
