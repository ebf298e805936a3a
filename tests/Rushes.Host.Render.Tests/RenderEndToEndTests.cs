using System.Text.Json.Nodes;
using Rushes.Testing;

namespace Rushes.Host.Render.Tests;

/// <summary>A six-frame ACES EXR sequence rendered by the rushes process through a three-deliverable spec, and every output read back.</summary>
public sealed class RenderEndToEndTests : IClassFixture<RenderEndToEndTests.Source>, IDisposable
{
    private const int Width = 96;
    private const int Height = 54;

    // ACES AP0 to AP1 (ACEScg), the matrix of Academy S-2014-004 §4.1.2 (the ACEScsc ACES_to_ACEScg transform), to 10 places.
    private static readonly double[,] Ap0ToAp1 =
    {
        { 1.4514393161, -0.2365107469, -0.2149285693 },
        { -0.0765537734, 1.1762296998, -0.0996759264 },
        { 0.0083161484, -0.0060324498, 0.9977163014 },
    };

    private readonly Source _source;
    private readonly TempFolder _out = new();

    public RenderEndToEndTests(Source source) => _source = source;

    public void Dispose() => _out.Dispose();

    /// <summary>The source clip and spec, made once for the class.</summary>
    public sealed class Source : IDisposable
    {
        public Source()
        {
            FirstFile = ExrFixture.WriteSequence(Folder["A001C003"], "A001C003_plate", Width, Height, 1, 6);
            Spec = TestSpecs.Write(Folder.Path, "test-plates.yaml", TestSpecs.Plates);
        }

        public TempFolder Folder { get; } = new();

        public string FirstFile { get; }

        public string Spec { get; }

        public void Dispose() => Folder.Dispose();
    }

    private async Task<JsonNode> Render(string output, params string[] extra)
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync(
        [
            "render", "--clip", _source.FirstFile, "--frames", "2-4", "--handles", "1", "--spec", _source.Spec,
            "--var", "shot=SH010", "--out", output, "--json", "--progress", "json", .. extra,
        ]);
        Assert.True(code == 0, $"rushes render exited {code}:\n{stderr}\n{stdout}");
        return JsonNode.Parse(stdout)!;
    }

    private static JsonObject Deliverable(JsonNode result, string name)
        => result["deliverables"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == name)!.AsObject();

    private static List<JsonNode> Files(JsonNode result, string name, string kind)
        => [.. Deliverable(result, name)["files"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == kind).Select(f => f!)];

    [Fact]
    public async Task Plate_is_the_source_exactly_with_its_frames_numbered_from_1001()
    {
        var result = await Render(_out.Path);
        Assert.Matches("^[0-9a-f]{32}$", result["unitId"]!.GetValue<string>());
        Assert.Equal("1-5", result["frames"]!.GetValue<string>());
        var media = Files(result, "plate", "media");
        Assert.Equal(["1001-1001", "1002-1002", "1003-1003", "1004-1004", "1005-1005"], media.Select(f => f["frames"]!.GetValue<string>()));
        Assert.Equal("SH010_plate/96x54/SH010_plate.0001003.exr", media[2]["path"]!.GetValue<string>());

        // Source frame 3 is output frame 1003: float PIZ is lossless, no framing, no colour step.
        var (image, encoding) = ExrFixture.Read(_out[media[2]["path"]!.GetValue<string>()]);
        using (image)
        {
            Assert.Equal("ACES2065-1", encoding);
            Assert.Equal((Width, Height), (image.Width, image.Height));
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var (r, g, b) = ExrFixture.Pixel(x, y, 3, Width, Height);
                    Assert.Equal(r, image.GetRow(0, y)[x]);
                    Assert.Equal(g, image.GetRow(1, y)[x]);
                    Assert.Equal(b, image.GetRow(2, y)[x]);
                }
            }
        }
    }

    [Fact]
    public async Task Reference_readers_agree_on_the_plate_and_its_hashes()
    {
        var result = await Render(_out.Path);
        var plate = _out[Files(result, "plate", "media")[0]["path"]!.GetValue<string>()];
        var header = ReferenceTool.Run("exrheader", [plate]).EnsureSuccess("exrheader").StandardOutput;
        Assert.Contains("piz", header, StringComparison.Ordinal);
        Assert.Contains("dataWindow (type box2i): (0 0) - (95 53)", header, StringComparison.Ordinal);
        var amf = Files(result, "plate", "amf").Single();
        var amfText = File.ReadAllText(_out[amf["path"]!.GetValue<string>()]);
        var uuid = System.Text.RegularExpressions.Regex.Match(amfText, "<aces:uuid>(urn:uuid:[^<]+)</aces:uuid>").Groups[1].Value;
        Assert.StartsWith("urn:uuid:", uuid, StringComparison.Ordinal);
        Assert.Contains(uuid, header, StringComparison.Ordinal);
        Assert.Contains("<aces:sequence idx=\"#\" min=\"1\" max=\"6\">A001C003_plate.####.exr</aces:sequence>", amfText, StringComparison.Ordinal);
        var (amfCode, _, amfError) = await RushesProcess.RunAsync("amf", "validate", _out[amf["path"]!.GetValue<string>()]);
        Assert.True(amfCode == 0, amfError);

        var info = ReferenceTool.Run("oiiotool", ["--info", "-v", plate]).EnsureSuccess("oiiotool --info").StandardOutput;
        Assert.Matches(@"96 x\s+54, 3 channel, float openexr", info);

        // Every hash in the result is the file's XXH128 as xxhsum computes it.
        foreach (var file in result["deliverables"]!.AsArray().SelectMany(d => d!["files"]!.AsArray()))
        {
            var path = _out[file!["path"]!.GetValue<string>()];
            var line = ReferenceTool.Run("xxhsum", ["-H2", path]).EnsureSuccess("xxhsum").StandardOutput;
            Assert.Equal(line.Split(' ', 2)[0], file["xxh128"]!.GetValue<string>());
            Assert.Equal(new FileInfo(path).Length, file["size"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Acescg_deliverable_is_the_ap0_to_ap1_matrix_of_the_source()
    {
        var result = await Render(_out.Path);
        var cg = Deliverable(result, "cg");
        Assert.Equal("ACEScg", cg["colourEncoding"]!.GetValue<string>());
        var media = Files(result, "cg", "media");
        Assert.Equal(["1-1", "2-2", "3-3", "4-4", "5-5"], media.Select(f => f["frames"]!.GetValue<string>()));
        var (image, encoding) = ExrFixture.Read(_out[media[3]["path"]!.GetValue<string>()]);
        using (image)
        {
            Assert.Equal("ACEScg", encoding);
            for (var y = 0; y < Height; y += 7)
            {
                for (var x = 0; x < Width; x += 5)
                {
                    var (r, g, b) = ExrFixture.Pixel(x, y, 4, Width, Height);
                    for (var c = 0; c < 3; c++)
                    {
                        var expected = (Ap0ToAp1[c, 0] * r) + (Ap0ToAp1[c, 1] * g) + (Ap0ToAp1[c, 2] * b);
                        Assert.True(Math.Abs(expected - image.GetRow(c, y)[x]) < 2e-5, $"({x},{y}) channel {c}: {image.GetRow(c, y)[x]} is not {expected}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Proxy_is_fitted_to_its_size_and_keeps_the_mean()
    {
        var result = await Render(_out.Path);
        var proxy = Deliverable(result, "proxy");
        Assert.Equal((48, 27), (proxy["width"]!.GetValue<int>(), proxy["height"]!.GetValue<int>()));
        var file = Files(result, "proxy", "media")[0]["path"]!.GetValue<string>();
        Assert.StartsWith("SH010_proxy/48x27/", file, StringComparison.Ordinal);
        var (image, _) = ExrFixture.Read(_out[file]);
        using (image)
        {
            Assert.Equal((48, 27), (image.Width, image.Height));
            for (var c = 0; c < 3; c++)
            {
                double sum = 0;
                for (var y = 0; y < Height; y++)
                {
                    for (var x = 0; x < Width; x++)
                    {
                        var p = ExrFixture.Pixel(x, y, 1, Width, Height);
                        sum += c == 0 ? p.R : c == 1 ? p.G : p.B;
                    }
                }

                var sourceMean = sum / (Width * Height);
                var outputMean = image.GetPlane(c).ToArray().Average(v => (double)v);
                Assert.True(Math.Abs(sourceMean - outputMean) < 0.01 * Math.Max(0.1, Math.Abs(sourceMean)), $"channel {c}: mean {outputMean} is not {sourceMean}");
            }

            // Blue is flat in the source, so it stays flat (to half precision) wherever the filter lands.
            Assert.All(image.GetPlane(2).ToArray(), v => Assert.Equal(0.19f, v, 0.0005f));
        }
    }

    [Fact]
    public async Task Rendering_twice_gives_identical_files_and_a_third_run_reuses_the_unit()
    {
        using var second = new TempFolder();
        var first = await Render(_out.Path);
        var job = new JsonObject
        {
            ["clip"] = _source.FirstFile,
            ["frames"] = "2-4",
            ["handles"] = 1,
            ["spec"] = _source.Spec,
            ["variables"] = new JsonObject { ["shot"] = "SH010" },
            ["output"] = second.Path,
        };
        var jobFile = second["job.json"];
        File.WriteAllText(jobFile, job.ToJsonString());
        var (code, stdout, stderr) = await RushesProcess.RunAsync("render", "--job", jobFile, "--json");
        Assert.True(code == 0, stderr);
        var again = JsonNode.Parse(stdout)!;
        Assert.Equal(first["unitId"]!.GetValue<string>(), again["unitId"]!.GetValue<string>());
        Assert.Equal(Hashes(first), Hashes(again));
        Assert.NotEmpty(Hashes(first));

        var third = await Render(_out.Path);
        Assert.True(third["reused"]!.GetValue<bool>());
        Assert.Equal(Hashes(first), Hashes(third));
    }

    [Fact]
    public async Task Provenance_and_mhl_describe_the_delivery()
    {
        var result = await Render(_out.Path);
        var provenance = JsonNode.Parse(File.ReadAllText(_out[Files(result, "plate", "provenance").Single()["path"]!.GetValue<string>()]))!;
        Assert.Equal(result["unitId"]!.GetValue<string>(), provenance["unitId"]!.GetValue<string>());
        var clipFiles = provenance["inputs"]!["clip"]!["files"]!.AsArray();
        Assert.Equal(6, clipFiles.Count);
        var sourceHash = ReferenceTool.Run("xxhsum", ["-H2", _source.FirstFile]).EnsureSuccess("xxhsum").StandardOutput.Split(' ', 2)[0];
        Assert.Equal(sourceHash, clipFiles[0]!["xxh128"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", provenance["inputs"]!["spec"]!["renderedSha256"]!.GetValue<string>());
        Assert.Contains(provenance["plugins"]!.AsArray(), p => p!.GetValue<string>().StartsWith("org.rushes.openexr@", StringComparison.Ordinal));
        Assert.Equal(5, provenance["files"]!.AsArray().Count(f => f!["kind"]!.GetValue<string>() == "media"));

        var mhl = Files(result, "plate", "mhl").Single()["path"]!.GetValue<string>();
        Assert.Contains("/ascmhl/", mhl, StringComparison.Ordinal);
        var (code, _, stderr) = await RushesProcess.RunAsync("mhl", "verify", _out["SH010_plate/96x54"]);
        Assert.True(code == 0, stderr);
    }

    private static SortedDictionary<string, string> Hashes(JsonNode result)
        => new(result["deliverables"]!.AsArray().SelectMany(d => d!["files"]!.AsArray())
            .Where(f => f!["kind"]!.GetValue<string>() is "media" or "amf")
            .ToDictionary(f => f!["path"]!.GetValue<string>(), f => f!["xxh128"]!.GetValue<string>()), StringComparer.Ordinal);
}
