using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rushes.Host.Queue;
using Rushes.Host.Render;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes worker</c>: a stateless worker that runs a queue's units, as <c>rushes render --job</c> would (docs/QUEUE.md).</summary>
public static class WorkerCommand
{
    /// <summary>The command's name: the CLI leaves its signals to it.</summary>
    public const string Name = "worker";

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = new Option<bool>("--json") { Description = "One JSON object a line on stdout for each thing the worker does." };
        var nats = QueueOptions.Nats();
        var queue = QueueOptions.Queue();
        var ackWait = QueueOptions.AckWait();
        var maxDeliver = QueueOptions.MaxDeliver();
        var concurrency = new Option<int>("--concurrency") { Description = "Units run at once.", DefaultValueFactory = _ => 1 };
        var grace = new Option<double>("--grace") { Description = "Seconds a stopping worker (SIGTERM) lets its units finish before it releases them.", DefaultValueFactory = _ => 30 };
        var openjd = new Option<bool>("--openjd") { Description = "Print openjd_progress: and openjd_status: lines (Open Job Description) on stdout." };
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit once the queue holds no unit, instead of waiting for more." };
        var command = new Command(Name, "Run a queue's units one at a time per slot, with heartbeats, until SIGTERM (finish or release the unit; a second signal stops at once).")
        {
            nats, queue, concurrency, ackWait, maxDeliver, grace, openjd, untilEmpty, json,
        };
        command.SetAction(run(async context =>
        {
            var p = context.ParseResult;
            var slots = p.GetValue(concurrency);
            if (slots is < 1 or > 64)
            {
                throw new CliException(ExitCodes.Usage, $"--concurrency {slots} is out of range.", field: "--concurrency", expected: "1 to 64");
            }

            var services = RenderCommand.Services(context);
            var logger = context.Get<ILoggerFactory>().CreateLogger("rushes.worker");
            await using var workQueue = await QueueOptions.OpenAsync(p.GetValue(nats)!, p.GetValue(queue)!, QueueOptions.Settings(p, ackWait, maxDeliver), context.CancellationToken);
            var options = new WorkerOptions
            {
                Concurrency = slots,
                Grace = TimeSpan.FromSeconds(Math.Max(0, p.GetValue(grace))),
                UntilEmpty = p.GetValue(untilEmpty),
            };
            var printer = new EventPrinter(context.Out, p.GetValue(json), p.GetValue(openjd));
            using var worker = new Worker(workQueue, (unit, progress, token) => new RenderRunner(services).RunAsync(unit.Job, progress, token), options, printer.Print, logger);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            logger.LogInformation("Worker {Worker} on queue {Queue}: {Slots} slots, ack wait {AckWait}, max deliver {MaxDeliver}", options.WorkerId, workQueue.Names.Queue, slots, workQueue.Settings.AckWait, workQueue.Settings.MaxDeliver);
            await worker.RunAsync(context.CancellationToken);
            return worker.StoppedHard ? ExitCodes.Cancelled : ExitCodes.Ok;

            void Stop(PosixSignalContext signal)
            {
                // The worker, not the runtime, decides when to exit: after its units finish or are released.
                signal.Cancel = true;
                worker.Stop();
            }
        }));
        return command;
    }

    /// <summary>Writes worker events as text, JSON lines, or OpenJD's progress and status lines.</summary>
    private sealed class EventPrinter(TextWriter output, bool json, bool openjd)
    {
        private readonly Lock _gate = new();

        public void Print(WorkerEvent e)
        {
            lock (_gate)
            {
                if (json)
                {
                    output.WriteLine(new JsonObject
                    {
                        ["event"] = e.Event,
                        ["jobId"] = e.Unit?.JobId,
                        ["unit"] = e.Unit?.Id,
                        ["index"] = e.Unit?.Index,
                        ["frames"] = e.Unit?.Frames,
                        ["attempt"] = e.Attempt,
                        ["message"] = e.Message,
                        ["percent"] = e.Percent,
                        ["fetchMs"] = e.Timing?.FetchMs,
                        ["queueMs"] = e.Timing?.QueueMs,
                        ["runMs"] = e.Timing?.RunMs,
                    }.ToJsonString());
                }

                if (openjd)
                {
                    // Open Job Description's stdout protocol: a percentage, and a one-line status.
                    output.WriteLine(e.Event == "progress"
                        ? string.Create(CultureInfo.InvariantCulture, $"openjd_progress: {e.Percent:0}")
                        : $"openjd_status: {Describe(e)}");
                }
                else if (!json && e.Event != "progress")
                {
                    output.WriteLine(Describe(e));
                }

                output.Flush();
            }
        }

        private static string Describe(WorkerEvent e)
            => e.Unit is { } unit
                ? $"unit {unit.Index} ({unit.Id[..Math.Min(12, unit.Id.Length)]}) frames {unit.Frames}: {e.Event}, attempt {e.Attempt}{(e.Message is null ? string.Empty : ": " + e.Message)}"
                : $"{e.Event}{(e.Message is null ? string.Empty : ": " + e.Message)}";
    }
}
