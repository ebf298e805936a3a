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
        var retry = new Option<string>("--retry")
        {
            Description = "Which units that ended badly to submit again: 'failed', 'dead', both (comma-separated, the default) or 'none'. Queued, running and done units are always left alone.",
            DefaultValueFactory = _ => string.Join(',', Submitter.DefaultRetry),
        };
        var command = new Command("submit", "Publish a job's work units to a queue (a JetStream work-queue stream); failed and dead units are submitted again, queued, running and done units are left alone.")
        {
            units, nats, queue, ackWait, maxDeliver, retry, json,
        };
        command.SetAction(run(async context =>
        {
            var p = context.ParseResult;
            var retryStates = RetryStates(p.GetValue(retry)!);
            var set = UnitSetFile.Read(p.GetValue(units)!);
            var jobId = QueueIdentity.Of(set.Job.Output, set.JobId);
            var queued = set.Units.Select(u => new QueuedUnit { JobId = jobId, Index = u.Index, Id = u.Id, QueueId = QueueIdentity.Of(u.Job.Output, u.Id), Frames = u.Frames, Job = u.Job }).ToList();
            await using var workQueue = await QueueOptions.OpenAsync(p.GetValue(nats)!, p.GetValue(queue)!, QueueOptions.Settings(p, ackWait, maxDeliver), context.CancellationToken);
            var result = await Submitter.SubmitAsync(workQueue, jobId, queued, retryStates, context.CancellationToken);
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
                    ["resubmitted"] = Units(result.Resubmitted, "was"),
                    ["skipped"] = Units(result.Skipped, "state"),
                    ["ackWait"] = workQueue.Settings.AckWait.TotalSeconds,
                    ["maxDeliver"] = workQueue.Settings.MaxDeliver,
                });
            }
            else
            {
                context.Out.WriteLine($"job {result.JobId}: {queued.Count} units on queue {result.Queue}: {result.Published} published ({result.Resubmitted.Count} of them again), {result.Skipped.Count} left alone ({result.AlreadyDone} done)");
                foreach (var unit in result.Resubmitted)
                {
                    context.Out.WriteLine($"  unit {unit.Index} ({unit.UnitId[..Math.Min(12, unit.UnitId.Length)]}): submitted again, was {unit.State}: {unit.Reason}");
                }

                foreach (var unit in result.Skipped.Where(u => u.State != UnitState.Done))
                {
                    context.Out.WriteLine($"  unit {unit.Index} ({unit.UnitId[..Math.Min(12, unit.UnitId.Length)]}): left alone, {unit.Reason}");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The states <c>--retry</c> names: failed, dead, both, or none.</summary>
    private static string[] RetryStates(string value)
    {
        var states = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (states is ["none"])
        {
            return [];
        }

        return states.Length > 0 && states.All(s => s is UnitState.Failed or UnitState.Dead)
            ? states
            : throw new CliException(ExitCodes.Usage, $"--retry '{value}' is not valid.", field: "--retry", expected: "failed, dead, failed,dead or none");
    }

    private static JsonArray Units(IEnumerable<SubmittedUnit> units, string stateName)
        => [.. units.Select(u => new JsonObject { ["index"] = u.Index, ["unit"] = u.UnitId, [stateName] = u.State, ["reason"] = u.Reason })];
}
