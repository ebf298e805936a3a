using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Rushes.Host.Queue;

/// <summary>
/// Units that used every delivery. A worker that sees its unit fail on the last delivery buries it
/// itself; a unit whose workers all died (a crash loop) is found through the server's MAX_DELIVERIES
/// advisory, kept in the queue's advisory stream until one worker of the queue has turned it into
/// the same dead letter.
/// </summary>
public static class DeadLetters
{
    /// <summary>Records the unit dead and keeps a dead letter (the unit and its last record) on <c>rushes.dead.QUEUE</c>.</summary>
    public static async Task BuryAsync(WorkQueue queue, QueuedUnit unit, UnitRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(unit);
        var dead = record with { State = UnitState.Dead, Worker = null, Updated = DateTimeOffset.UtcNow };
        await queue.Units.PutAsync(dead, cancellationToken);
        var letter = new JsonObject
        {
            ["unit"] = JsonSerializer.SerializeToNode(unit, QueueJson.Options),
            ["record"] = JsonSerializer.SerializeToNode(dead, QueueJson.Options),
        };
        var ack = await queue.JetStream.PublishAsync(queue.Names.DeadSubject, JsonSerializer.SerializeToUtf8Bytes(letter), cancellationToken: cancellationToken);
        ack.EnsureSuccess();
    }

    /// <summary>Takes the queue's kept advisories, one worker each, until disposed.</summary>
    public static IAsyncDisposable Listen(WorkQueue queue, Action<WorkerEvent> report, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var stop = new CancellationTokenSource();
        var reader = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var advisory in queue.Advisories.ConsumeAsync<byte[]>(cancellationToken: stop.Token))
                    {
                        try
                        {
                            await OnAdvisoryAsync(queue, advisory.Data, report);
                            await advisory.AckAsync(cancellationToken: CancellationToken.None);
                        }
                        catch (Exception ex) when (ex is NatsException or JsonException or InvalidOperationException)
                        {
                            // Kept: another worker (or this one, later) tries again after the consumer's ack wait.
                            logger.LogError("A max-deliveries advisory could not be handled: {Message}", ex.Message);
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (NatsException ex)
                {
                    // The advisories stay in their stream for the queue's other workers, and for this one's next start.
                    logger.LogError("This worker stopped taking max-deliveries advisories: {Message}", ex.Message);
                }
            },
            CancellationToken.None);
        return new Listener(stop, reader);
    }

    private static async Task OnAdvisoryAsync(WorkQueue queue, byte[]? data, Action<WorkerEvent> report)
    {
        // The advisory (io.nats.jetstream.advisory.v1.max_deliver) names the message by its stream sequence.
        if (data is null || JsonNode.Parse(data)?["stream_seq"]?.GetValue<ulong>() is not { } sequence)
        {
            return;
        }

        StreamMsgGetResponse stored;
        try
        {
            stored = await queue.JetStream.JSRequestResponseAsync<StreamMsgGetRequest, StreamMsgGetResponse>($"$JS.API.STREAM.MSG.GET.{queue.Names.Stream}", new StreamMsgGetRequest { Seq = sequence });
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return; // Acked or buried by its last worker meanwhile.
        }

        if (QueuedUnit.Parse(stored.Message.Data.Span) is { } unit)
        {
            var record = await queue.Units.GetAsync(unit.JobId, unit.QueueId) ?? UnitRecord.Queued(unit, queue.Names.Queue);
            if (!UnitState.IsFinal(record.State))
            {
                await BuryAsync(queue, unit, record with { Attempt = (ulong)queue.Settings.MaxDeliver, Failure = "crash", Error = $"no worker finished it in {queue.Settings.MaxDeliver} deliveries" }, CancellationToken.None);
                report(new WorkerEvent("dead", unit, (ulong)queue.Settings.MaxDeliver, "max deliveries"));
            }
        }

        // A work-queue stream keeps a message that used its deliveries; the dead letter holds it now.
        await queue.JetStream.DeleteMessageAsync(queue.Names.Stream, new StreamMsgDeleteRequest { Seq = sequence });
    }

    private sealed class Listener(CancellationTokenSource stop, Task reader) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await reader;
            stop.Dispose();
        }
    }
}
