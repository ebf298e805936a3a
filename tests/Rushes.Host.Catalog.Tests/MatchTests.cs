using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Host.Render;

namespace Rushes.Host.Catalog.Tests;

/// <summary>
/// <c>rushes ingest</c> then <c>rushes match</c>: every event of an EDL cut against the ingested card finds its
/// clip and source frames (handles added and clamped), by reel and timecode, on each backend.
/// </summary>
public abstract partial class CatalogTests
{
    // Source timecodes worked out from the card's clips (24 fps):
    //   demo A001C001_261206_R1DM reel A001  01:00:00:00-01:00:00:02, frames 0-2
    //   ARRI B001C001_180327_R1ZA reel B001R1ZA 13:36:49:07, 500 frames
    //   Sony D001C005_210716AG reel 001      16:47:04:19, 588 frames
    //   RED  A001_C066_0303LZ   reel 001     23:17:21:08, 2 frames (the same reel name as the Sony clip)
    private const string Edl = """
        TITLE: CATALOG MATCH
        FCM: NON-DROP FRAME

        001  A001     V     C        01:00:00:01 01:00:00:02 01:00:00:00 01:00:00:01
        * FROM CLIP NAME: A001C001_261206_R1DM

        002  B001R1ZA V     C        13:36:50:00 13:36:51:00 01:00:00:01 01:00:01:01

        003  001      V     C        16:47:10:00 16:47:10:12 01:00:01:01 01:00:01:13

        004  001      V     C        23:17:21:08 23:17:21:10 01:00:01:13 01:00:01:15

        005  Z999     V     C        01:00:00:00 01:00:01:00 01:00:01:15 01:00:02:15

        """;

    [Fact]
    public async Task Match_finds_every_event_of_an_edl_cut_against_an_ingested_card()
    {
        var card = SealedCard(Temp, withBadClip: false);
        var catalog = NewCatalog().ConnectionString.StartsWith("Data Source=", StringComparison.Ordinal) ? Path.Combine(Temp, "match.db") : NewCatalog().ConnectionString;
        var (code, _, error) = await Cli("ingest", card, "--catalog", catalog, "--json");
        Assert.True(code == ExitCodes.Ok, error);
        var edl = Path.Combine(Temp, "cut.edl");
        File.WriteAllText(edl, Edl);
        var jobs = Path.Combine(Temp, "jobs");

        (code, var output, error) = await Cli("match", edl, "--handles", "1", "--catalog", catalog, "--json", "--job-out", jobs, "--spec", "vfx-plates", "--var", "show=TST");

        // Event 5 names a reel no clip has: the run says so in its exit code.
        Assert.True(code == ExitCodes.CheckFailed, error);
        var result = JsonNode.Parse(output)!;
        Assert.Equal((4, 1), (result["matched"]!.GetValue<int>(), result["unmatched"]!.GetValue<int>()));
        Assert.Equal("24", result["fps"]!.GetValue<string>());
        var events = result["events"]!.AsArray();
        Assert.Equal(
            [("A001C001_261206_R1DM", "1-1", "0-2"), ("B001C001_180327_R1ZA", "17-40", "16-41"), ("D001C005_210716AG", "125-136", "124-137"), ("A001_C066_0303LZ", "0-1", "0-1")],
            events.Take(4).Select(e => (Text(e!, "clip", "clip_name"), e!["frames"]!.GetValue<string>(), e!["frames_with_handles"]!.GetValue<string>())));
        Assert.Equal("noreel", events[4]!["outcome"]!.GetValue<string>());

        // One job per matched event, each read back by the renderer's own job reader.
        var written = result["jobs"]!.AsArray().Select(j => j!.GetValue<string>()).ToList();
        Assert.Equal(4, written.Count);
        var first = RenderJobFile.Read(written[0]);
        Assert.Equal(Path.Combine(card, "A001C001_261206_R1DM"), first.Clip);
        Assert.Equal("0-2", first.Frames);
        Assert.Equal(0, first.Handles);
        Assert.Equal("vfx-plates", first.Spec);
        Assert.Equal("TST", first.Variables["show"]);

        static string? Text(JsonNode node, string a, string b) => node[a]?[b]?.GetValue<string>();
    }
}
