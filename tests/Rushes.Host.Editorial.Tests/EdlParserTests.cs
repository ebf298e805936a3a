using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Edl;
using Rushes.Testing;

namespace Rushes.Host.Editorial.Tests;

public sealed class EdlParserTests
{
    [Theory]
    [InlineData("avid-media-composer.edl", "24000/1001")]
    [InlineData("premiere-pro.edl", "25")]
    [InlineData("resolve.edl", "30000/1001")]
    [InlineData("cmx3600-strict.edl", "30")]
    public void Each_dialect_parses_as_the_golden_file(string fixture, string rate)
    {
        var edl = EdlParser.ReadFile(Fixture.Path(fixture), FrameRate.Parse(rate));
        Golden.VerifyJson(EdlJson.ToJson(edl).ToJsonString(), Path.GetFileNameWithoutExtension(fixture));
    }

    [Fact]
    public void Avid_long_reels_clip_names_locators_dissolves_and_retimes()
    {
        var edl = EdlParser.ReadFile(Fixture.Path("avid-media-composer.edl"), FrameRate.Fps23_976);
        Assert.Equal("RSH_R1_VFX_v012", edl.Title);
        Assert.False(edl.DropFrame);
        Assert.Equal(8, edl.Events.Count);
        Assert.Empty(edl.Warnings);

        var first = edl.Events[0];
        Assert.Equal("A001C003_220310_R1ZK", first.Reel);
        Assert.Equal("A001C003_220310_R1ZK.MOV", first.ClipName);
        Assert.Equal("3E9F94EF-A910-470D-8EC4-B14E551AC6AC", first.FdlUuid);
        Assert.Equal(Timecode.FromParts(14, 21, 7, 12, FrameRate.Fps23_976), first.SourceIn);
        Assert.Equal((36, 36), (first.SourceFrames, first.RecordFrames));
        Assert.Equal(new EdlLocator(Timecode.FromParts(1, 0, 0, 12, FrameRate.Fps23_976), "RED", "RSH_010_020 sky replacement"), Assert.Single(first.Locators));
        Assert.Equal("RSH_010_020", first.Locators[0].Name);
        Assert.Equal(4, first.Line);

        // The dissolve's two lines: FROM names the outgoing side, TO the incoming.
        var (outgoing, incoming) = (edl.Events[1], edl.Events[2]);
        Assert.Equal((2, 2), (outgoing.Number, incoming.Number));
        Assert.Equal(("B002C011_220310_K3FA.MOV", "A001C004_220310_R1ZK.MOV"), (outgoing.ClipName, incoming.ClipName));
        Assert.Equal(0, outgoing.RecordFrames);

        // The outgoing side still plays under the 24-frame dissolve.
        Assert.Equal(new EdlSourceSpan(Timecode.FromParts(9, 4, 0, 0, FrameRate.Fps23_976), 24), outgoing.SourceRead);
        Assert.Equal(new EdlTransition(EdlTransitionKind.Dissolve, 24, "D"), incoming.Transition);

        // M2 at 12 fps over 96 record frames of a 24-base list: half speed reads floor(95 / 2) + 1 = 48 frames.
        var slow = edl.Events[3];
        Assert.Equal(12.0m, slow.Retime!.FramesPerSecond);
        Assert.Equal(new EdlSourceSpan(Timecode.FromParts(10, 0, 0, 0, FrameRate.Fps23_976), 48), slow.SourceRead);
        Assert.Equal("10:00:01:23", slow.SourceRead.Last.ToString());

        Assert.True(edl.Events[4].IsBlack);
        Assert.True(edl.Events[5].IsAudioOnly);
        Assert.False(edl.Events[6].IsAudioOnly);
        Assert.Equal(new EdlTransition(EdlTransitionKind.Wipe, 10, "W001"), edl.Events[7].Transition);
        Assert.Equal([1, 2, 2, 3, 6, 7], edl.PictureEvents.Select(e => e.Number));
    }

    [Fact]
    public void Premiere_aux_reels_spaces_in_reels_and_speed_ups()
    {
        var edl = EdlParser.ReadFile(Fixture.Path("premiere-pro.edl"), FrameRate.Fps25);
        Assert.Equal([1, 2, 3, 4, 4, 5], edl.Events.Select(e => e.Number));
        var aux = edl.Events[0];
        Assert.Equal(("AX", "A001_C002_0310XY.mov", "/Volumes/RAID/SHOW/A001_C002_0310XY.mov"), (aux.Reel, aux.ClipName, aux.SourceFile));
        Assert.True(aux.NamesMedia);
        Assert.True(edl.Events[1].IsAudioOnly);
        Assert.Equal(("B CAM ROLL 7", "V"), (edl.Events[2].Reel, edl.Events[2].Track));

        // 50 fps in a 25 fps list is double speed: 25 record frames read floor(24 × 2) + 1 = 49.
        var fast = edl.Events[5];
        Assert.Equal(new EdlSourceSpan(Timecode.FromParts(0, 0, 30, 0, FrameRate.Fps25), 49), fast.SourceRead);
        Assert.Equal("/Volumes/RAID/SHOW/A001_C006_0310XY.mov", fast.SourceFile);
    }

    [Fact]
    public void Resolve_drop_frame_lists_count_across_minutes_and_apply_reverse_and_freeze()
    {
        var edl = EdlParser.ReadFile(Fixture.Path("resolve.edl"), FrameRate.Fps29_97);
        Assert.True(edl.DropFrame);
        Assert.Equal("DROP FRAME", edl.FrameCodeMode);

        // 01:00:59;20 to 01:01:00;12 skips ;00 and ;01 of minute 1: 10 + 10 frames. Minute 10 skips none.
        Assert.Equal((20, 20), (edl.Events[0].SourceFrames, edl.Events[0].RecordFrames));
        Assert.Equal((40, 40), (edl.Events[1].SourceFrames, edl.Events[1].RecordFrames));

        // Reverse at normal speed from 02:00:10;29 reads 30 frames back to 02:00:10;00.
        var reverse = edl.Events[2].SourceRead;
        Assert.True(reverse.Reverse);
        Assert.Equal(("02:00:10;00", "02:00:10;29", 30L), (reverse.First.ToString(), reverse.Last.ToString(), reverse.Count));

        // A freeze holds its entry frame.
        Assert.True(edl.Events[3].Retime!.Freeze);
        Assert.Equal(("02:10:00;15", 1L), (edl.Events[3].SourceRead.First.ToString(), edl.Events[3].SourceRead.Count));
        Assert.True(edl.Events[4].IsAudioOnly);
    }

    [Fact]
    public void Strict_cmx3600_tracks_transitions_and_generated_reels()
    {
        var edl = EdlParser.ReadFile(Fixture.Path("cmx3600-strict.edl"), FrameRate.Fps30);
        Assert.Equal(["BL", "REEL01", "REEL01", "REEL02", "REEL02", "REEL03", "REEL03", "AX", "REEL04", "REEL04"], edl.Events.Select(e => e.Reel));
        Assert.Equal(["V", "B", "V", "V", "V", "V", "V", "V", "A", "A2"], edl.Events.Select(e => e.Track));
        Assert.Equal(new EdlTransition(EdlTransitionKind.Dissolve, 30, "D"), edl.Events[3].Transition);
        Assert.Equal(new EdlTransition(EdlTransitionKind.Wipe, 15, "W001"), edl.Events[5].Transition);
        Assert.Equal(EdlTransitionKind.Key, edl.Events[7].Transition.Kind);
        Assert.False(edl.Events[1].IsAudioOnly);
        Assert.Equal([true, true], edl.Events.Skip(8).Select(e => e.IsAudioOnly));
        Assert.False(edl.Events[7].NamesMedia);
        Assert.Equal([2, 3, 3, 4, 4, 5], edl.PictureEvents.Select(e => e.Number));
    }

    [Theory]
    [InlineData("001  R V C 01:00:00:00 01:00:01:00 01:00:00:00", "line 1: event", "'NNN REEL TRACK TRANSITION [DURATION] SOURCE-IN SOURCE-OUT RECORD-IN RECORD-OUT' (CMX3600)")]
    [InlineData("001  R V C 01:00:00:00 01:00:01:xx 01:00:00:00 01:00:01:00", "line 1: source out", "HH:MM:SS:FF at 24 fps")]
    [InlineData("\n001  R V C 01:00:00:00 01:00:01:00 01:00:00:00 24:00:00:00", "line 2: record out", "HH:MM:SS:FF at 24 fps")]
    [InlineData("001  R V C 01:00:00:24 01:00:01:00 01:00:00:00 01:00:01:00", "line 1: source in", "HH:MM:SS:FF at 24 fps")]
    [InlineData("001  R V C 01:00:10:00 01:00:05:00 01:00:00:00 01:00:05:00", "line 1: source out", "a source out at or after 01:00:10:00")]
    [InlineData("001  R V C 01:00:00:00 01:00:01:00 01:00:05:00 01:00:00:00", "line 1: record out", "a record out at or after 01:00:05:00")]
    [InlineData("001  R V D 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00", "line 1: transition", "'D nnn', the transition's length in frames")]
    [InlineData("001  R V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\nM2   Q 048.0 01:00:00:00", "line 2: M2 reel", "the reel of event 1: 'R'")]
    [InlineData("001  R V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\nM2   R fast 01:00:00:00", "line 2: M2", "'M2 REEL SPEED SOURCE-IN', the speed in frames per second such as 048.0, -024.0 or 000.0")]
    [InlineData("001  R V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00\n* LOC: 01:00:00:00", "line 2: LOC", "'* LOC: HH:MM:SS:FF COLOUR NAME'")]
    [InlineData("FCM: SOMETIMES DROP", "line 1: FCM", "FCM: DROP FRAME or FCM: NON-DROP FRAME")]
    [InlineData("TITLE: X\nthis line is garbage", "line 2: line", "TITLE:, FCM:, an event line, M2, a '*' comment, SPLIT: or AUD")]
    public void Bad_lines_name_the_file_line_field_and_what_was_expected(string text, string field, string expected)
    {
        var error = Assert.Throws<InputException>(() => EdlParser.Parse(text, FrameRate.Fps24, "cut.edl"));
        Assert.Equal(("cut.edl", field, expected), (error.File, error.Field, error.Expected));
        Assert.StartsWith($"cut.edl, line {field.Split(':')[0][5..]}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_drop_frame_skips_is_refused_with_the_rule()
    {
        var error = Assert.Throws<InputException>(() => EdlParser.Parse("FCM: DROP FRAME\n001  T V C 00:01:00;00 00:01:00;04 01:00:00;00 01:00:00;04", FrameRate.Fps29_97, "df.edl"));
        Assert.Equal("df.edl, line 2: source in '00:01:00;00': 00:01:00;00 does not exist in drop-frame timecode; frames 0-1 are skipped at the start of each minute not divisible by ten.", error.Message);
        Assert.Equal("line 2: source in", error.Field);
        Assert.Equal("HH:MM:SS;FF at 29.97 DF fps, a label that drop-frame counting does not skip", error.Expected);
    }

    [Fact]
    public void Semicolons_alone_mark_drop_frame_and_a_drop_frame_fcm_at_24_is_a_warning()
    {
        var df = EdlParser.Parse("001  T V C 00:00:59;28 00:01:00;02 01:00:00;00 01:00:00;02", FrameRate.Fps29_97);
        Assert.True(df.Events[0].SourceIn.DropFrame);
        Assert.Equal(2, df.Events[0].SourceFrames);

        var odd = EdlParser.Parse("FCM: DROP FRAME\n001  T V C 01:00:00:00 01:00:01:00 01:00:00:00 01:00:01:00", FrameRate.Fps24, "odd.edl");
        Assert.False(odd.DropFrame);
        Assert.Equal("line 1: FCM", Assert.Single(odd.Warnings).Field);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => EdlParser.ReadFile("/nonexistent/cut.edl", FrameRate.Fps24));
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
