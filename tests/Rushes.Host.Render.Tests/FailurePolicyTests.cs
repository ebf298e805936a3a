using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Tests;

/// <summary>A sequence with a missing frame: each deliverable's failure policy decides what becomes of it.</summary>
public sealed class FailurePolicyTests : IDisposable
{
    private const string Policies = """
        spec: 1
        name: policies
        deliverables:
          - name: black
            type: openexr
            options:
              pixel-type: float
            naming: "black/{clip}.{frame:0000}.exr"
            frame-offset: 1
            on-failure: black-frame
          - name: skip
            type: openexr
            options:
              pixel-type: float
            naming: "skip/{clip}.{frame:0000}.exr"
            frame-offset: 1
            on-failure: skip

        """;

    private readonly TempFolder _work = new();
    private readonly string _clip;

    public FailurePolicyTests()
    {
        _clip = ExrFixture.WriteSequence(_work["clip"], "D004C001", 24, 12, 1, 5);
        File.Delete(_work["clip/D004C001.0003.exr"]);
    }

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Black_frame_and_skip_replace_and_leave_out_the_missing_frame()
    {
        var spec = TestSpecs.Write(_work.Path, "policies.yaml", Policies);
        var output = _work["out"];
        var (code, stdout, stderr) = await RushesProcess.RunAsync("render", "--clip", _clip, "--spec", spec, "--out", output, "--json");
        Assert.True(code == 0, stderr);
        var result = JsonNode.Parse(stdout)!;
        var deliverables = result["deliverables"]!.AsArray();

        var black = deliverables.Single(d => d!["name"]!.GetValue<string>() == "black")!;
        Assert.Equal(["1-1", "2-2", "3-3", "4-4", "5-5"], black["files"]!.AsArray().Select(f => f!["frames"]!.GetValue<string>()));
        var failure = Assert.Single(black["failures"]!.AsArray())!;
        Assert.Equal((3L, "black-frame"), (failure["sourceFrame"]!.GetValue<long>(), failure["action"]!.GetValue<string>()));
        Assert.Contains("frame 3", failure["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var (image, _) = ExrFixture.Read(Path.Combine(output, "black/D004C001.0003.exr"));
        using (image)
        {
            Assert.All(image.Samples.ToArray(), v => Assert.Equal(0f, v));
        }

        var (neighbour, _) = ExrFixture.Read(Path.Combine(output, "black/D004C001.0004.exr"));
        using (neighbour)
        {
            Assert.Equal(ExrFixture.Pixel(5, 6, 4, 24, 12).R, neighbour.GetRow(0, 6)[5]);
        }

        var skip = deliverables.Single(d => d!["name"]!.GetValue<string>() == "skip")!;
        Assert.Equal(["1-1", "2-2", "4-4", "5-5"], skip["files"]!.AsArray().Select(f => f!["frames"]!.GetValue<string>()));
        Assert.Equal("skip", Assert.Single(skip["failures"]!.AsArray())!["action"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(output, "skip/D004C001.0003.exr")));
    }

    [Fact]
    public async Task Abort_stops_the_render_and_leaves_nothing_behind()
    {
        var spec = TestSpecs.Write(_work.Path, "abort.yaml", Policies.Replace("black-frame", "abort", StringComparison.Ordinal));
        var output = _work["out"];
        var (code, stdout, stderr) = await RushesProcess.RunAsync("render", "--clip", _clip, "--spec", spec, "--out", output, "--json");
        Assert.Equal(3, code);
        var error = JsonNode.Parse(stdout)!["error"]!;
        Assert.Contains("Deliverable 'black', source frame 3", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories));
    }
}
