namespace Rushes.Host.Queue.Tests;

/// <summary>
/// SIGTERM: a worker stops fetching, finishes its unit within the grace period or releases it, and exits 0.
/// A unit of this small clip can end before the signal lands, and the worker then has begun the next one: the
/// assertions hold for whichever unit the signal finds.
/// </summary>
[Collection(QueueCollection.Name)]
public sealed class ShutdownTests(QueueFixture fixture)
{
    [Fact]
    public async Task Sigterm_with_a_grace_period_finishes_every_unit_begun_and_takes_no_more()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH050", chunk: 6);
        Assert.Equal(2, job.Units.Units.Count);
        var jobId = (await Cli.SubmitAsync(url, "term", job.UnitsFile, ackWait: 5, maxDeliver: 3))["jobId"]!.GetValue<string>();

        List<string> begun;
        await using (var patient = WorkerProcess.Start(url, "term", "--grace", "60"))
        {
            patient.TerminateOnceRunning();
            await patient.RunningAsync();
            Assert.True(await patient.ExitAsync() == 0, await patient.LogAsync());
            begun = [.. patient.Of("running").Select(e => e["unit"]!.GetValue<string>())];
            Assert.NotEmpty(begun);
            Assert.Equal(begun, patient.Of("done").Select(e => e["unit"]!.GetValue<string>()));
            Assert.Empty(patient.Of("released"));
        }

        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 2, queued: 2 - begun.Count, running: 0, done: begun.Count, failed: 0, dead: 0);
        Assert.Equal(6 * begun.Count, Cli.Delivered(job.Output));

        await CompleteAsync(url, "term", jobId, job);
    }

    [Fact]
    public async Task Sigterm_without_grace_releases_the_unit_at_once_with_nothing_of_it_delivered()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH051", chunk: 6);
        Assert.Equal(2, job.Units.Units.Count);
        var jobId = (await Cli.SubmitAsync(url, "release", job.UnitsFile, ackWait: 5, maxDeliver: 3))["jobId"]!.GetValue<string>();

        string released;
        int finished;
        await using (var hasty = WorkerProcess.Start(url, "release", "--grace", "0"))
        {
            hasty.TerminateOnceRunning();
            await hasty.RunningAsync();
            Assert.True(await hasty.ExitAsync() == 0, await hasty.LogAsync());
            released = Assert.Single(hasty.Of("released"))["unit"]!.GetValue<string>();
            finished = hasty.Of("done").Count;
            Assert.DoesNotContain(released, hasty.Of("done").Select(e => e["unit"]!.GetValue<string>()));
        }

        var status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 2, queued: 2 - finished, running: 0, done: finished, failed: 0, dead: 0);
        Assert.Equal("queued", Cli.Unit(status, released)["state"]!.GetValue<string>());
        Assert.Equal(6 * finished, Cli.Delivered(job.Output));
        // Released while it planned, the unit may not have made its output folder yet: nothing half-written either way.
        Assert.Empty(Directory.Exists(job.Output) ? Directory.EnumerateFiles(job.Output, ".rushes-tmp-*", SearchOption.AllDirectories) : []);

        // Released with a nak, not left to its ack wait: the next worker has it at once, on its second delivery.
        var done = await CompleteAsync(url, "release", jobId, job);
        Assert.Equal(2UL, done.Single(e => e["unit"]!.GetValue<string>() == released)["attempt"]!.GetValue<ulong>());
    }

    /// <summary>A worker that empties the queue; then the job is done and its outputs are those of one render.</summary>
    private async Task<IReadOnlyList<System.Text.Json.Nodes.JsonNode>> CompleteAsync(string url, string queue, string jobId, QueueJob job)
    {
        IReadOnlyList<System.Text.Json.Nodes.JsonNode> done;
        await using (var next = WorkerProcess.Start(url, queue, "--until-empty"))
        {
            Assert.True(await next.ExitAsync() == 0, await next.LogAsync());
            done = next.Of("done");
        }

        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 2, queued: 0, running: 0, done: 2, failed: 0, dead: 0);
        Assert.Equal(await fixture.ReferenceAsync(), Cli.Tree(job.Output));
        Assert.False(Directory.Exists(Path.Combine(job.Output, ".rushes-staging")));
        return done;
    }
}
