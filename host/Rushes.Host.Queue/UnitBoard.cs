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
    {
        var entry = await bucket.TryGetEntryAsync<byte[]>(QueueNames.UnitKey(jobId, queueId), cancellationToken: cancellationToken);
        return entry.Success && entry.Value.Value is { } value ? UnitRecord.Parse(value) : null;
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
