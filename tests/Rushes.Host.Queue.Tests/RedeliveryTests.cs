using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using System.Text.Json.Nodes;

namespace Rushes.Host.Queue.Tests;

/// <summary>A worker killed mid-unit: the server hands its unit to another worker after the ack wait; a unit that kills every worker ends dead.</summary>
[Collection(QueueCollection.Name)]
public sealed class RedeliveryTests(QueueFixture fixture)
{
    [Fact]
    public async Task A_unit_of_a_sigkilled_worker_is_redelivered_and_completes_with_the_outputs_of_a_single_render()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH020", chunk: 6);
        var set = job.Units;
        Assert.Equal(2, set.Units.Count);
        var submitted = await Cli.SubmitAsync(url, "kill", job.UnitsFile, ackWait: 2, maxDeliver: 3);
        var jobId = submitted["jobId"]!.GetValue<string>();

        string killed;
        await using (var first = WorkerProcess.Start(url, "kill"))
        {
            first.KillOnceRunning();
            killed = (await first.RunningAsync())["unit"]!.GetValue<string>();
            Assert.NotEqual(0, await first.ExitAsync());
            Assert.Empty(first.Of("done"));
        }

        // The bucket still has the unit running on the dead worker, and nothing of it is delivered. Its last
        // heartbeat is under an ack wait (2 s) old, or just over it on a loaded machine.
        var status = await Cli.StatusAsync(url, jobId);
        Assert.Equal((1, 1, 0), (Cli.Count(status, "queued"), Cli.Count(status, "running") + Cli.Count(status, "stalled"), Cli.Count(status, "done")));
        Assert.Equal("running", Cli.Unit(status, killed)["state"]!.GetValue<string>());
        Assert.Equal(0, Cli.Delivered(job.Output));

        // Past the ack wait with no heartbeat, status tells that the worker is gone (no worker has pulled, so the server has not redelivered it).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 2, queued: 1, running: 0, done: 0, failed: 0, dead: 0, stalled: 1);
        var stalled = Cli.Unit(status, killed);
        Assert.Equal(("running", true), (stalled["state"]!.GetValue<string>(), stalled["stalled"]!.GetValue<bool>()));
        Assert.InRange(stalled["lastHeartbeat"]!.GetValue<double>(), 2.5, 60);
        Assert.False(status["finished"]!.GetValue<bool>());

        await using (var second = WorkerProcess.Start(url, "kill", "--until-empty"))
        {
            Assert.True(await second.ExitAsync() == 0, await second.LogAsync());
            var redelivered = second.Of("done").Single(e => e["unit"]!.GetValue<string>() == killed);
            Assert.Equal(2UL, redelivered["attempt"]!.GetValue<ulong>());
        }

        status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 2, queued: 0, running: 0, done: 2, failed: 0, dead: 0);
        Assert.Equal(2UL, Cli.Unit(status, killed)["attempt"]!.GetValue<ulong>());
        Assert.Equal(await fixture.ReferenceAsync(), Cli.Tree(job.Output));
        Assert.False(Directory.Exists(Path.Combine(job.Output, ".rushes-staging")), "the killed run's staging was left behind");
    }

    [Fact]
    public async Task A_unit_that_kills_its_worker_on_every_delivery_is_dead_after_max_deliver_with_its_record_and_dead_letter()
    {
        var url = fixture.Server.Url;
        var job = await QueueJob.PlanAsync(fixture.Folder.Path, fixture.Clip, "SH030", chunk: QueueFixture.Frames);
        var unit = Assert.Single(job.Units.Units);
        var jobId = (await Cli.SubmitAsync(url, "crashloop", job.UnitsFile, ackWait: 2, maxDeliver: 2))["jobId"]!.GetValue<string>();

        for (var attempt = 1UL; attempt <= 2; attempt++)
        {
            await using var worker = WorkerProcess.Start(url, "crashloop");
            worker.KillOnceRunning();
            var running = await worker.RunningAsync();
            Assert.Equal(attempt, running["attempt"]!.GetValue<ulong>());
            await worker.ExitAsync();
            Assert.Empty(worker.Of("done"));
        }

        // The server gives up when a worker next pulls, after the second delivery's ack wait: it skips the
        // unit and publishes its advisory, which the queue's advisory stream keeps until a worker buries the unit.
        await using (var undertaker = WorkerProcess.Start(url, "crashloop", "--until-empty"))
        {
            Assert.True(await undertaker.ExitAsync() == 0, await undertaker.LogAsync());
            Assert.Empty(undertaker.Of("running"));
            Assert.Equal(unit.Id, Assert.Single(undertaker.Of("dead"))["unit"]!.GetValue<string>());
        }

        var status = await Cli.StatusAsync(url, jobId);
        Cli.AssertCounts(status, units: 1, queued: 0, running: 0, done: 0, failed: 0, dead: 1);
        var record = Cli.Unit(status, unit.Id);
        Assert.Equal(("dead", "crash", 2UL), (record["state"]!.GetValue<string>(), record["failure"]!.GetValue<string>(), record["attempt"]!.GetValue<ulong>()));
        Assert.Equal(0, Cli.Delivered(job.Output));

        // The dead letter keeps the unit itself, to look at or submit again, and the work-queue stream is empty.
        await using var nats = new NatsConnection(new NatsOpts { Url = url });
        var js = new NatsJSContext(nats);
        var letter = await js.JSRequestResponseAsync<StreamMsgGetRequest, StreamMsgGetResponse>("$JS.API.STREAM.MSG.GET.rushes-dead", new StreamMsgGetRequest { LastBySubj = "rushes.dead.crashloop" });
        var body = JsonNode.Parse(letter.Message.Data.Span)!;
        Assert.Equal(unit.Id, body["unit"]!["id"]!.GetValue<string>());
        Assert.Equal(unit.Job.Clip, body["unit"]!["job"]!["clip"]!.GetValue<string>());
        Assert.Equal("dead", body["record"]!["state"]!.GetValue<string>());
        Assert.Equal(0L, (long)(await js.GetStreamAsync("rushes-units-crashloop")).Info.State.Messages);
        Assert.Equal(0L, (long)(await js.GetStreamAsync("rushes-advisories-crashloop")).Info.State.Messages);
    }
}
