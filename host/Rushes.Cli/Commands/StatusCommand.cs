using System.CommandLine;
using System.Text.Json;
using Rushes.Host.Queue;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes status</c>: units queued, running, done, failed and dead, and a job's progress, from the units bucket.</summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var nats = QueueOptions.Nats();
        var queue = QueueOptions.Queue();
        var job = new Option<string?>("--job") { Description = "One job's units (its id from rushes submit); default: every unit of --queue." };
        var watch = new Option<bool>("--watch") { Description = "Report again every second until no unit is queued or running." };
        var command = new Command("status", "Show units queued, running, stalled (a worker gone), done, failed and dead, and the job's progress.")
        {
            nats, queue, job, watch, json,
        };
        command.SetAction(run(async context =>
        {
            var p = context.ParseResult;
            await using var workQueue = await QueueOptions.OpenAsync(p.GetValue(nats)!, p.GetValue(queue)!, null, context.CancellationToken);
            while (true)
            {
                var status = await JobStatus.ReadAsync(workQueue, p.GetValue(job), context.CancellationToken);
                if (p.GetValue(json))
                {
                    // One document a report: a watcher reads a JSON line each second.
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(status));
                }
                else
                {
                    Print(context.Out, status, workQueue.Names.Queue);
                }

                await context.Out.FlushAsync(context.CancellationToken);
                if (!p.GetValue(watch) || status.Finished)
                {
                    return status.Failed + status.Dead > 0 ? ExitCodes.CheckFailed : ExitCodes.Ok;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), context.CancellationToken);
            }
        }));
        return command;
    }

    private static void Print(TextWriter output, JobStatus status, string queue)
    {
        output.WriteLine($"{status.JobId ?? "queue " + queue}: {status.Units} units: {status.Queued} queued, {status.Running} running, {status.Stalled} stalled, {status.Done} done, {status.Failed} failed, {status.Dead} dead; {status.FramesDone}/{status.FramesTotal} frames ({status.Percent:0.0} %)");
        foreach (var unit in status.UnitStates.Where(u => u.State != UnitState.Done && u.State != UnitState.Queued))
        {
            var state = unit.Stalled == true
                ? $"stalled (no heartbeat{(unit.Worker is null ? string.Empty : " from " + unit.Worker)} for {unit.LastHeartbeat:0} s: the next worker to pull takes it)"
                : unit.State + (unit.Worker is null ? string.Empty : " on " + unit.Worker);
            output.WriteLine($"  unit {unit.Index} ({unit.UnitId[..Math.Min(12, unit.UnitId.Length)]}) frames {unit.Frames}: {state}, attempt {unit.Attempt}{(unit.Error is null ? string.Empty : ": " + unit.Error)}");
        }
    }
}
