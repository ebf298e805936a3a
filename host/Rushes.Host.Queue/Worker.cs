using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using Rushes.Host.Render;

namespace Rushes.Host.Queue;

/// <summary>
/// A stateless worker: each slot fetches one unit, runs it with a heartbeat (AckProgress every
/// AckWait/3), acks it when done, and sorts failures (docs/QUEUE.md). <see cref="Stop"/> once stops
/// fetching and gives running units the grace period before releasing them; twice, releases at once.
/// </summary>
public sealed class Worker(WorkQueue queue, UnitRunner runner, WorkerOptions options, Action<WorkerEvent> report, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stopFetching = new();
    private readonly CancellationTokenSource _release = new();
    private int _stops;

    /// <summary>True after a second stop: the caller should exit with a failure code.</summary>
    public bool StoppedHard => Volatile.Read(ref _stops) > 1;

    /// <summary>Asks the worker to stop: the first call is graceful, the second is hard.</summary>
    public void Stop()
    {
        if (Interlocked.Increment(ref _stops) == 1)
        {
            logger.LogInformation("Stopping: no new units; running units have {Grace} to finish", options.Grace);
            _stopFetching.Cancel();
            _release.CancelAfter(options.Grace);
        }
        else
        {
            logger.LogWarning("Stopping now: running units are released");
            _stopFetching.Cancel();
            _release.Cancel();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(Stop);
        await using var dead = DeadLetters.Listen(queue, report, logger);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(_ => SlotAsync()));
    }

    public void Dispose()
    {
        _stopFetching.Dispose();
        _release.Dispose();
    }

    private async Task SlotAsync()
    {
        while (!_stopFetching.IsCancellationRequested)
        {
            INatsJSMsg<byte[]>? next;
            var fetching = Stopwatch.StartNew();
            try
            {
                // Not cancelled by a stop: a pull abandoned mid-way may leave a unit delivered to nobody until its ack wait ends.
                next = await queue.Consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = options.FetchWait }, cancellationToken: _release.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (next is not { } message)
            {
                if (options.UntilEmpty && await IsEmptyAsync())
                {
                    return;
                }

                continue;
            }

            if (_stopFetching.IsCancellationRequested)
            {
                await message.NakAsync(cancellationToken: CancellationToken.None);
                return;
            }

            await HandleAsync(message, fetching.Elapsed);
        }
    }

    private async Task<bool> IsEmptyAsync()
    {
        var stream = await queue.JetStream.GetStreamAsync(queue.Names.Stream);
        return stream.Info.State.Messages == 0;
    }

    private async Task HandleAsync(INatsJSMsg<byte[]> message, TimeSpan fetched)
    {
        var clock = Stopwatch.StartNew();
        var attempt = message.Metadata?.NumDelivered ?? 1;
        if (QueuedUnit.Parse(message.Data) is not { } unit)
        {
            logger.LogError("Message {Sequence} on {Subject} is not a unit; terminated", message.Metadata?.Sequence.Stream, message.Subject);
            await message.AckTerminateAsync();
            return;
        }

        var record = UnitRecord.Queued(unit, queue.Names.Queue) with { State = UnitState.Running, Worker = options.WorkerId, Attempt = attempt, FramesTotal = FrameCount.Of(unit.Frames) };
        await queue.Units.PutAsync(record);
        report(new WorkerEvent("running", unit, attempt));
        var progress = new UnitProgress(percent => report(new WorkerEvent("progress", unit, attempt, Percent: percent)));
        using var beating = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(message, record, progress, beating.Token);
        try
        {
            var runStarted = clock.Elapsed;
            var result = await runner(unit, progress, _release.Token);
            var run = clock.Elapsed - runStarted;
            await StopAsync(beating, heartbeat);
            await queue.Units.PutAsync(record with
            {
                State = UnitState.Done,
                FramesDone = record.FramesTotal,
                Updated = DateTimeOffset.UtcNow,
                Reused = result.Reused,
                Seconds = result.Seconds,
                Files = result.Deliverables.SelectMany(d => d.Files).ToDictionary(f => f.Path, f => f.Xxh128, StringComparer.Ordinal),
            });

            // Recorded done first: a worker that dies between the two leaves a unit that a rerun finds complete.
            await message.AckAsync(new AckOpts { DoubleAck = true });
            report(new WorkerEvent("done", unit, attempt, result.Reused ? "already complete" : null)
            {
                Timing = new UnitTiming(Math.Round(fetched.TotalMilliseconds, 1), Math.Round((clock.Elapsed - run).TotalMilliseconds, 1), Math.Round(run.TotalMilliseconds, 1)),
            });
        }
        catch (Exception ex)
        {
            await StopAsync(beating, heartbeat);
            await FailAsync(message, unit, record with { FramesDone = progress.Done }, attempt, ex);
        }
    }

    private async Task FailAsync(INatsJSMsg<byte[]> message, QueuedUnit unit, UnitRecord record, ulong attempt, Exception ex)
    {
        var now = DateTimeOffset.UtcNow;
        if (ex is OperationCanceledException && _release.IsCancellationRequested)
        {
            // Stopping: hand the unit back now rather than after the ack wait. Its staging stays for whoever runs it next.
            await message.NakAsync();
            await queue.Units.PutAsync(record with { State = UnitState.Queued, Worker = null, Updated = now, Error = $"released by {options.WorkerId} on shutdown" });
            report(new WorkerEvent("released", unit, attempt));
            return;
        }

        var failure = Failures.Sort(ex);
        var failed = record with { Updated = now, Failure = Failures.Name(failure), Error = ex.Message };
        logger.LogWarning("Unit {Unit} ({Index}) attempt {Attempt}: {Failure} failure: {Message}", unit.Id, unit.Index, attempt, failed.Failure, ex.Message);
        if (failure == FailureClass.Deterministic)
        {
            await queue.Units.PutAsync(failed with { State = UnitState.Failed });
            await message.AckTerminateAsync();
            report(new WorkerEvent("failed", unit, attempt, ex.Message));
        }
        else if (attempt >= (ulong)queue.Settings.MaxDeliver)
        {
            await DeadLetters.BuryAsync(queue, unit, failed, CancellationToken.None);
            await message.AckTerminateAsync();
            report(new WorkerEvent("dead", unit, attempt, ex.Message));
        }
        else if (failure == FailureClass.Transient)
        {
            var delay = queue.Settings.RetryDelay(attempt);
            await queue.Units.PutAsync(failed with { State = UnitState.Queued, Worker = null });
            await message.NakAsync(new AckOpts { NakDelay = delay });
            report(new WorkerEvent("retry", unit, attempt, $"in {delay.TotalSeconds:0.#} s: {ex.Message}"));
        }
        else
        {
            // As a crash: no answer; the server redelivers the unit when its ack wait ends.
            logger.LogError(ex, "Unit {Unit} crashed", unit.Id);
            await queue.Units.PutAsync(failed with { State = UnitState.Queued, Worker = null });
            report(new WorkerEvent("crashed", unit, attempt, ex.Message));
        }
    }

    /// <summary>Until stopped: AckProgress and the unit's record every AckWait/3, its progress on the subject more often.</summary>
    private async Task HeartbeatAsync(INatsJSMsg<byte[]> message, UnitRecord record, UnitProgress progress, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromMilliseconds(Math.Min(500, queue.Settings.Heartbeat.TotalMilliseconds));
        var lastBeat = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = DateTimeOffset.UtcNow;
                var current = record with { FramesDone = progress.Done, FramesTotal = progress.Total > 0 ? progress.Total : record.FramesTotal, Updated = now };
                if (now - lastBeat >= queue.Settings.Heartbeat)
                {
                    lastBeat = now;
                    await message.AckProgressAsync(cancellationToken: cancellationToken);
                    await queue.Units.PutAsync(current, cancellationToken);
                }
                else
                {
                    await queue.Units.PublishAsync(current, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is NatsJSException or NATS.Client.Core.NatsException)
        {
            // A lost heartbeat costs at worst a redelivery, which the unit store makes harmless.
            logger.LogWarning("Heartbeat of unit {Unit} failed: {Message}", record.UnitId, ex.Message);
        }
    }

    private static async Task StopAsync(CancellationTokenSource beating, Task heartbeat)
    {
        await beating.CancelAsync();
        await heartbeat;
    }
}
