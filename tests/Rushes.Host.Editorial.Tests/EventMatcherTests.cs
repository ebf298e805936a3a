using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Edl;
using Rushes.Host.Editorial.Matching;
using Rushes.Host.Metadata;
using Rushes.Testing;

namespace Rushes.Host.Editorial.Tests;

public sealed class EventMatcherTests
{
    private static readonly FrameRate Rate = FrameRate.Fps23_976;

    /// <summary>The card the Avid fixture was cut from.</summary>
    internal static readonly CandidateClip[] Card =
    [
        Clip("c1", "A001C003_220310_R1ZK", "A001C003_220310_R1ZK", "14:21:07:00", 240, 1001),
        Clip("c2", "b002c011_220310_k3fa", "B002C011_220310_K3FA", "09:04:00:00", 100, 0),
        Clip("c3", null, "A001C004_220310_R1ZK", "14:29:59:00", 240, 0),
        Clip("c4a", "A002C001_220311_R1ZK", "A002C001_220311_R1ZK", "09:00:00:00", 200, 1001),
        Clip("c4b", "A002C001_220311_R1ZK", "A002C001_220311_R1ZK", "09:59:58:00", 480, 1001),
        Clip("c6a", "A003C003_220311_R1ZK", "A003C003_220311_R1ZK", "11:09:50:00", 720, 0),
        Clip("c6b", "A003C003_220311_R1ZK", "A003C003_220311_R1ZK_B", "11:09:00:00", 2400, 0),
    ];

    internal static IReadOnlyList<EventMatch> AvidMatches(int handles)
        => new EventMatcher(new ClipList(Card), handles).MatchAll(EdlParser.ReadFile(Fixture.Path("avid-media-composer.edl"), Rate));

    [Fact]
    public void Every_event_of_the_avid_list_finds_its_clip_and_frames()
    {
        var m = AvidMatches(handles: 8);
        Assert.Equal(8, m.Count);

        // 14:21:07:12 is 12 frames into c1, whose first frame is 1001; 36 frames; 8 handles each side.
        Assert.Equal(("c1", "reel", new FrameRange(1013, 1048), new FrameRange(1005, 1056), false), (m[0].Clip!.Id, m[0].MatchedBy, m[0].Frames, m[0].FramesWithHandles, m[0].Clamped));
        Assert.Null(m[0].Reason);
        Assert.Equal("RSH_010_020", m[0].Shot);

        // The dissolve's outgoing side starts on c2's first frame: no head handles to be had.
        Assert.Equal(("c2", "reel (normalized)", new FrameRange(0, 23), new FrameRange(0, 31)), (m[1].Clip!.Id, m[1].MatchedBy, m[1].Frames, m[1].FramesWithHandles));
        Assert.Equal((0L, 8L, true), (m[1].HeadHandles, m[1].TailHandles, m[1].Clamped));
        Assert.Equal("handles clamped to the clip's frames 0-99: 0 at the head and 8 at the tail of 8 asked", m[1].Reason);
        Assert.Equal("B002C011_220310_K3FA", m[1].Shot);

        // c3 has no reel; its clip name is the list's reel.
        Assert.Equal(("c3", "reel (normalized)", new FrameRange(24, 95), new FrameRange(16, 103)), (m[2].Clip!.Id, m[2].MatchedBy, m[2].Frames, m[2].FramesWithHandles));

        // Two clips of reel A002C001; only c4b holds 10:00:00:00, 48 frames in. Half speed reads 48 frames.
        Assert.Equal(("c4b", new FrameRange(1049, 1096), new FrameRange(1041, 1104)), (m[3].Clip!.Id, m[3].Frames, m[3].FramesWithHandles));
        Assert.Equal("RSH_010_030", m[3].Shot);

        Assert.Equal((MatchOutcome.Skipped, "black or bars"), (m[4].Outcome, m[4].Reason));
        Assert.Equal((MatchOutcome.Skipped, "sound only"), (m[5].Outcome, m[5].Reason));

        // Both A003C003 clips hold the timecode; the FROM CLIP NAME picks c6a.
        Assert.Equal(("c6a", "clip name", new FrameRange(240, 287)), (m[6].Clip!.Id, m[6].MatchedBy, m[6].Frames));
        Assert.Equal(("c6a", "clip name", new FrameRange(360, 383), new FrameRange(352, 391)), (m[7].Clip!.Id, m[7].MatchedBy, m[7].Frames, m[7].FramesWithHandles));

        Golden.VerifyJson(MatchJson.ToJson(m).ToJsonString(), "avid");
    }

    [Fact]
    public void Avid_8_character_reels_find_their_long_names()
    {
        var m = MatchOne("001  A001C003 V C 14:21:07:12 14:21:09:00 01:00:00:00 01:00:01:12", Rate, Card);
        Assert.Equal((MatchOutcome.Matched, "c1", "reel (8-character)", new FrameRange(1013, 1048)), (m.Outcome, m.Clip!.Id, m.MatchedBy, m.Frames));
    }

    [Fact]
    public void An_unknown_reel_says_so()
    {
        var m = MatchOne("001  Z999C001 V C 14:21:07:12 14:21:09:00 01:00:00:00 01:00:01:12\n* FROM CLIP NAME: Z999C001_X.mov", Rate, Card);
        Assert.Equal((MatchOutcome.NoReel, "no clip has reel 'Z999C001', clip name 'Z999C001_X.mov'"), (m.Outcome, m.Reason));
        Assert.Null(m.Clip);
    }

    [Theory]
    [InlineData("15:00:00:00 15:00:01:00")]
    // The clip's last frame is 14:21:16:23; this event runs 12 frames past it.
    [InlineData("14:21:16:12 14:21:17:12")]
    public void A_reel_whose_clips_do_not_hold_the_timecode_lists_them(string source)
    {
        var m = MatchOne($"001  A001C003_220310_R1ZK V C {source} 01:00:00:00 01:00:01:00", Rate, Card);
        Assert.Equal(MatchOutcome.OutsideTimecode, m.Outcome);
        Assert.Equal(["c1"], m.Candidates.Select(c => c.Id));
        var span = source.Split(' ')[0];
        Assert.Equal($"source {span}-{Timecode.Parse(span, Rate).AddFrames(23)} is in none of the 1 clip(s) of reel 'A001C003_220310_R1ZK': A001C003_220310_R1ZK (reel A001C003_220310_R1ZK, 14:21:07:00-14:21:16:23) at 23.976 fps", m.Reason);
    }

    [Fact]
    public void When_the_reels_clips_miss_the_timecode_the_clip_name_tries_next()
    {
        var clips = new[]
        {
            Clip("old", "REEL01", "REEL01_DAY1", "01:00:00:00", 240, 0, FrameRate.Fps24),
            Clip("new", "R01B", "REEL01_DAY2", "02:00:00:00", 240, 0, FrameRate.Fps24),
        };
        var m = MatchOne("001  REEL01 V C 02:00:01:00 02:00:02:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME: REEL01_DAY2.mov", FrameRate.Fps24, clips);
        Assert.Equal(("new", "clip name", new FrameRange(24, 47)), (m.Clip!.Id, m.MatchedBy, m.Frames));
    }

    [Fact]
    public void Clips_that_tie_without_a_clip_name_are_ambiguous_with_candidates()
    {
        var m = MatchOne("001  A003C003_220311_R1ZK V C 11:10:00:00 11:10:01:00 01:00:00:00 01:00:01:00", Rate, Card);
        Assert.Equal(MatchOutcome.Ambiguous, m.Outcome);
        Assert.Equal(["c6a", "c6b"], m.Candidates.Select(c => c.Id));
        Assert.Equal("2 clips hold source 11:10:00:00-11:10:00:23 of reel 'A003C003_220311_R1ZK': A003C003_220311_R1ZK (reel A003C003_220311_R1ZK, 11:09:50:00-11:10:19:23); A003C003_220311_R1ZK_B (reel A003C003_220311_R1ZK, 11:09:00:00-11:10:39:23)", m.Reason);
    }

    [Fact]
    public void Premiere_aux_events_match_by_clip_name_or_source_file_and_spaced_reels_by_underscores()
    {
        var clips = new[]
        {
            Clip("p1", null, "A001_C002_0310XY", "00:00:09:00", 500, 0, FrameRate.Fps25, fileName: "A001_C002_0310XY.mov"),
            Clip("p2", "B_CAM_ROLL_7", "B007_C001_0310AB", "01:12:30:00", 100, 0, FrameRate.Fps25),
            Clip("p3", null, null, "00:00:29:00", 150, 0, FrameRate.Fps25, fileName: "A001_C006_0310XY.mov"),
        };
        var edl = EdlParser.ReadFile(Fixture.Path("premiere-pro.edl"), FrameRate.Fps25);
        var m = new EventMatcher(new ClipList(clips), handles: 5).MatchAll(edl);

        Assert.Equal(
            [MatchOutcome.Matched, MatchOutcome.Skipped, MatchOutcome.Matched, MatchOutcome.Matched, MatchOutcome.NoReel, MatchOutcome.Matched],
            m.Select(x => x.Outcome));
        Assert.Equal("no clip has reel 'A001_C005_0310XY', clip name 'A001_C005_0310XY.mov'", m[4].Reason);

        // 00:00:10:00 is 25 frames into p1.
        Assert.Equal(("p1", "clip name", new FrameRange(25, 74), new FrameRange(20, 79)), (m[0].Clip!.Id, m[0].MatchedBy, m[0].Frames, m[0].FramesWithHandles));
        Assert.Equal(MatchOutcome.Skipped, m[1].Outcome);
        Assert.Equal(("p2", "reel (normalized)", new FrameRange(5, 29)), (m[2].Clip!.Id, m[2].MatchedBy, m[2].Frames));

        // The dissolve's outgoing aux side plays 12 frames from 00:00:20:00, 275 frames into p1.
        Assert.Equal(("p1", new FrameRange(275, 286)), (m[3].Clip!.Id, m[3].Frames));

        // Double speed from 00:00:30:00 reads 49 frames, 25 into p3, whose file the clip name names.
        Assert.Equal(("p3", "clip name", new FrameRange(25, 73)), (m[5].Clip!.Id, m[5].MatchedBy, m[5].Frames));

        // With no clip name, the source file's path finds it.
        var byFile = MatchOne("001  AX V C 00:00:30:00 00:00:31:00 00:00:00:00 00:00:01:00\n* SOURCE FILE: /Volumes/RAID/SHOW/A001_C006_0310XY.mov", FrameRate.Fps25, clips);
        Assert.Equal(("p3", "source file", new FrameRange(25, 49)), (byFile.Clip!.Id, byFile.MatchedBy, byFile.Frames));
    }

    [Fact]
    public void Drop_frame_labels_place_frames_across_the_skipped_labels()
    {
        var clip = Clip("r1", "A004C007", "A004C007_230512_R2AB", "01:00:59;00", 1800, 0, rate: FrameRate.Fps29_97, dropFrame: true);
        var edl = EdlParser.ReadFile(Fixture.Path("resolve.edl"), FrameRate.Fps29_97);
        var m = new EventMatcher(new ClipList([clip])).Match(edl.Events[0]);

        // 01:00:59;20 is 20 frames in; the event's 20 frames run over ;00 and ;01 of minute 1, which do not exist.
        Assert.Equal(("reel", new FrameRange(20, 39)), (m.MatchedBy, m.Frames));
    }

    [Fact]
    public void A_clip_across_midnight_counts_on_past_it()
    {
        var clip = Clip("n1", "NIGHT01", "NIGHT01", "23:59:59:00", 96, 0, rate: FrameRate.Fps24);
        var m = MatchOne("001  NIGHT01 V C 00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:00", FrameRate.Fps24, [clip]);
        Assert.Equal(new FrameRange(48, 71), m.Frames);
    }

    [Fact]
    public void A_clip_counting_another_rate_does_not_match()
    {
        var clip = Clip("f1", "REEL01", "REEL01", "01:00:00:00", 1000, 0, rate: FrameRate.Fps25);
        var m = MatchOne("001  REEL01 V C 01:00:01:00 01:00:02:00 01:00:00:00 01:00:01:00", FrameRate.Fps24, [clip]);
        Assert.Equal(MatchOutcome.OutsideTimecode, m.Outcome);
        Assert.EndsWith("at 25 fps", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normalized_clip_document_becomes_a_candidate()
    {
        var set = MetadataSet.Create()
            .Set(NormalizedField.ClipName, MetadataValue.Of("A001C003_220310_R1ZK"))
            .Set(NormalizedField.Reel, MetadataValue.Of("A001C003"))
            .Set(NormalizedField.TimecodeIn, MetadataValue.Of(Timecode.Parse("14:21:07:00", Rate)))
            .Set(NormalizedField.FrameCount, MetadataValue.Of(240, MetadataUnit.None))
            .Build();
        var document = ClipDocumentV1.Build(new ClipMetadata { Vendor = MetadataSet.Empty, Normalized = set }, "A001C003_220310_R1ZK.mov");
        var candidate = CandidateClip.FromDocument(document, "id-1", "/card/A001C003_220310_R1ZK.mov", firstFrame: 1001)!;
        Assert.Equal(
            ("A001C003", "A001C003_220310_R1ZK", "A001C003_220310_R1ZK.mov", "14:21:07:00", 240L, new FrameRange(1001, 1240)),
            (candidate.Reel, candidate.ClipName, candidate.SourceFileName, candidate.TimecodeIn.ToString(), candidate.FrameCount, candidate.Frames));
        Assert.Equal(Rate, candidate.Rate);
        Assert.Null(CandidateClip.FromDocument(ClipDocumentV1.Build(ClipMetadata.Empty), "id-2", "/x.mov"));
    }

    [Fact]
    public void Normalized_documents_of_a_card_match_every_picture_event_of_the_resolve_list()
    {
        var rate = FrameRate.Fps29_97;
        (string Name, string TcIn, long Frames)[] card =
        [
            ("A004C007_230512_R2AB", "01:00:50;00", 1000),
            ("A004C008_230512_R2AB", "01:09:58;00", 200),
            ("A004C009_230512_R2AB", "02:00:00;00", 600),
            ("A004C010_230512_R2AB", "02:10:00;00", 300),
        ];
        var clips = card.Select(c => CandidateClip.FromDocument(
            ClipDocumentV1.Build(new ClipMetadata
            {
                Vendor = MetadataSet.Empty,
                Normalized = MetadataSet.Create()
                    .Set(NormalizedField.ClipName, MetadataValue.Of(c.Name))
                    .Set(NormalizedField.TimecodeIn, MetadataValue.Of(Timecode.Parse(c.TcIn, rate)))
                    .Set(NormalizedField.FrameCount, MetadataValue.Of(c.Frames, MetadataUnit.None))
                    .Build(),
            }, c.Name + ".mxf"),
            c.Name, $"/card/{c.Name}.mxf")!);

        var m = new EventMatcher(new ClipList(clips), handles: 10).MatchAll(EdlParser.ReadFile(Fixture.Path("resolve.edl"), rate));

        // 01:00:50;00 to 01:00:59;20 is 9 s 20 fr = 290 frames; 01:09:58;00 to 01:09:59;00 is 30; the
        // reverse reads 02:00:10;00-;29, 300 frames in; the freeze reads frame 15 alone.
        Assert.Equal(
            [
                ("A004C007_230512_R2AB", "reel (8-character)", "290-309", "280-319"),
                ("A004C008_230512_R2AB", "reel (8-character)", "30-69", "20-79"),
                ("A004C009_230512_R2AB", "reel (8-character)", "300-329", "290-339"),
                ("A004C010_230512_R2AB", "reel (8-character)", "15-15", "5-25"),
            ],
            m.Take(4).Select(x => (x.Clip!.Id, x.MatchedBy!, x.Frames.ToString()!, x.FramesWithHandles.ToString()!)));
        Assert.Equal(MatchOutcome.Skipped, m[4].Outcome);
    }

    private static EventMatch MatchOne(string edl, FrameRate rate, IEnumerable<CandidateClip> clips)
        => new EventMatcher(new ClipList(clips)).Match(Assert.Single(EdlParser.Parse(edl, rate).Events));

    private static CandidateClip Clip(string id, string? reel, string? name, string tcIn, long frames, long first, FrameRate? rate = null, bool dropFrame = false, string? fileName = null) => new()
    {
        Id = id,
        Path = $"/card/{fileName ?? name ?? id}{(fileName is null ? ".mov" : string.Empty)}",
        Reel = reel,
        ClipName = name,
        SourceFileName = fileName ?? (name is null ? null : name + ".mov"),
        TimecodeIn = Timecode.FromParts(int.Parse(tcIn[..2]), int.Parse(tcIn[3..5]), int.Parse(tcIn[6..8]), int.Parse(tcIn[9..]), rate ?? Rate, dropFrame),
        FrameCount = frames,
        FirstFrame = first,
    };
}
