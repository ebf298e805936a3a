using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Tests;

/// <summary>A render killed with SIGKILL mid-way, then run again, delivers exactly what an uninterrupted run does, and nothing else.</summary>
public sealed class RenderKillTests : IDisposable
{
    private const int Frames = 40;
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Killed_render_rerun_completes_only_what_is_missing_and_matches_an_uninterrupted_run()
    {
        var clip = ExrFixture.WriteSequence(_work["clip"], "B002C001", 640, 360, 1, Frames);
        var spec = TestSpecs.Write(_work.Path, "test-plates.yaml", TestSpecs.Plates);
        string[] Args(string output) => ["render", "--clip", clip, "--spec", spec, "--var", "shot=SH020", "--out", output, "--json", "--progress", "json"];

        var killed = _work["killed"];
        var framesBeforeKill = await RunAndKill(Args(killed), afterFrames: 4);
        Assert.InRange(framesBeforeKill, 4, Frames - 1);

        // Nothing is in place yet: every file waits in the unit's staging until the unit is whole.
        Assert.DoesNotContain(Directory.EnumerateFiles(killed, "*.exr", SearchOption.AllDirectories), f => !f.Contains("/.rushes-staging/", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(killed, ".rushes-staging"), "*.exr", SearchOption.AllDirectories));

        var (code, stdout, stderr) = await RushesProcess.RunAsync(Args(killed));
        Assert.True(code == 0, stderr);
        var rendered = stderr.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!).Where(p => p["stage"]!.GetValue<string>() == "render").ToList();
        Assert.NotEmpty(rendered);
        Assert.True(rendered[^1]["total"]!.GetValue<long>() < Frames, $"the rerun rendered {rendered[^1]["total"]} frames, not only the missing ones");

        var clean = _work["clean"];
        var (cleanCode, cleanOut, cleanErr) = await RushesProcess.RunAsync(Args(clean));
        Assert.True(cleanCode == 0, cleanErr);
        Assert.Equal(JsonNode.Parse(cleanOut)!["unitId"]!.GetValue<string>(), JsonNode.Parse(stdout)!["unitId"]!.GetValue<string>());

        var resumed = Tree(killed);
        Assert.Equal(Tree(clean).Keys, resumed.Keys);
        foreach (var (path, hash) in Tree(clean).Where(p => !p.Key.EndsWith(".provenance.json", StringComparison.Ordinal)))
        {
            Assert.True(resumed[path] == hash, $"{path} differs between the resumed and the uninterrupted run");
        }

        Assert.Equal(Frames * 3, resumed.Keys.Count(p => p.EndsWith(".exr", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(killed, ".rushes-staging")), "the staging folder was left behind");
        Assert.Empty(Directory.EnumerateFiles(killed, ".rushes-tmp-*", SearchOption.AllDirectories));
    }

    /// <summary>Starts rushes, and SIGKILLs it once its JSON progress says <paramref name="afterFrames"/> frames are written; returns how many were.</summary>
    private static async Task<long> RunAndKill(string[] args, int afterFrames)
    {
        using var process = RushesProcess.Start(args);
        _ = process.StandardOutput.ReadToEndAsync();
        long done = 0;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{') && JsonNode.Parse(line) is { } progress && progress["stage"]!.GetValue<string>() == "render")
            {
                done = progress["done"]!.GetValue<long>();
                if (done >= afterFrames)
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }
        }

        await process.WaitForExitAsync();
        Assert.NotEqual(0, process.ExitCode);
        return done;
    }

    /// <summary>Every delivered file but the ASC MHL history (its generation names carry the time) with its hash.</summary>
    private static SortedDictionary<string, string> Tree(string root)
        => new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !p.Contains("ascmhl/", StringComparison.Ordinal) && !p.StartsWith(".rushes-units/", StringComparison.Ordinal))
            .ToDictionary(p => p, p => Units.UnitStore.HashOf(Path.Combine(root, p))), StringComparer.Ordinal);
}
