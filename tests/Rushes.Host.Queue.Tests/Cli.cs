using System.Text.Json.Nodes;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Queue.Tests;

/// <summary>rushes commands as separate processes, and what they leave on disk.</summary>
public static class Cli
{
    public static async Task<string> RunOkAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync(args);
        Assert.True(code == 0, $"rushes {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    public static async Task<JsonNode> SubmitAsync(string url, string queue, string units, double ackWait, int maxDeliver, params string[] extra)
        => JsonNode.Parse(await RunOkAsync(["submit", units, "--nats", url, "--queue", queue, "--ack-wait", ackWait.ToString(System.Globalization.CultureInfo.InvariantCulture), "--max-deliver", maxDeliver.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", .. extra]))!;

    /// <summary><c>rushes status --json</c> of one job; its exit code is 1 when a unit failed or is dead.</summary>
    public static async Task<JsonNode> StatusAsync(string url, string jobId)
    {
        var (code, stdout, stderr) = await RushesProcess.RunAsync("status", "--nats", url, "--job", jobId, "--json");
        Assert.True(code is 0 or 1, $"rushes status exited {code}: {stderr}");
        var status = JsonNode.Parse(stdout)!;
        Assert.Equal(code == 1, status["failed"]!.GetValue<int>() + status["dead"]!.GetValue<int>() > 0);
        return status;
    }

    /// <summary>Asserts a status's counts: units, queued, running (live workers), done, failed, dead, and stalled (running on a gone worker).</summary>
    public static void AssertCounts(JsonNode status, int units, int queued, int running, int done, int failed, int dead, int stalled = 0)
        => Assert.Equal(
            (units, queued, running, done, failed, dead, stalled),
            (Count(status, "units"), Count(status, "queued"), Count(status, "running"), Count(status, "done"), Count(status, "failed"), Count(status, "dead"), Count(status, "stalled")));

    /// <summary>A count of a status's summary.</summary>
    public static int Count(JsonNode status, string name) => status[name]!.GetValue<int>();

    /// <summary>A unit's record in a status.</summary>
    public static JsonNode Unit(JsonNode status, string unitId)
        => status["unitStates"]!.AsArray().Single(u => u!["unitId"]!.GetValue<string>() == unitId)!;

    /// <summary>Every delivered file under <paramref name="root"/> (not Rushes' own folders) with its xxh128.</summary>
    public static SortedDictionary<string, string> Tree(string root)
        => new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(".rushes-", StringComparison.Ordinal))
            .ToDictionary(p => p, p => UnitStore.HashOf(Path.Combine(root, p))), StringComparer.Ordinal);

    /// <summary>Media files outside the staging folder: what a unit has delivered.</summary>
    public static int Delivered(string root)
        => Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.exr", SearchOption.AllDirectories).Count(f => !f.Contains("/.rushes-staging/", StringComparison.Ordinal)) : 0;
}
