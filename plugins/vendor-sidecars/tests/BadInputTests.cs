using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.VendorSidecars.Arri;
using Rushes.Plugins.VendorSidecars.Bmd;
using Rushes.Plugins.VendorSidecars.Canon;
using Rushes.Plugins.VendorSidecars.Red;
using Rushes.Plugins.VendorSidecars.Sony;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>Broken sidecars give an InputException naming the file and the field; the other clips of the folder still open.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Corrupt_xml_names_file_and_line_and_the_good_clip_beside_it_still_opens()
    {
        var xml = Path.Combine(Folder("venice"), "D001C005_210716AGM01.xml");
        var good = _temp.Copy(xml, "D001C005_210716AGM01.xml");
        var bad = _temp.Copy(xml, "D001C006_210716AGM01.xml", t => t[..(t.Length / 2)]);
        var format = new SonyNrtFormat();
        var clips = Group(format, _temp.Path);
        Assert.Equal(2, clips.Count);

        var error = Assert.Throws<InputException>(() => format.Open(clips.Single(c => c.Path == bad)));
        Assert.Equal(bad, error.File);
        Assert.StartsWith("line ", error.Field, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
        using var reader = format.Open(clips.Single(c => c.Path == good));
        Assert.Equal("D", reader.Metadata.Normalized["camera.letter"].AsText());
    }

    [Fact]
    public void Xml_without_a_duration_names_the_element()
    {
        var xml = _temp.Copy(Path.Combine(Folder("venice"), "D001C005_210716AGM01.xml"), "X001C001M01.xml", t => t.Replace("<Duration value=\"588\"/>", string.Empty, StringComparison.Ordinal));
        var error = Assert.Throws<InputException>(() => Open(new SonyNrtFormat(), _temp.Path));
        Assert.Equal(xml, error.File);
        Assert.Equal("Duration", error.Field);
    }

    [Theory]
    [InlineData("arri", "B001C001_180327_R1ZA.mov.csv", "Lens Linear Iris", '\t')]
    [InlineData("arri", "B001C001_180327_R1ZA.mov.csv", "Project FPS", '\t')]
    [InlineData("red", "A001_C066_0303LZ_001.static.csv", "Abs TC", ',')]
    [InlineData("red", "A001_C066_0303LZ_001.frames.csv", "Focal Length", ',')]
    [InlineData("venice", "D001C005_210716AG.csv", "Focal Length (mm)", ',')]
    [InlineData("canon", "20221007_TNumber_CanonCameraMetadata_Frames.csv", "ApertureMode", ',')]
    [InlineData("canon", "20221007_TNumber_CanonCameraMetadata_Static.csv", "Width", ',')]
    public void A_csv_without_a_needed_column_names_the_column(string vendor, string file, string column, char delimiter)
    {
        foreach (var sample in Directory.GetFiles(Folder(vendor)))
        {
            var name = Path.GetFileName(sample);
            _temp.Copy(sample, name, name == file ? t => WithoutColumn(t, column, delimiter) : null);
        }

        var format = Formats.Single(f => Directory.GetFiles(Folder(vendor)).Any(s => f.Detect(Header(s, f.HeaderSize), s) != DetectionConfidence.None));
        var error = Assert.Throws<InputException>(() => Open(format, _temp.Path));
        Assert.Equal(_temp.File(file), error.File);
        Assert.Equal(column, error.Field);
        Assert.Contains($"no '{column}' column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_the_wrong_width_names_its_line()
    {
        var csv = _temp.Copy(Path.Combine(Folder("red"), "A001_C066_0303LZ_001.frames.csv"), "A001_C066_0303LZ_001.frames.csv", t => t.Replace("0,23:17:21:08,,", "0,23:17:21:08,", StringComparison.Ordinal));
        _temp.Copy(Path.Combine(Folder("red"), "A001_C066_0303LZ_001.static.csv"), "A001_C066_0303LZ_001.static.csv");
        var error = Assert.Throws<InputException>(() => Open(new RedPrintMetaFormat(), _temp.Path));
        Assert.Equal(csv, error.File);
        Assert.Equal("line 2", error.Field);
    }

    [Fact]
    public void A_bad_timecode_names_the_column()
    {
        var csv = _temp.Copy(Path.Combine(Folder("arri"), "B001C001_180327_R1ZA.mov.csv"), "B001C001_180327_R1ZA.mov.csv", t => t.Replace("13:36:50:00", "13:36:50:31", StringComparison.Ordinal));
        var error = Assert.Throws<InputException>(() => Open(new ArriMetaExtractFormat(), _temp.Path));
        Assert.Equal(csv, error.File);
        Assert.Equal("Master TC", error.Field);
    }

    [Fact]
    public void An_empty_sidecar_is_an_error_naming_it_and_is_never_detected()
    {
        var empty = _temp.File("A001C001M01.xml");
        File.WriteAllBytes(empty, []);
        Assert.All(Formats, f => Assert.Equal(DetectionConfidence.None, f.Detect([], "A001C001M01.xml")));
        var location = new ClipLocation { Name = "A001C001", Path = empty, Layout = ClipLayout.SingleFile, MediaFiles = [empty] };
        var error = Assert.Throws<InputException>(() => new SonyNrtFormat().Open(location));
        Assert.Equal(empty, error.File);
        Assert.Equal("content", error.Field);
        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dump_line_that_is_not_key_value_names_its_line()
    {
        var dump = _temp.Copy(Path.Combine(Folder("bmd"), "metadata.txt"), "metadata.txt", t => t.Replace("scene: 1\n", "scene 1\n", StringComparison.Ordinal));
        var error = Assert.Throws<InputException>(() => Open(new BmdRawDumpFormat(), _temp.Path));
        Assert.Equal(dump, error.File);
        Assert.Equal("line 19", error.Field); // a blank line, "Clip Metadata", then scene is the 17th key
    }

    [Fact]
    public void Per_frame_rows_without_their_clip_file_are_reported_not_dropped()
    {
        var frames = _temp.Copy(Path.Combine(Folder("canon"), "20221007_TNumber_CanonCameraMetadata_Frames.csv"), "20221007_TNumber_CanonCameraMetadata_Frames.csv");
        var error = Assert.Throws<InputException>(() => Open(new CanonCsvFormat(), _temp.Path));
        Assert.Equal(frames, error.File);
        Assert.Equal("clip metadata", error.Field);
    }

    [Fact]
    public void Decoding_a_metadata_only_clip_is_a_clear_input_error()
    {
        using var reader = Open(new RedPrintMetaFormat(), Folder("red"));
        var error = Assert.Throws<InputException>(() => reader.Decode(0, DecodeRequest.Default));
        Assert.Equal("decode", error.Field);
        Assert.Contains("metadata-only source", error.Message, StringComparison.Ordinal);
        Assert.Equal("frame", Assert.Throws<InputException>(() => reader.ReadFrameMetadata(2)).Field);
    }

    [Fact]
    public void A_media_file_beside_its_sidecars_becomes_the_clip_path()
    {
        foreach (var sample in Directory.GetFiles(Folder("venice")))
        {
            _temp.Copy(sample, Path.GetFileName(sample));
        }

        var mxf = _temp.File("D001C005_210716AG.MXF");
        File.WriteAllBytes(mxf, [0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01]);
        var clip = Assert.Single(Group(new SonyNrtFormat(), _temp.Path));
        Assert.Equal(mxf, clip.Path);
        Assert.Equal(ClipLayout.FileWithSidecars, clip.Layout);
        Assert.Equal(2, clip.Sidecars.Count);
        using var reader = new SonyNrtFormat().Open(clip);
        Assert.Equal("D001C005_210716AG.MXF", reader.Metadata.Normalized["clip.file_name"].AsText());
        Assert.Equal(588, reader.Info.Frames.Count);
    }

    private static string WithoutColumn(string text, string column, char delimiter)
    {
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split(delimiter);
        var index = Array.FindIndex(header, h => h.Trim('"') == column);
        Assert.True(index >= 0, $"the sample has a '{column}' column");
        return string.Join('\n', lines.Select(line =>
        {
            if (line.Length == 0)
            {
                return line;
            }

            var cells = line.TrimEnd('\r').Split(delimiter).ToList();
            cells.RemoveAt(index);
            return string.Join(delimiter, cells);
        }));
    }
}
