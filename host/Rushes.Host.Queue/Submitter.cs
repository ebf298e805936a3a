using NATS.Client.JetStream;

namespace Rushes.Host.Queue;

/// <summary>A unit that a submission sent again, or left alone, and why.</summary>
public sealed record SubmittedUnit(int Index, string UnitId, string State, string Reason);

/// <summary>What a submission did with each unit: new messages (first submissions and resubmissions) and the units it left alone.</summary>
public sealed record SubmitResult(string JobId, string Queue, int Published, int Duplicates, int AlreadyDone, IReadOnlyList<SubmittedUnit> Resubmitted, IReadOnlyList<SubmittedUnit> Skipped);

/// <summary>
/// Publishes a job's units to its queue (docs/QUEUE.md, "Submitting"). The units bucket decides: a unit
/// with no record is published with its queue id as the message id (so JetStream drops a second submit
/// within its duplicate window); a unit that ended in a state of <c>retry</c> (failed, dead) is published
/// again with a message id of its queue id and its record's revision, which is new for every failure but
/// the same for two submits racing over one; units queued or running on this queue, and done units, are
/// left alone.
/// </summary>
public static class Submitter
{
    /// <summary>The states a submission sends again unless told otherwise: an operator resubmits after fixing what made units fail.</summary>
    public static IReadOnlyList<string> DefaultRetry { get; } = [UnitState.Failed, UnitState.Dead];

    public static async Task<SubmitResult> SubmitAsync(WorkQueue queue, string jobId, IReadOnlyList<QueuedUnit> units, IReadOnlyCollection<string> retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(retry);
        if (retry.FirstOrDefault(s => s is not (UnitState.Failed or UnitState.Dead)) is { } bad)
        {
            throw new ArgumentException($"Only failed and dead units can be submitted again, not '{bad}'.", nameof(retry));
        }

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

        int published = 0, duplicates = 0;
        var resubmitted = new List<SubmittedUnit>();
        var skipped = new List<SubmittedUnit>();
        foreach (var unit in units)
        {
            var entry = await queue.Units.GetEntryAsync(unit.JobId, unit.QueueId, cancellationToken);

            // Waiting or running on another queue: this queue's stream has not seen it (docs/QUEUE.md, "Idempotence").
            var elsewhere = entry is { Record.State: UnitState.Queued or UnitState.Running } && entry.Record.Queue != queue.Names.Queue;
            var earlier = elsewhere ? null : entry;
            if (earlier is not null && !retry.Contains(earlier.Record.State))
            {
                skipped.Add(new SubmittedUnit(unit.Index, unit.Id, earlier.Record.State, WhyLeftAlone(earlier.Record)));
                continue;
            }

            var messageId = earlier is null ? unit.QueueId : $"{unit.QueueId}-{earlier.Revision}";
            var ack = await queue.JetStream.PublishAsync(queue.Names.Subject, unit.ToBytes(), opts: new NatsJSPubOpts { MsgId = messageId }, cancellationToken: cancellationToken);
            if (ack.Duplicate)
            {
                // Its first message (queued, held by a worker, or answered) stands, and so does its record.
                duplicates++;
                skipped.Add(new SubmittedUnit(unit.Index, unit.Id, entry?.Record.State ?? UnitState.Queued, "duplicate: submitted moments ago (the stream's duplicate window)"));
                continue;
            }

            ack.EnsureSuccess();
            published++;
            if (earlier is not null)
            {
                resubmitted.Add(new SubmittedUnit(unit.Index, unit.Id, earlier.Record.State, earlier.Record.Error ?? earlier.Record.State));
            }

            // Only over the record read above: a worker that took the new message meanwhile wrote a newer one, which stands.
            await queue.Units.TryReplaceAsync(UnitRecord.Queued(unit, queue.Names.Queue), entry?.Revision ?? 0, cancellationToken);
        }

        return new SubmitResult(jobId, queue.Names.Queue, published, duplicates, skipped.Count(s => s.State == UnitState.Done), resubmitted, skipped);
    }

    private static string WhyLeftAlone(UnitRecord record) => record.State switch
    {
        UnitState.Done => "done: finished work is never run again",
        UnitState.Queued => "queued: its message waits on the queue",
        UnitState.Running => $"running{(record.Worker is null ? string.Empty : " on " + record.Worker)}: the server redelivers it if its worker dies",
        _ => $"{record.State}: not asked to retry {record.State} units (--retry)",
    };
}
