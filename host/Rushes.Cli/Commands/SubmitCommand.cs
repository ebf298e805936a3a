using System.CommandLine;
using System.Text.Json.Nodes;
using Rushes.Host.Queue;
using Rushes.Host.Render.Units;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes submit</c>: a units file (rushes plan) onto a queue, and each unit recorded queued (docs/QUEUE.md).</summary>
public static class SubmitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var units = new Argument<string>("units") { Description = "The units file that rushes plan wrote." };
        var nats = QueueOptions.Nats();
        var queue = QueueOptions.Queue();
        var ackWait = QueueOptions.AckWait();
        var maxDeliver = QueueOptions.MaxDeliver();
        var command = new Command("submit", "Publish a job's work units to a queue (a JetStream work-queue stream); a unit submitted again is dropped as a duplicate, a unit done is not sent again.")
        {
            units, nats, queue, ackWait, maxDeliver, json,
        };
        command.SetAction(run(async context =>
        {
            var p = context.ParseResult;
            var set = UnitSetFile.Read(p.GetValue(units)!);
            var jobId = QueueIdentity.Of(set.Job.Output, set.JobId);
            var queued = set.Units.Select(u => new QueuedUnit { JobId = jobId, Index = u.Index, Id = u.Id, QueueId = QueueIdentity.Of(u.Job.Output, u.Id), Frames = u.Frames, Job = u.Job }).ToList();
            await using var workQueue = await QueueOptions.OpenAsync(p.GetValue(nats)!, p.GetValue(queue)!, QueueOptions.Settings(p, ackWait, maxDeliver), context.CancellationToken);
            var result = await Submitter.SubmitAsync(workQueue, jobId, queued, context.CancellationToken);
            if (p.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["jobId"] = result.JobId,
                    ["queue"] = result.Queue,
                    ["units"] = queued.Count,
                    ["published"] = result.Published,
                    ["duplicates"] = result.Duplicates,
                    ["alreadyDone"] = result.AlreadyDone,
                    ["ackWait"] = workQueue.Settings.AckWait.TotalSeconds,
                    ["maxDeliver"] = workQueue.Settings.MaxDeliver,
                });
            }
            else
            {
                context.Out.WriteLine($"job {result.JobId}: {queued.Count} units on queue {result.Queue}: {result.Published} published, {result.Duplicates} already queued, {result.AlreadyDone} already done");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
