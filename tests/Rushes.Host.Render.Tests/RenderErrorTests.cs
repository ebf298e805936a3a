using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Tests;

/// <summary>Each kind of bad job gets its own clear error and exit code, before anything is written.</summary>
public sealed class RenderErrorTests : IClassFixture<RenderErrorTests.Source>
{
    private readonly Source _source;

    public RenderErrorTests(Source source) => _source = source;

    public sealed class Source : IDisposable
    {
        public Source()
        {
            Clip = ExrFixture.WriteSequence(Folder["clip"], "C003C001", 32, 18, 1, 3);
            Spec = TestSpecs.Write(Folder.Path, "test-plates.yaml", TestSpecs.Plates);
        }

        public TempFolder Folder { get; } = new();

        public string Clip { get; }

        public string Spec { get; }

        public void Dispose() => Folder.Dispose();
    }

    private async Task<(int Code, JsonNode Error, string Stderr)> Render(string? clip = null, string? spec = null, string? output = null, params string[] extra)
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync(
        [
            "render", "--clip", clip ?? _source.Clip, "--spec", spec ?? _source.Spec, "--var", "shot=SH030",
            "--out", output ?? _source.Folder[$"out-{Guid.NewGuid():N}"], "--json", .. extra,
        ]);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        return (code, JsonNode.Parse(stdout)!["error"]!, stderr);
    }

    [Fact]
    public async Task Missing_clip_is_an_input_error()
    {
        var (code, error, _) = await Render(clip: _source.Folder["no/such/clip.0001.exr"]);
        Assert.Equal(3, code);
        Assert.Contains("does not exist", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3-2", "is not a frame range")]
    [InlineData("2-9", "are not all in the clip, whose frames are 1-3")]
    [InlineData("x", "is not a frame range")]
    public async Task Bad_frame_range_is_an_input_error(string frames, string message)
    {
        var output = _source.Folder[$"out-{Guid.NewGuid():N}"];
        var (code, error, _) = await Render(output: output, extra: ["--frames", frames]);
        Assert.Equal(3, code);
        Assert.Equal("frames", error["field"]!.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a refused job made its output folder");
    }

    [Fact]
    public async Task Handles_past_the_clip_are_an_input_error()
    {
        var (code, error, _) = await Render(extra: ["--frames", "1-3", "--handles", "1"]);
        Assert.Equal(3, code);
        Assert.Contains("0-4 (1-3 with 1 handles)", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_template_points_at_its_line_and_column()
    {
        var template = TestSpecs.Write(_source.Folder.Path, "broken.sbn", "spec: 1\nname: broken\ndeliverables:\n{{ for d in }}\n");
        var (code, error, _) = await Render(spec: template);
        Assert.Equal(3, code);
        Assert.Matches(@"broken\.sbn\(4,\d+\)", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_variable_is_named()
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync("render", "--clip", _source.Clip, "--spec", "vfx-plates", "--var", "show=ABC", "--out", _source.Folder["out-var"], "--json");
        Assert.Equal(3, code);
        Assert.Contains("shot", JsonNode.Parse(stdout)!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Naming_token_without_a_value_is_named()
    {
        var (code, stdout, _) = await RushesProcess.RunAsync("render", "--clip", _source.Clip, "--spec", _source.Spec, "--out", _source.Folder["out-token"], "--json");
        Assert.Equal(3, code);
        var error = JsonNode.Parse(stdout)!["error"]!;
        Assert.Contains("{shot}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("deliverables.plate.naming", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_deliverable_type_lists_the_loaded_ones()
    {
        var spec = TestSpecs.Write(_source.Folder.Path, "unknown-type.yaml", TestSpecs.Plates.Replace("type: openexr", "type: cineon", StringComparison.Ordinal));
        var (code, error, _) = await Render(spec: spec);
        Assert.Equal(3, code);
        Assert.Contains("'cineon'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("openexr", error["expected"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_option_is_refused_by_the_type_before_decoding()
    {
        var spec = TestSpecs.Write(_source.Folder.Path, "bad-option.yaml", TestSpecs.Plates.Replace("compression: piz", "compression: lzw", StringComparison.Ordinal));
        var (code, error, _) = await Render(spec: spec);
        Assert.Equal(3, code);
        Assert.StartsWith("deliverables.plate.options.compression", error["field"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_output_transform_names_the_nearest()
    {
        var spec = TestSpecs.Write(_source.Folder.Path, "bad-colour.yaml", TestSpecs.Plates.Replace("ACES2065-1_to_ACEScg", "ACES2065-1_to_ACESgc", StringComparison.Ordinal));
        var (code, error, _) = await Render(spec: spec);
        Assert.Equal(3, code);
        Assert.Contains("ACES2065-1_to_ACEScg", error["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unwritable_output_is_an_environment_error()
    {
        var file = _source.Folder["a-file"];
        File.WriteAllText(file, "not a folder");
        var (code, error, _) = await Render(output: Path.Combine(file, "out"));
        Assert.Equal(4, code);
        Assert.Contains("cannot be written", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_file_with_an_unknown_field_is_refused()
    {
        var job = _source.Folder["typo.json"];
        File.WriteAllText(job, """{"clip": "clip/C003C001.0001.exr", "spec": "test-plates.yaml", "output": "out-typo", "frame": "1-2"}""");
        var (code, stdout, _) = await RushesProcess.RunAsync("render", "--job", job, "--json");
        Assert.Equal(3, code);
        Assert.Contains("frame", JsonNode.Parse(stdout)!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_option_is_a_usage_error()
    {
        var (code, _, stderr) = await RushesProcess.RunAsync("render", "--clip", _source.Clip, "--out", _source.Folder["out-usage"]);
        Assert.Equal(2, code);
        Assert.Contains("--spec", stderr, StringComparison.Ordinal);
    }
}
