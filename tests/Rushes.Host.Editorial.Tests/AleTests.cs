using System.Text;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Ale;
using Rushes.Host.Editorial.Matching;
using Rushes.Host.Metadata;
using Rushes.Testing;

namespace Rushes.Host.Editorial.Tests;

public sealed class AleTests
{
    [Fact]
    public void An_avid_log_reads_by_column_name()
    {
        var ale = AleReader.ReadFile(Fixture.Path("avid-log.ale"));
        Assert.Equal(FrameRate.Fps23_976, ale.Rate);
        Assert.Equal("1080", ale.VideoFormat);
        Assert.Equal(["Name", "Tracks", "Start", "End", "Duration", "Tape", "Source File", "Camera", "Scene", "Take", "ASC_SOP", "ASC_SAT"], ale.Columns);
        Assert.Equal(3, ale.Rows.Count);
        Assert.Equal("A001C003_220310_R1ZK", ale.Value(0, "TAPE"));
        Assert.Equal("(1.1 0.98 1.02)(-0.01 0.0 0.005)(1.0 1.0 0.95)", ale.Value(2, "asc_sop"));
        Assert.Equal("1 ", ale.Value(2, "Take"));
        Assert.Null(ale.Value(1, "ASC_SOP"));
        Assert.Null(ale.Value(1, "No Such Column"));
    }

    [Fact]
    public void A_log_writes_back_byte_for_byte()
    {
        var path = Fixture.Path("avid-log.ale");
        Assert.Equal(File.ReadAllText(path), AleWriter.Write(AleReader.ReadFile(path)));
    }

    [Fact]
    public void Lf_and_crlf_logs_read_alike()
    {
        var crlf = File.ReadAllText(Fixture.Path("avid-log.ale"));
        Assert.Equal(AleReader.Parse(crlf), AleReader.Parse(crlf.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Files_are_written_atomically_and_tabs_in_values_become_spaces()
    {
        var ale = AleReader.ReadFile(Fixture.Path("avid-log.ale"));
        var folder = Directory.CreateTempSubdirectory("ale-");
        try
        {
            var path = Path.Combine(folder.FullName, "out.ale");
            AleWriter.WriteFile(ale with { Rows = [["A\tB", "V", "", "", "", "", "", "", "", "", "", ""]] }, path);
            Assert.Equal("A B", AleReader.ReadFile(path).Rows[0][0]);
            Assert.Equal(["out.ale"], folder.EnumerateFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Data\r\nA\tB\r\n", "line 2: Data", "a 'Column' section before 'Data'")]
    [InlineData("Heading\r\nFPS\t24\r\n", "Column", "a 'Column' section naming the columns")]
    [InlineData("Column\r\nName\r\n\r\nData\r\nA\tB\tC\r\n", "line 5: Data", "at most 1 tab-separated values")]
    [InlineData("Column\r\nName\tTape\tname\r\n", "line 2: Column", "each column name once (names are case-insensitive)")]
    [InlineData("Column\r\nName\t\tTape\r\n", "line 2: Column", "tab-separated column names, none empty")]
    [InlineData("Column\r\nName\r\nColumn\r\nTape\r\n", "line 4: Column", "one tab-separated line of column names after 'Column'")]
    [InlineData("Heading\r\nFIELD_DELIM\tCOMMAS\r\n", "line 2: FIELD_DELIM", "FIELD_DELIM<tab>TABS")]
    [InlineData("Heading\nFIELD_DELIM\tTABS\nFPS\tfast\n", "line 3: FPS", "a rate such as 23.976, 24, 25, 29.97, 59.94")]
    [InlineData("stray\r\n", "line 1: section", "'Heading', 'Column' or 'Data'")]
    public void Broken_logs_name_the_line_field_and_what_was_expected(string text, string field, string expected)
    {
        var error = Assert.Throws<InputException>(() => AleReader.Parse(text, "bad.ale"));
        Assert.Equal(("bad.ale", field, expected), (error.File, error.Field, error.Expected));
        Assert.StartsWith("bad.ale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clip_documents_export_with_avid_columns()
    {
        var rate = FrameRate.Fps23_976;
        var first = ClipDocumentV1.Build(Clip(rate, "A001C003_220310_R1ZK", "14:21:07:12", 564, "A", "12", "3", 1080, [1, 1, 1, 0, 0, 0, 1, 1, 1, 1]), "A001C003_220310_R1ZK.mov");
        var second = ClipDocumentV1.Build(Clip(rate, "A001C004_220310_R1ZK", "14:30:00:00", 240, "A", "12A", "1", 1080, null), "A001C004_220310_R1ZK.mov");
        var ale = AleExport.FromClips([first, second]);

        // 564 frames from 14:21:07:12 end (exclusive) at 14:21:31:00: 23 s 12 fr later.
        Assert.Equal(["A001C003_220310_R1ZK", "V", "14:21:07:12", "14:21:31:00", "00:00:23:12", "A001C003_220310_R1ZK", "A001C003_220310_R1ZK.mov", "A", "12", "3", "(1.0 1.0 1.0)(0.0 0.0 0.0)(1.0 1.0 1.0)", "1.0"], ale.Rows[0]);
        Assert.Equal("", ale.Rows[1][10]);
        Golden.VerifyText(AleWriter.Write(ale), "export", "ale");

        // The log written from the documents equals the hand-written fixture's first two rows.
        var fixture = AleReader.ReadFile(Fixture.Path("avid-log.ale"));
        Assert.Equal(fixture with { Rows = fixture.Rows.Take(2).ToList() }, ale);
    }

    [Fact]
    public void A_clip_at_another_rate_is_refused_by_name()
    {
        var a = ClipDocumentV1.Build(Clip(FrameRate.Fps24, "A", "01:00:00:00", 10, "A", "1", "1", 1080, null));
        var b = ClipDocumentV1.Build(Clip(FrameRate.Fps25, "B", "01:00:00:00", 10, "B", "1", "1", 1080, null));
        var error = Assert.Throws<InputException>(() => AleExport.FromClips([a, b]));
        Assert.Equal("clip 'B' counts timecode at 25 fps, and this log at 24 fps; write it in a log of its own.", error.Message);
    }

    [Fact]
    public void Missing_fields_are_empty_cells()
    {
        var ale = AleExport.FromClips([ClipDocumentV1.Build(ClipMetadata.Empty, "X001.mov")]);
        Assert.Equal(["X001", "V", "", "", "", "", "X001.mov", "", "", "", "", ""], ale.Rows[0]);
        Assert.Equal("CUSTOM", ale.VideoFormat);
        Assert.Equal(FrameRate.Fps24, ale.Rate);
    }

    [Fact]
    public void A_log_serves_as_match_candidates()
    {
        var clips = AleCandidates.FromLog(AleReader.ReadFile(Fixture.Path("avid-log.ale")), "avid-log.ale", "/media");
        Assert.Equal(["avid-log.ale#1", "avid-log.ale#2", "avid-log.ale#3"], clips.Select(c => c.Id));

        // 14:21:07:12 to the exclusive 14:21:31:00 at 24-base: 23 s 12 fr = 564 frames.
        var first = clips[0];
        Assert.Equal(("/media/A001C003_220310_R1ZK.mov", "A001C003_220310_R1ZK", "14:21:07:12", 564L, FrameRate.Fps23_976),
            (first.Path, first.Reel, first.TimecodeIn.ToString(), first.FrameCount, first.Rate));
        Assert.Equal(120, clips[2].FrameCount);

        var edl = Edl.EdlParser.Parse("001  A001C003 V C 14:21:08:00 14:21:09:00 01:00:00:00 01:00:01:00", FrameRate.Fps23_976);
        var match = new EventMatcher(new ClipList(clips), handles: 4).Match(edl.Events[0]);
        Assert.Equal(("avid-log.ale#1", new FrameRange(12, 35), new FrameRange(8, 39)), (match.Clip!.Id, match.Frames, match.FramesWithHandles));
    }

    [Fact]
    public void A_log_with_a_bad_start_names_the_row()
    {
        var log = AleReader.Parse("Heading\nFPS\t25\nColumn\nName\tStart\tEnd\nData\nA\t01:00:00:00\t01:00:01:00\nB\t01:00:00:25\t01:00:01:00\n");
        var error = Assert.Throws<InputException>(() => AleCandidates.FromLog(log, "lab.ale", "/m"));
        Assert.Equal(("row 2: Start", "HH:MM:SS:FF at 25 fps"), (error.Field, error.Expected));
    }

    private static ClipMetadata Clip(FrameRate rate, string reel, string tcIn, long frames, string camera, string scene, string take, long height, double[]? cdl)
    {
        var set = MetadataSet.Create()
            .Set(NormalizedField.ClipName, MetadataValue.Of(reel))
            .Set(NormalizedField.Reel, MetadataValue.Of(reel))
            .Set(NormalizedField.CameraLetter, MetadataValue.Of(camera))
            .Set(NormalizedField.Scene, MetadataValue.Of(scene))
            .Set(NormalizedField.Take, MetadataValue.Of(take))
            .Set(NormalizedField.TimecodeIn, MetadataValue.Of(Timecode.Parse(tcIn, rate)))
            .Set(NormalizedField.FrameCount, MetadataValue.Of(frames, MetadataUnit.None))
            .Set(NormalizedField.CaptureFrameRate, MetadataValue.Of(rate.AsRational, MetadataUnit.FramesPerSecond))
            .Set(NormalizedField.Height, MetadataValue.Of(height, MetadataUnit.Pixel));
        if (cdl is not null)
        {
            set = set.Set(ClipKeys.Cdl, MetadataValue.Of(cdl, MetadataUnit.None));
        }

        return new ClipMetadata { Vendor = MetadataSet.Empty, Normalized = set.Build() };
    }
}
