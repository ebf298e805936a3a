using System.Text.Json.Nodes;

namespace Rushes.Host.Queue.Tests;

/// <summary>A unit whose input is bad fails the same way every time: it is terminated at once with a failure record, and the rest of the job completes.</summary>
[Collection(QueueCollection.Name)]
public sealed class PoisonTests(QueueFixture fixture)
{
    [Fact]
    public async Task A_unit_with_a_missing_clip_is_terminated_on_its_first_delivery_with_a_failure_record()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH040", chunk: 4);
        var units = JsonNode.Parse(await File.ReadAllTextAsync(job.UnitsFile))!;
        Assert.Equal(3, units["units"]!.AsArray().Count);
        var missing = Path.Combine(fixture.Folder.Path, "lost", "A001C001.dng");
        units["units"]![1]!["job"]!["clip"] = missing;
        await File.WriteAllTextAsync(job.UnitsFile, units.ToJsonString());
        var poison = units["units"]![1]!["id"]!.GetValue<string>();
        var submitted = await Cli.SubmitAsync(url, "poison", job.UnitsFile, ackWait: 2, maxDeliver: 3);
        var jobId = submitted["jobId"]!.GetValue<string>();

        await using (var worker = WorkerProcess.Start(url, "poison", "--until-empty", "--openjd"))
        {
            Assert.True(await worker.ExitAsync() == 0, await worker.LogAsync());
            var failed = Assert.Single(worker.Of("failed"));
            Assert.Equal((poison, 1UL), (failed["unit"]!.GetValue<string>(), failed["attempt"]!.GetValue<ulong>()));
            Assert.Equal(3, worker.Of("running").Count);
            Assert.Equal(2, worker.Of("done").Count);

            // Open Job Description's stdout protocol beside the JSON: each unit's 4 frames as percentages, and a status a thing.
            Assert.Equal(["openjd_progress: 25", "openjd_progress: 50", "openjd_progress: 75", "openjd_progress: 100"], worker.Lines.Where(l => l.StartsWith("openjd_progress: ", StringComparison.Ordinal)).Distinct());
            Assert.Equal(2, worker.Lines.Count(l => l == "openjd_progress: 100"));
            Assert.Contains(worker.Lines, l => l.StartsWith($"openjd_status: unit 1 ({poison[..12]}) frames 4-7: failed, attempt 1: ", StringComparison.Ordinal) && l.Contains(missing, StringComparison.Ordinal));
        }

        var status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 3, queued: 0, running: 0, done: 2, failed: 1, dead: 0);
        var record = Cli.Unit(status, poison);
        Assert.Equal(("failed", "deterministic", 1UL), (record["state"]!.GetValue<string>(), record["failure"]!.GetValue<string>(), record["attempt"]!.GetValue<ulong>()));
        Assert.Contains(missing, record["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(8, Cli.Delivered(job.Output));
    }
}
