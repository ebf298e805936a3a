using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Tests;

/// <summary>Two processes never render one unit into one folder at once.</summary>
public sealed class UnitLockTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_unit_whose_lock_is_held_is_refused_as_an_environment_error_and_runs_once_it_is_free()
    {
        var clip = ExrFixture.WriteSequence(_work["clip"], "F006C001", 16, 8, 1, 2);
        var spec = TestSpecs.Write(_work.Path, "test-plates.yaml", TestSpecs.Plates);
        string[] Args(string output) => ["render", "--clip", clip, "--spec", spec, "--var", "shot=SH040", "--out", output, "--json"];

        // The output folder is not part of the unit's id, so a first render elsewhere names the unit.
        var (code, stdout, stderr) = await RushesProcess.RunAsync(Args(_work["first"]));
        Assert.True(code == 0, stderr);
        var unit = JsonNode.Parse(stdout)!["unitId"]!.GetValue<string>();

        var output = _work["held"];
        Directory.CreateDirectory(Path.Combine(output, ".rushes-staging"));
        using (new FileStream(Path.Combine(output, ".rushes-staging", unit + ".lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            var (held, heldOut, _) = await RushesProcess.RunAsync(Args(output));
            Assert.Equal(4, held);
            Assert.Contains($"Another process is rendering unit {unit}", JsonNode.Parse(heldOut)!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(output, "*.exr", SearchOption.AllDirectories));
        }

        var (free, _, freeErr) = await RushesProcess.RunAsync(Args(output));
        Assert.True(free == 0, freeErr);
        Assert.False(Directory.Exists(Path.Combine(output, ".rushes-staging")));
    }
}
