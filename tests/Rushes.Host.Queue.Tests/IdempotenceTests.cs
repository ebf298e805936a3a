namespace Rushes.Host.Queue.Tests;

/// <summary>
/// A unit delivered twice at once (the server may take a late ack after it redelivered, nats-server#4786)
/// leaves one correct set of outputs: the unit store's lock keeps the second run off the unit, and its
/// completion record makes the retry a no-op.
/// </summary>
[Collection(QueueCollection.Name)]
public sealed class IdempotenceTests(QueueFixture fixture)
{
    [Fact]
    public async Task Every_unit_run_by_two_workers_at_once_leaves_exactly_one_set_of_the_single_render_outputs()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH060", chunk: 1);
        var set = job.Units;

        // The same units on two queues: each unit is delivered to two workers, which race for it.
        var submitted = await Cli.SubmitAsync(url, "twin-a", job.UnitsFile, ackWait: 5, maxDeliver: 5);
        var jobId = submitted["jobId"]!.GetValue<string>();
        await Cli.SubmitAsync(url, "twin-b", job.UnitsFile, ackWait: 5, maxDeliver: 5);
        await using var a = WorkerProcess.Start(url, "twin-a", "--until-empty");
        await using var b = WorkerProcess.Start(url, "twin-b", "--until-empty");
        Assert.True(await a.ExitAsync() == 0, await a.LogAsync());
        Assert.True(await b.ExitAsync() == 0, await b.LogAsync());

        var ids = set.Units.Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
        foreach (var worker in new[] { a, b })
        {
            Assert.Equal(ids, worker.Of("done").Select(e => e["unit"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Empty(worker.Of("failed"));
            Assert.Empty(worker.Of("dead"));
        }

        // Each unit was rendered once: the other worker found it complete (or held, and retried until it was).
        var reused = a.Of("done").Concat(b.Of("done")).Count(e => e["message"]?.GetValue<string>() == "already complete");
        Assert.Equal(set.Units.Count, reused);

        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 12, queued: 0, running: 0, done: 12, failed: 0, dead: 0);
        var delivered = Cli.Tree(job.Output);
        Assert.Equal(await fixture.ReferenceAsync(), delivered);
        Assert.Equal(12, delivered.Count);
        Assert.Equal(12, Directory.GetFiles(Path.Combine(job.Output, ".rushes-units")).Length);
        Assert.False(Directory.Exists(Path.Combine(job.Output, ".rushes-staging")));
        Assert.Empty(Directory.EnumerateFiles(job.Output, ".rushes-tmp-*", SearchOption.AllDirectories));
    }
}
