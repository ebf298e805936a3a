using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Edl;

namespace Rushes.Host.Editorial.Tests;

public sealed class EdlParserTests
{
    private const string Avid = """
        TITLE: REEL 1 VFX PULLS
        FCM: NON-DROP FRAME

        001  A001C003_220310_R1ZK V     C        14:21:07:12 14:21:09:00 01:00:00:00 01:00:01:12
        * FROM CLIP NAME: A001C003_220310_R1ZK
        * SOURCE FILE: A001C003_220310_R1ZK.mov
        * FDL-UUID: 3E9F94EF-A910-470D-8EC4-B14E551AC6AC
        * FDL-FRAMING-DECISION-ID: 1-1
        002  B002C011 V     C        09:04:00:00 09:04:00:00 01:00:01:12 01:00:01:12
        002  A001C004 V     D    024 14:30:00:00 14:30:03:00 01:00:01:12 01:00:04:12
        * FROM CLIP NAME: B002C011
        * TO CLIP NAME: A001C004
        * AMF_UUID: urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86
        003  A002C001 V     C        10:00:00:00 10:00:02:00 01:00:04:12 01:00:08:12
        M2   A002C001       012.0                10:00:00:00
        * FROM CLIP NAME: A002C001
        004  BL       V     C        00:00:00:00 00:00:01:00 01:00:08:12 01:00:09:12
        005  A003C002 A     C        11:00:00:00 11:00:01:00 01:00:09:12 01:00:10:12
        006  A003C003 V     W001 010 11:10:00:00 11:10:01:00 01:00:10:12 01:00:11:12
        this line is garbage
        """;

    [Fact]
    public void An_avid_list_reads_with_long_reels_clip_names_dissolves_and_retimes()
    {
        var edl = EdlParser.Parse(Avid, FrameRate.Fps24, "vfx.edl");
        Assert.Equal("REEL 1 VFX PULLS", edl.Title);
        Assert.False(edl.DropFrame);
        Assert.Equal(7, edl.Events.Count);

        var first = edl.Events[0];
        Assert.Equal("A001C003_220310_R1ZK", first.Reel);
        Assert.Equal("A001C003_220310_R1ZK", first.ClipName);
        Assert.Equal("A001C003_220310_R1ZK.mov", first.SourceFile);
        Assert.Equal("3E9F94EF-A910-470D-8EC4-B14E551AC6AC", first.FdlUuid);
        Assert.Equal("1-1", first.FdlFramingDecisionId);
        Assert.Equal(Timecode.FromParts(14, 21, 7, 12, FrameRate.Fps24), first.SourceIn);
        Assert.Equal(36, first.SourceFrames);
        Assert.Equal(36, first.RecordFrames);
        Assert.Equal(4, first.Line);

        var outgoing = edl.Events[1];
        var incoming = edl.Events[2];
        Assert.Equal((2, 2), (outgoing.Number, incoming.Number));
        Assert.Equal("B002C011", outgoing.ClipName);
        Assert.Equal("A001C004", incoming.ClipName);
        Assert.Equal(new EdlTransition(EdlTransitionKind.Dissolve, 24, "D"), incoming.Transition);
        Assert.Equal("urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86", incoming.AmfUuid);

        var slow = edl.Events[3];
        Assert.Equal(12.0, slow.Retime!.FramesPerSecond);
        Assert.Equal(0.5, slow.Retime.SpeedAt(24));
        Assert.Equal("A002C001", slow.ClipName);

        Assert.True(edl.Events[4].IsGenerated);
        Assert.Equal(new EdlTransition(EdlTransitionKind.Wipe, 10, "W001"), edl.Events[6].Transition);
        Assert.Equal(["A001C003_220310_R1ZK", "B002C011", "A001C004", "A002C001", "A003C003"], edl.PictureEvents.Select(e => e.Reel));

        var warning = Assert.Single(edl.Warnings);
        Assert.Equal("line 20", warning.Field);
        Assert.Contains("unrecognised", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drop_frame_lists_count_drop_frame()
    {
        const string text = """
            TITLE: DF
            FCM: DROP FRAME
            001  TAPE01   V     C        00:00:59;28 00:01:00;02 01:00:00;00 01:00:00;02
            """;
        var edl = EdlParser.Parse(text, FrameRate.Fps29_97);
        Assert.True(edl.DropFrame);
        var e = Assert.Single(edl.Events);

        // 00:00:59;28 → 00:01:00;02 skips the labels ;00 and ;01 at the minute: two real frames.
        Assert.Equal(2, e.SourceFrames);
        Assert.True(e.SourceIn.DropFrame);
        Assert.Equal("00:01:00;02", e.SourceOut.ToString());
    }

    [Fact]
    public void Semicolons_alone_mark_drop_frame_and_labels_a_drop_frame_count_skips_are_refused()
    {
        var edl = EdlParser.Parse("001  T V C 00:01:00;02 00:01:00;04 01:00:00;00 01:00:00;02\n002  T V C 00:01:00;00 00:01:00;04 01:00:00;02 01:00:00;06", FrameRate.Fps29_97);
        Assert.Single(edl.Events);
        Assert.True(edl.Events[0].SourceIn.DropFrame);
        Assert.Contains("not valid", Assert.Single(edl.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Premiere_crlf_lists_with_ax_reels_read()
    {
        var text = "TITLE: Sequence 01\r\nFCM: NON-DROP FRAME\r\n\r\n000001  AX       V     C        00:00:10:00 00:00:12:00 00:00:00:00 00:00:02:00\r\n* FROM CLIP NAME: A001_C002_0310XY.mov\r\n* SOURCE FILE: /Volumes/RAID/A001_C002_0310XY.mov\r\n";
        var edl = EdlParser.Parse(text, FrameRate.Fps25);
        var e = Assert.Single(edl.Events);
        Assert.Equal(1, e.Number);
        Assert.True(e.IsGenerated);
        Assert.Equal("A001_C002_0310XY.mov", e.ClipName);
        Assert.Equal("/Volumes/RAID/A001_C002_0310XY.mov", e.SourceFile);
        Assert.Empty(edl.Warnings);
        Assert.Empty(edl.PictureEvents);
    }

    [Fact]
    public void Broken_events_are_warnings_with_line_numbers_not_failures()
    {
        var edl = EdlParser.Parse("001  R V C 01:00:10:00 01:00:05:00 01:00:00:00 01:00:05:00\n002  R V C 01:00:00:00 01:00:01:00 01:00:05:00 01:00:06:00", FrameRate.Fps24);
        Assert.Single(edl.Events);
        Assert.Equal("line 1", Assert.Single(edl.Warnings).Field);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => EdlParser.ReadFile("/nonexistent/cut.edl", FrameRate.Fps24));
        Assert.Equal("/nonexistent/cut.edl", error.File);
    }

    [Fact]
    public void Latin1_clip_names_survive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"latin-{Guid.NewGuid():N}.edl");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("001  R V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME: Café\n"));
        try
        {
            Assert.Equal("Café", EdlParser.ReadFile(path, FrameRate.Fps24).Events[0].ClipName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
