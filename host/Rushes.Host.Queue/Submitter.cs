using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace Rushes.Host.Queue;

/// <summary>What a submission did with each unit.</summary>
public sealed record SubmitResult(string JobId, string Queue, int Published, int Duplicates, int AlreadyDone);

/// <summary>
/// Publishes a job's units to its queue. The message id is the unit id, so JetStream drops a unit
/// submitted again while it is still in the duplicate window; a unit recorded done is not sent again.
/// </summary>
public static class Submitter
{
    public static async Task<SubmitResult> SubmitAsync(WorkQueue queue, string jobId, IReadOnlyList<QueuedUnit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(units);
        int published = 0, duplicates = 0, done = 0;
        await queue.Jobs.PutAsync(
            jobId,
            new JobRecord
            {
                JobId = jobId,
                Queue = queue.Names.Queue,
                Units = units.Count,
                Frames = units.Sum(u => FrameCount.Of(u.Frames)),
                Output = units.Count > 0 ? Path.GetFullPath(units[0].Job.Output) : null,
                Submitted = DateTimeOffset.UtcNow,
            }.ToBytes(),
            cancellationToken: cancellationToken);

        foreach (var unit in units)
        {
            var existing = await queue.Units.GetAsync(unit.JobId, unit.QueueId, cancellationToken);
            if (existing?.State == UnitState.Done)
            {
                done++;
                continue;
            }

            var ack = await queue.JetStream.PublishAsync(queue.Names.Subject, unit.ToBytes(), opts: new NatsJSPubOpts { MsgId = unit.QueueId }, cancellationToken: cancellationToken);
            if (ack.Duplicate)
            {
                duplicates++;
            }
            else
            {
                ack.EnsureSuccess();
                published++;
            }

            // A duplicate changes nothing: its first message (queued, held by a worker, or answered) stands.
            if (!ack.Duplicate)
            {
                await queue.Units.PutAsync(UnitRecord.Queued(unit, queue.Names.Queue), cancellationToken);
            }
        }

        return new SubmitResult(jobId, queue.Names.Queue, published, duplicates, done);
    }
}
