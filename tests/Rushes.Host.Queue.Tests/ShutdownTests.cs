namespace Rushes.Host.Queue.Tests;

/// <summary>SIGTERM: a worker stops fetching, finishes its unit within the grace period or releases it, and exits 0.</summary>
[Collection(QueueCollection.Name)]
public sealed class ShutdownTests(QueueFixture fixture)
{
    [Fact]
    public async Task Sigterm_finishes_the_unit_within_the_grace_period_or_releases_it_cleanly_for_another_worker()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH050", chunk: 6);
        var set = job.Units;
        Assert.Equal(2, set.Units.Count);
        var submitted = await Cli.SubmitAsync(url, "term", job.UnitsFile, ackWait: 5, maxDeliver: 3);
        var jobId = submitted["jobId"]!.GetValue<string>();

        // A grace period longer than the unit: it finishes, and the worker takes nothing more.
        await using (var patient = WorkerProcess.Start(url, "term", "--grace", "60"))
        {
            var unit = (await patient.MidUnitAsync())["unit"]!.GetValue<string>();
            patient.Terminate();
            Assert.True(await patient.ExitAsync() == 0, await patient.LogAsync());
            Assert.Equal(unit, Assert.Single(patient.Of("done"))["unit"]!.GetValue<string>());
            Assert.Single(patient.Of("running"));
        }

        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 2, queued: 1, running: 0, done: 1, failed: 0, dead: 0);
        Assert.Equal(6, Cli.Delivered(job.Output));

        // No grace: the unit is released at once, back on the queue, with nothing of it delivered.
        string released;
        await using (var hasty = WorkerProcess.Start(url, "term", "--grace", "0"))
        {
            released = (await hasty.MidUnitAsync())["unit"]!.GetValue<string>();
            hasty.Terminate();
            Assert.True(await hasty.ExitAsync() == 0, await hasty.LogAsync());
            Assert.Equal(released, Assert.Single(hasty.Of("released"))["unit"]!.GetValue<string>());
            Assert.Empty(hasty.Of("done"));
        }

        var status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 2, queued: 1, running: 0, done: 1, failed: 0, dead: 0);
        Assert.Equal("queued", Cli.Unit(status, released)["state"]!.GetValue<string>());
        Assert.Equal(6, Cli.Delivered(job.Output));
        Assert.Empty(Directory.EnumerateFiles(job.Output, ".rushes-tmp-*", SearchOption.AllDirectories));

        // Released with a nak, not left to its ack wait: the next worker has it at once, on its second delivery.
        await using (var next = WorkerProcess.Start(url, "term", "--until-empty"))
        {
            Assert.True(await next.ExitAsync() == 0, await next.LogAsync());
            var done = Assert.Single(next.Of("done"));
            Assert.Equal((released, 2UL), (done["unit"]!.GetValue<string>(), done["attempt"]!.GetValue<ulong>()));
        }

        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 2, queued: 0, running: 0, done: 2, failed: 0, dead: 0);
        Assert.Equal(await fixture.ReferenceAsync(), Cli.Tree(job.Output));
        Assert.False(Directory.Exists(Path.Combine(job.Output, ".rushes-staging")));
    }
}
