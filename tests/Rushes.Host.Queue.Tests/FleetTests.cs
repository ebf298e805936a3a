namespace Rushes.Host.Queue.Tests;

/// <summary>A 12-unit job run by three worker processes delivers what one rushes render of the job delivers.</summary>
[Collection(QueueCollection.Name)]
public sealed class FleetTests(QueueFixture fixture)
{
    [Fact]
    public async Task Three_workers_complete_a_12_unit_job_with_the_bytes_of_a_single_render_and_status_tells_each_step()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH010", chunk: 1);
        var set = job.Units;
        Assert.Equal(QueueFixture.Frames, set.Units.Count);

        var submitted = await Cli.SubmitAsync(url, "fleet", job.UnitsFile, ackWait: 5, maxDeliver: 3);
        var jobId = submitted["jobId"]!.GetValue<string>();
        Assert.Equal(12, submitted["published"]!.GetValue<int>());
        var status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 12, queued: 12, running: 0, done: 0, failed: 0, dead: 0);
        Assert.Equal((0L, 12L), (status["framesDone"]!.GetValue<long>(), status["framesTotal"]!.GetValue<long>()));

        // Submitting again while the units wait: their records say so, and nothing is sent.
        var again = await Cli.SubmitAsync(url, "fleet", job.UnitsFile, ackWait: 5, maxDeliver: 3);
        Assert.Equal((0, 0), (again["published"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
        Assert.Empty(again["resubmitted"]!.AsArray());
        Assert.Equal(Enumerable.Repeat("queued", 12), again["skipped"]!.AsArray().Select(u => u!["state"]!.GetValue<string>()));
        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 12, queued: 12, running: 0, done: 0, failed: 0, dead: 0);

        var workers = Enumerable.Range(0, 3).Select(_ => WorkerProcess.Start(url, "fleet", "--until-empty")).ToList();
        try
        {
            foreach (var worker in workers)
            {
                Assert.True(await worker.ExitAsync() == 0, await worker.LogAsync());
            }

            // Each unit ran once, on one of the workers.
            var done = workers.SelectMany(w => w.Of("done")).Select(e => e["unit"]!.GetValue<string>()).ToList();
            Assert.Equal(set.Units.Select(u => u.Id).Order(StringComparer.Ordinal), done.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }

        status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 12, queued: 0, running: 0, done: 12, failed: 0, dead: 0);
        Assert.Equal((12L, 12L, 100.0, true), (status["framesDone"]!.GetValue<long>(), status["framesTotal"]!.GetValue<long>(), status["percent"]!.GetValue<double>(), status["finished"]!.GetValue<bool>()));

        // Every file equals a single-process render of the whole job, and each unit's record holds its files' hashes.
        var delivered = Cli.Tree(job.Output);
        Assert.Equal(await fixture.ReferenceAsync(), delivered);
        Assert.Equal(12, delivered.Count);
        var recorded = status["unitStates"]!.AsArray().SelectMany(u => u!["files"]!.AsObject()).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        Assert.Equal(delivered, new SortedDictionary<string, string>(recorded, StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(job.Output, ".rushes-staging")));

        // Submitted once more when done: nothing is sent.
        var late = await Cli.SubmitAsync(url, "fleet", job.UnitsFile, ackWait: 5, maxDeliver: 3);
        Assert.Equal((0, 12, 12), (late["published"]!.GetValue<int>(), late["alreadyDone"]!.GetValue<int>(), late["skipped"]!.AsArray().Count));
    }
}
