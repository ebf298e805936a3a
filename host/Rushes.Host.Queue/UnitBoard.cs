using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace Rushes.Host.Queue;

/// <summary>
/// Each unit's last state in the units bucket, and its progress on <c>rushes.progress.QUEUE.UNIT</c>
/// (fire and forget: a watcher that misses one sees the next, and the bucket keeps the last).
/// </summary>
public sealed class UnitBoard(INatsKVStore bucket, NatsConnection connection, QueueNames names)
{
    public async Task PutAsync(UnitRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await bucket.PutAsync(QueueNames.UnitKey(record.JobId, record.QueueId), record.ToBytes(), cancellationToken: cancellationToken);
        await PublishAsync(record, cancellationToken);
    }

    /// <summary>Publishes progress without touching the bucket (frames in between heartbeats).</summary>
    public async Task PublishAsync(UnitRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await connection.PublishAsync(names.Progress(record.UnitId), JsonSerializer.SerializeToUtf8Bytes(record, QueueJson.Options), cancellationToken: cancellationToken);
    }

    public async Task<UnitRecord?> GetAsync(string jobId, string queueId, CancellationToken cancellationToken = default)
        => (await GetEntryAsync(jobId, queueId, cancellationToken))?.Record;

    /// <summary>A unit's record with its revision in the bucket, or null when it has none.</summary>
    public async Task<UnitEntry?> GetEntryAsync(string jobId, string queueId, CancellationToken cancellationToken = default)
    {
        var entry = await bucket.TryGetEntryAsync<byte[]>(QueueNames.UnitKey(jobId, queueId), cancellationToken: cancellationToken);
        return entry.Success && entry.Value.Value is { } value && UnitRecord.Parse(value) is { } record ? new UnitEntry(record, entry.Value.Revision) : null;
    }

    /// <summary>
    /// Writes the record only if the unit's entry is still at <paramref name="revision"/> (0: only if it has
    /// none), so a submitter never overwrites what a worker wrote meanwhile. False when it changed.
    /// </summary>
    public async Task<bool> TryReplaceAsync(UnitRecord record, ulong revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = QueueNames.UnitKey(record.JobId, record.QueueId);
        var written = revision == 0
            ? await bucket.TryCreateAsync(key, record.ToBytes(), cancellationToken: cancellationToken)
            : await bucket.TryUpdateAsync(key, record.ToBytes(), revision, cancellationToken: cancellationToken);
        if (!written.Success)
        {
            return false;
        }

        await PublishAsync(record, cancellationToken);
        return true;
    }

    /// <summary>Every unit's record (of one job when <paramref name="jobId"/> is given).</summary>
    public async Task<List<UnitRecord>> ListAsync(string? jobId, CancellationToken cancellationToken = default)
    {
        var records = new List<UnitRecord>();
        var filter = jobId is null ? ">" : $"{jobId}.*";
        try
        {
            await foreach (var key in bucket.GetKeysAsync([filter], cancellationToken: cancellationToken))
            {
                var entry = await bucket.TryGetEntryAsync<byte[]>(key, cancellationToken: cancellationToken);
                if (entry.Success && entry.Value.Value is { } value && UnitRecord.Parse(value) is { } record)
                {
                    records.Add(record);
                }
            }
        }
        catch (NatsKVException)
        {
            // An empty bucket.
        }

        return records;
    }
}

/// <summary>A unit's record as the bucket holds it, and the entry's revision (which changes with every write).</summary>
public sealed record UnitEntry(UnitRecord Record, ulong Revision);
