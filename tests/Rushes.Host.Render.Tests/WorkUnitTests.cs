using System.Text.Json.Nodes;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Render.Tests;

/// <summary>
/// A pull split by <c>rushes plan</c> into work units, each rendered alone with
/// <c>rushes render --units --unit-index</c>, delivers what one render of the whole pull delivers.
/// </summary>
public sealed class WorkUnitTests : IClassFixture<WorkUnitTests.Source>, IDisposable
{
    private readonly Source _source;
    private readonly TempFolder _out = new();

    public WorkUnitTests(Source source) => _source = source;

    public void Dispose() => _out.Dispose();

    /// <summary>An eight-frame EXR clip (frames 1-8) and the test plates spec.</summary>
    public sealed class Source : IDisposable
    {
        public Source()
        {
            FirstFile = ExrFixture.WriteSequence(Folder["A002C001"], "A002C001_plate", 64, 36, 1, 8);
            Spec = TestSpecs.Write(Folder.Path, "test-plates.yaml", TestSpecs.Plates);
        }

        public TempFolder Folder { get; } = new();

        public string FirstFile { get; }

        public string Spec { get; }

        public void Dispose() => Folder.Dispose();
    }

    private string WriteJob(string output, string frames = "3-6", int handles = 1, long? origin = null, string? deliverables = null, string? spec = null)
    {
        var job = new JsonObject
        {
            ["clip"] = _source.FirstFile,
            ["frames"] = frames,
            ["handles"] = handles,
            ["spec"] = spec ?? _source.Spec,
            ["variables"] = new JsonObject { ["shot"] = "SH020" },
            ["output"] = output,
        };
        if (origin is not null)
        {
            job["frameOrigin"] = origin;
        }

        if (deliverables is not null)
        {
            job["deliverables"] = new JsonArray(deliverables);
        }

        var path = Path.Combine(_out.Path, $"job-{Guid.NewGuid():n}.json");
        File.WriteAllText(path, job.ToJsonString());
        return path;
    }

    private static async Task<JsonNode> Rushes(params string[] args) => await Rushes(new Dictionary<string, string>(), args);

    private static async Task<JsonNode> Rushes(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync(environment, args);
        Assert.True(code == 0, $"rushes {string.Join(' ', args)} exited {code}:\n{stderr}\n{stdout}");
        return JsonNode.Parse(stdout)!;
    }

    /// <summary>Every media and AMF file under a folder, by relative path, with its bytes' hash.</summary>
    private static SortedDictionary<string, string> Delivered(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Where(f => !f.StartsWith('.') && !f.Contains("/.", StringComparison.Ordinal) && (f.EndsWith(".exr", StringComparison.Ordinal) || f.EndsWith(".amf", StringComparison.Ordinal)))
            .ToDictionary(f => f, f => UnitStore.HashOf(Path.Combine(folder, f))),
        StringComparer.Ordinal);

    [Fact]
    public async Task Plan_splits_the_pull_with_handles_into_chunks_numbered_from_the_pulls_origin()
    {
        var units = Path.Combine(_out.Path, "units.json");
        var summary = await Rushes("plan", "--job", WriteJob(_out["whole"]), "--chunk", "2", "-o", units, "--json");
        Assert.Equal(3, summary["units"]!.GetValue<int>());

        var set = UnitSetFile.Read(units);
        Assert.Equal(["2-3", "4-5", "6-7"], set.Units.Select(u => u.Frames));
        Assert.All(set.Units, u => Assert.Equal(2L, u.Job.FrameOrigin));
        Assert.All(set.Units, u => Assert.Equal(0, u.Job.Handles));
        Assert.Equal(3, set.Units.Select(u => u.Id).Distinct().Count());
        Assert.Matches("^[0-9a-f]{32}$", set.JobId);

        // Planning is content-derived: the same job planned again gives the same ids.
        var again = Path.Combine(_out.Path, "again.json");
        await Rushes("plan", "--job", WriteJob(_out["whole"]), "--chunk", "2", "-o", again, "--json");
        var second = UnitSetFile.Read(again);
        Assert.Equal(set.JobId, second.JobId);
        Assert.Equal(set.Units.Select(u => u.Id), second.Units.Select(u => u.Id));
    }

    [Fact]
    public async Task Units_of_a_dpx_sequence_state_the_whole_pulls_length_and_deliver_the_bytes_of_one_render()
    {
        var spec = TestSpecs.Write(_out.Path, "test-dpx.yaml", """
            spec: 1
            name: test-dpx
            deliverables:
              - name: log
                type: dpx
                options:
                  bit-depth: "10"
                colour:
                  output: none
                  looks: false
                naming: "{shot}_log/{shot}_log.{frame:0000000}.dpx"
                frame-offset: 1001
                sidecars: []
            """);
        var whole = _out["dpx-whole"];
        var chunked = _out["dpx-chunked"];
        var units = Path.Combine(_out.Path, "dpx-units.json");
        await Rushes("plan", "--job", WriteJob(chunked, spec: spec), "--chunk", "4", "-o", units, "--json");
        var set = UnitSetFile.Read(units);
        Assert.Equal(["2-5", "6-7"], set.Units.Select(u => u.Frames));
        Assert.All(set.Units, u => Assert.Equal("2-7", u.Job.Sequence));
        await Rushes("render", "--units", units, "--unit-index", "1", "--json", "--progress", "none");
        await Rushes("render", "--units", units, "--unit-index", "0", "--json", "--progress", "none");
        await Rushes("render", "--job", WriteJob(whole, spec: spec), "--json", "--progress", "none");

        var files = Directory.GetFiles(Path.Combine(whole, "SH020_log"), "*.dpx").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(6, files.Count);
        foreach (var file in files)
        {
            // SMPTE 268M film header: frame position at byte 1712, sequence length at 1716 (big-endian for "SDPX").
            var header = File.ReadAllBytes(file).AsSpan(0, 2048);
            Assert.Equal("SDPX"u8.ToArray(), header[..4].ToArray());
            Assert.Equal(6u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[1716..]));
            var twin = Path.Combine(chunked, "SH020_log", Path.GetFileName(file));
            Assert.True(File.ReadAllBytes(twin).AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{Path.GetFileName(file)} differs between the units and the whole render");
        }
    }

    [Fact]
    public async Task Units_rendered_alone_deliver_the_bytes_of_one_render_of_the_whole_pull()
    {
        var whole = _out["whole"];
        var chunked = _out["chunked"];
        var units = Path.Combine(_out.Path, "units.json");
        await Rushes("plan", "--job", WriteJob(chunked), "--chunk", "2", "-o", units, "--json");

        // Out of order, and the last through a Kubernetes Indexed Job's environment variable.
        await Rushes("render", "--units", units, "--unit-index", "1", "--json", "--progress", "none");
        await Rushes("render", "--units", units, "--unit-index", "0", "--json", "--progress", "none");
        var last = await Rushes(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "2" }, "render", "--units", units, "--json", "--progress", "none");
        Assert.Equal("6-7", last["frames"]!.GetValue<string>());

        var one = await Rushes("render", "--job", WriteJob(whole), "--json", "--progress", "none");
        Assert.Equal("2-7", one["frames"]!.GetValue<string>());

        var expected = Delivered(whole);
        Assert.Contains("SH020_plate/64x36/SH020_plate.0001001.exr", expected.Keys);
        Assert.Contains("SH020_plate/64x36/SH020_plate.0001006.exr", expected.Keys);
        Assert.DoesNotContain("SH020_plate/64x36/SH020_plate.0001007.exr", expected.Keys);
        Assert.Equal((6 * 3) + 1, expected.Count);
        Assert.Equal(expected, Delivered(chunked));
    }

    [Fact]
    public async Task A_sub_range_is_numbered_from_its_first_frame_unless_the_job_sets_the_origin()
    {
        var pulled = await Rushes("render", "--job", WriteJob(_out["pulled"], "4-6", 1), "--json", "--progress", "none");
        Assert.Equal(["1001-1001", "1002-1002", "1003-1003", "1004-1004", "1005-1005"], Frames(pulled));

        var anchored = await Rushes("render", "--job", WriteJob(_out["anchored"], "4-6", 1, origin: 1), "--json", "--progress", "none");
        Assert.Equal(["1003-1003", "1004-1004", "1005-1005", "1006-1006", "1007-1007"], Frames(anchored));
        Assert.NotEqual(pulled["unitId"]!.GetValue<string>(), anchored["unitId"]!.GetValue<string>());

        static List<string> Frames(JsonNode result) => [.. result["deliverables"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "plate")!["files"]!.AsArray()
            .Where(f => f!["kind"]!.GetValue<string>() == "media").Select(f => f!["frames"]!.GetValue<string>())];
    }

    [Fact]
    public async Task A_job_can_ask_for_some_of_the_specs_deliverables()
    {
        var result = await Rushes("render", "--job", WriteJob(_out["some"], "3-4", 0, deliverables: "cg"), "--json", "--progress", "none");
        Assert.Equal(["cg"], result["deliverables"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        Assert.False(Directory.Exists(Path.Combine(_out["some"], "SH020_plate")));
    }

    [Theory]
    [InlineData("origin", "frameOrigin", "a source frame from 1 to 2")]
    [InlineData("deliverable", "deliverables", "one or more of: cg, plate, proxy")]
    [InlineData("index", "unit index", "0 to 2")]
    public async Task Bad_unit_parameters_name_the_field_and_what_was_expected(string fault, string field, string expected)
    {
        string[] args = fault switch
        {
            "origin" => ["render", "--job", WriteJob(_out["bad"], origin: 5), "--json"],
            "deliverable" => ["render", "--job", WriteJob(_out["bad"], deliverables: "plates"), "--json"],
            _ => ["render", "--units", await Planned(), "--unit-index", "3", "--json"],
        };
        var (code, stdout, _) = await RushesProcess.RunAsync(args);
        Assert.Equal(3, code);
        var error = JsonNode.Parse(stdout)!["error"]!;
        Assert.Equal(field, error["field"]!.GetValue<string>());
        Assert.Contains(expected, error["expected"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_out["bad"], "SH020_plate")));

        async Task<string> Planned()
        {
            var units = Path.Combine(_out.Path, "bad-units.json");
            await Rushes("plan", "--job", WriteJob(_out["bad"]), "--chunk", "2", "-o", units, "--json");
            return units;
        }
    }
}
