using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Demo;
using Rushes.Testing;

namespace Rushes.Host.Render.Tests;

/// <summary>
/// A small CinemaDNG clip (the demo card's test chart: 256×144, three frames, LJ92 tiles) rendered
/// through every shipped spec by the rushes process, each output read by its reference tool.
/// </summary>
public sealed class ShippedSpecRenderTests : IClassFixture<ShippedSpecRenderTests.Card>, IDisposable
{
    private readonly Card _card;
    private readonly TempFolder _out = new();

    public ShippedSpecRenderTests(Card card) => _card = card;

    public void Dispose() => _out.Dispose();

    /// <summary>The card, written once for the class.</summary>
    public sealed class Card : IDisposable
    {
        public Card() => Clip = DemoCard.Create(Folder.Path, new DemoCardOptions { Width = 256, Height = 144, Frames = 3 });

        public TempFolder Folder { get; } = new();

        public string Clip { get; }

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public async Task Vfx_plates_are_aces_exr_piz_with_the_clip_metadata_and_a_grey_that_stays_grey()
    {
        var result = await Render("vfx-plates");

        var plates = Media(result, "plate");
        Assert.Equal(3, plates.Count);
        Assert.EndsWith("SH010_PL01_v001/256x144/SH010_PL01_v001.0001001.exr", plates[0], StringComparison.Ordinal);
        var header = Tool("exrheader", plates[0]);
        Assert.Contains("compression (type compression): piz", header, StringComparison.Ordinal);
        Assert.Contains("red   (0.7347 0.2653)", header, StringComparison.Ordinal);
        Assert.Contains("white (0.32168 0.33767)", header, StringComparison.Ordinal);
        Assert.Contains("reelName (type string): \"A001\"", header, StringComparison.Ordinal);
        Assert.Contains("framesPerSecond (type rational): 24/1", header, StringComparison.Ordinal);
        Assert.Contains("lensModel (type string): \"Demo Prime 35mm T2.8\"", header, StringComparison.Ordinal);

        // The chart's 18 % grey background, between the ColorChecker and the wedge: the DNG's camera
        // colour, white balance and two stops of baseline exposure bring it back to 0.18 in ACES.
        var average = Average(plates[0], "6x6+151+99");
        Assert.All(average, channel => Assert.InRange(channel, 0.18 * 0.93, 0.18 * 1.07));
    }

    [Fact]
    public async Task Dailies_are_prores_hq_and_an_h264_proxy_with_timecode_and_reel()
    {
        var result = await Render("dailies");

        var prores = Probe(Assert.Single(Media(result, "prores")));
        Assert.Equal("prores", prores["codec_name"]);
        Assert.Equal("HQ", prores["profile"]);
        Assert.Equal(("256", "144"), (prores["width"], prores["height"]));
        Assert.Equal("3", prores["nb_frames"]);
        Assert.Equal("01:00:00:00", prores["tag:timecode"]);

        var proxy = Probe(Assert.Single(Media(result, "proxy")));
        Assert.Equal("h264", proxy["codec_name"]);
        Assert.Equal(("1920", "1080"), (proxy["width"], proxy["height"]));
        Assert.Equal("24/1", proxy["r_frame_rate"]);
        Assert.Equal("A001", proxy["tag:reel_name"]);
    }

    [Fact]
    public async Task Editorial_is_dnxhr_hqx_at_1080()
    {
        var result = await Render("editorial");

        var dnxhr = Probe(Assert.Single(Media(result, "dnxhr")));
        Assert.Equal("dnxhd", dnxhr["codec_name"]);
        Assert.Equal("DNXHR HQX", dnxhr["profile"]);
        Assert.Equal(("1920", "1080"), (dnxhr["width"], dnxhr["height"]));
        Assert.Equal("3", dnxhr["nb_frames"]);
    }

    [Fact]
    public async Task Log_dpx_of_a_raw_clip_is_16_bit_acescct_when_asked_and_refused_without_a_log()
    {
        var refused = await RushesProcess.RunAsync(Arguments("log-dpx", _out["refused"]));
        Assert.Equal(3, refused.Code);
        Assert.Contains("no log of its own", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFiles(_out.Path, "*.dpx", SearchOption.AllDirectories).Any());

        var result = await Render("log-dpx", "--var", "log=ACES2065-1_to_ACEScct");
        var frames = Media(result, "log");
        Assert.Equal(3, frames.Count);
        var info = Tool("iinfo", "-v", frames[0]);
        Assert.Contains("256 x  144, 3 channel, uint16 dpx", info, StringComparison.Ordinal);
        Assert.Contains("dpx:Transfer: \"Logarithmic\"", info, StringComparison.Ordinal);
        Assert.Contains("smpte:TimeCode: 01:00:00:00", info, StringComparison.Ordinal);

        // Rendered again elsewhere: the same bytes (the header's creation time is pinned by the render).
        var again = await RushesProcess.RunAsync(Arguments("log-dpx", _out["again"], "--var", "log=ACES2065-1_to_ACEScct"));
        Assert.Equal(0, again.Code);
        Assert.Equal(Hashes(result), Hashes(JsonNode.Parse(again.Out)!));

        // ACEScct puts 18 % grey at 0.4135 (S-2016-001: (log2(0.18) + 9.72) / 17.52).
        var average = Average(frames[0], "6x6+151+99");
        Assert.All(average, channel => Assert.InRange(channel, 0.4135 - 0.006, 0.4135 + 0.006));
    }

    [Fact]
    public async Task Stills_are_one_srgb_jpeg_per_clip()
    {
        var result = await Render("stills");

        var still = Assert.Single(Media(result, "still"));
        Assert.EndsWith("stills/A001C001_261206_R1DM.jpg", still, StringComparison.Ordinal);
        var info = Tool("iinfo", "-v", still);
        Assert.Contains("1920 x 1080, 3 channel, uint8 jpeg", info, StringComparison.Ordinal);
        Assert.Contains("ICCProfile", info, StringComparison.Ordinal);
    }

    private string[] Arguments(string spec, string output, params string[] extra) =>
        ["render", "--clip", _card.Clip, "--spec", spec, "--var", "show=ABC", "--var", "shot=SH010", "--out", output, "--json", "--progress", "none", .. extra];

    private async Task<JsonNode> Render(string spec, params string[] extra)
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync(Arguments(spec, _out[spec], extra));
        Assert.True(code == 0, $"rushes render --spec {spec} exited {code}:\n{stderr}\n{stdout}");
        return JsonNode.Parse(stdout)!;
    }

    private static List<string> Media(JsonNode result, string deliverable)
    {
        var entry = result["deliverables"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == deliverable)!;
        return [.. entry["files"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == "media").Select(f => Path.Combine(result["output"]!.GetValue<string>(), f!["path"]!.GetValue<string>())).Order(StringComparer.Ordinal)];
    }

    private static List<string> Hashes(JsonNode result) =>
        [.. result["deliverables"]!.AsArray().SelectMany(d => d!["files"]!.AsArray()).Where(f => f!["kind"]!.GetValue<string>() == "media").Select(f => f!["xxh128"]!.GetValue<string>())];

    private static Dictionary<string, string> Probe(string movie)
    {
        var text = Tool("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
            "stream=codec_name,profile,width,height,r_frame_rate,nb_frames:stream_tags=timecode,reel_name", "-of", "default=noprint_wrappers=1", movie);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            values[line[..equals].Replace("TAG:", "tag:", StringComparison.Ordinal)] = line[(equals + 1)..].Trim();
        }

        // The reel rides on the timecode track (QuickTime), not the video stream.
        if (!values.ContainsKey("tag:reel_name"))
        {
            var tmcd = Tool("ffprobe", "-v", "error", "-show_entries", "stream_tags=reel_name", "-of", "default=noprint_wrappers=1", movie);
            foreach (var line in tmcd.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("reel_name", StringComparison.Ordinal)))
            {
                values["tag:reel_name"] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return values;
    }

    private static double[] Average(string image, string region)
    {
        var stats = Tool("oiiotool", image, "--cut", region, "--printstats");
        var line = stats.Split('\n').First(l => l.TrimStart().StartsWith("Stats Avg:", StringComparison.Ordinal));
        return [.. line.Split(':')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
    }

    private static string Tool(string tool, params string[] args)
    {
        return ReferenceTool.Run(tool, args).EnsureSuccess($"{tool} {string.Join(' ', args)}").StandardOutput;
    }
}
