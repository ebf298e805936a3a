using System.Text.Json.Nodes;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Rushes.Host.Queue.Tests;

/// <summary>An operator fixes what made units fail and submits the job again: failed and dead units run again, done units never do.</summary>
[Collection(QueueCollection.Name)]
public sealed class ResubmitTests(QueueFixture fixture)
{
    [Fact]
    public async Task Failed_and_dead_units_are_submitted_again_once_fixed_and_done_units_are_left_alone()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH050", chunk: 4);
        var units = JsonNode.Parse(await File.ReadAllTextAsync(job.UnitsFile))!;
        var ids = units["units"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, ids.Count);

        // Unit 1's clip is not there yet (a card still being copied); unit 2's lock is held by another process
        // (this test), a transient failure, and with one delivery allowed the unit is dead at once.
        var late = Path.Combine(fixture.Folder.Path, "SH050", "late", Path.GetFileName(fixture.Clip));
        units["units"]![1]!["job"]!["clip"] = late;
        await File.WriteAllTextAsync(job.UnitsFile, units.ToJsonString());
        var staging = Path.Combine(job.Output, ".rushes-staging");
        Directory.CreateDirectory(Path.Combine(staging, ids[2]));
        string jobId;
        using (new FileStream(Path.Combine(staging, ids[2] + ".lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            jobId = (await Cli.SubmitAsync(url, "again", job.UnitsFile, ackWait: 2, maxDeliver: 1))["jobId"]!.GetValue<string>();
            await using var worker = WorkerProcess.Start(url, "again", "--until-empty");
            Assert.True(await worker.ExitAsync() == 0, await worker.LogAsync());
            Assert.Equal([ids[0]], worker.Of("done").Select(UnitOf));
            Assert.Equal([ids[1]], worker.Of("failed").Select(UnitOf));
            Assert.Equal([ids[2]], worker.Of("dead").Select(UnitOf));
        }

        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 3, queued: 0, running: 0, done: 1, failed: 1, dead: 1);

        // Asked not to retry, submit leaves every unit as it ended; asked to retry what cannot be, it refuses.
        var kept = await Cli.SubmitAsync(url, "again", job.UnitsFile, ackWait: 2, maxDeliver: 1, "--retry", "none");
        Assert.Equal((0, 0), (kept["published"]!.GetValue<int>(), kept["resubmitted"]!.AsArray().Count));
        Assert.Equal(["done", "failed", "dead"], kept["skipped"]!.AsArray().Select(u => u!["state"]!.GetValue<string>()));
        Assert.EndsWith("(--retry)", kept["skipped"]![2]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var (refused, refusal, _) = await RushesProcess.RunAsync("submit", job.UnitsFile, "--nats", url, "--queue", "again", "--retry", "failed,running", "--json");
        Assert.Equal(2, refused);
        Assert.Equal("--retry", JsonNode.Parse(refusal)!["error"]!["field"]!.GetValue<string>());

        // Fixed: the clip arrives and the lock is free. Two submits at once (an operator and a pipeline
        // script) send each unit once between them: the second either finds it queued or its message a duplicate.
        Directory.CreateDirectory(late);
        foreach (var frame in Directory.GetFiles(fixture.Clip))
        {
            File.Copy(frame, Path.Combine(late, Path.GetFileName(frame)));
        }

        var both = await Task.WhenAll(Cli.SubmitAsync(url, "again", job.UnitsFile, ackWait: 2, maxDeliver: 1), Cli.SubmitAsync(url, "again", job.UnitsFile, ackWait: 2, maxDeliver: 1));
        Assert.Equal(2, both.Sum(s => s["published"]!.GetValue<int>()));
        var resubmitted = both.SelectMany(s => s["resubmitted"]!.AsArray()).OrderBy(u => u!["index"]!.GetValue<int>()).ToList();
        Assert.Equal([(1, ids[1], "failed"), (2, ids[2], "dead")], resubmitted.Select(u => (u!["index"]!.GetValue<int>(), u["unit"]!.GetValue<string>(), u["was"]!.GetValue<string>())));
        Assert.Contains(late, resubmitted[0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Another process is rendering unit", resubmitted[1]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var submit in both)
        {
            // Done stays done, whoever submits.
            var skipped = submit["skipped"]!.AsArray();
            Assert.Contains(skipped, u => (u!["index"]!.GetValue<int>(), u["state"]!.GetValue<string>()) == (0, "done"));
            Assert.Equal(1, submit["alreadyDone"]!.GetValue<int>());
        }

        await using var nats = new NatsConnection(new NatsOpts { Url = url });
        var js = new NatsJSContext(nats);
        Assert.Equal(2L, (long)(await js.GetStreamAsync("rushes-units-again")).Info.State.Messages);
        Cli.AssertCounts(await Cli.StatusAsync(url, jobId), units: 3, queued: 2, running: 0, done: 1, failed: 0, dead: 0);

        // Each runs on the first delivery of its new message, and the job is whole.
        await using (var worker = WorkerProcess.Start(url, "again", "--until-empty"))
        {
            Assert.True(await worker.ExitAsync() == 0, await worker.LogAsync());
            Assert.Equal(new[] { (ids[1], 1UL), (ids[2], 1UL) }.Order(), worker.Of("done").Select(e => (UnitOf(e), e["attempt"]!.GetValue<ulong>())).Order());
            Assert.Empty(worker.Of("failed"));
        }

        var status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 3, queued: 0, running: 0, done: 3, failed: 0, dead: 0);
        Assert.Equal(1UL, Cli.Unit(status, ids[2])["attempt"]!.GetValue<ulong>());
        var delivered = Cli.Tree(job.Output);
        var reference = await fixture.ReferenceAsync();
        Assert.Equal(reference.Keys, delivered.Keys);

        // Units 0 and 2 read the card itself: their frames are the single render's, bit for bit. Unit 1 read the
        // copy, whose other place and times give its render another id, written into its EXR headers.
        var fromCard = new[] { ids[0], ids[2] }.SelectMany(id => Cli.Unit(status, id)["files"]!.AsObject()).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        Assert.Equal(8, fromCard.Count);
        Assert.All(fromCard, f => Assert.Equal((reference[f.Key], delivered[f.Key]), (f.Value, f.Value)));
        Assert.Equal(0L, (long)(await js.GetStreamAsync("rushes-units-again")).Info.State.Messages);

        // And once more: nothing to do.
        var last = await Cli.SubmitAsync(url, "again", job.UnitsFile, ackWait: 2, maxDeliver: 1);
        Assert.Equal((0, 3), (last["published"]!.GetValue<int>(), last["alreadyDone"]!.GetValue<int>()));
    }

    private static string UnitOf(JsonNode e) => e["unit"]!.GetValue<string>();
}
