using System.Text.Json.Serialization;

namespace Rushes.Host.Queue;

/// <summary>Units by state, and frames done, for one job or every job on the server.</summary>
public sealed record JobStatus
{
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    [JsonPropertyName("units")]
    public int Units { get; init; }

    [JsonPropertyName("queued")]
    public int Queued { get; init; }

    /// <summary>Running units whose worker still beats.</summary>
    [JsonPropertyName("running")]
    public int Running { get; init; }

    /// <summary>Units recorded running whose worker has not beaten for longer than the ack wait: gone, awaiting redelivery.</summary>
    [JsonPropertyName("stalled")]
    public int Stalled { get; init; }

    [JsonPropertyName("done")]
    public int Done { get; init; }

    [JsonPropertyName("failed")]
    public int Failed { get; init; }

    [JsonPropertyName("dead")]
    public int Dead { get; init; }

    [JsonPropertyName("framesDone")]
    public long FramesDone { get; init; }

    [JsonPropertyName("framesTotal")]
    public long FramesTotal { get; init; }

    /// <summary>Frames done out of all frames, in percent.</summary>
    [JsonPropertyName("percent")]
    public double Percent => FramesTotal == 0 ? 0 : Math.Round(100.0 * FramesDone / FramesTotal, 1);

    /// <summary>True when no unit is queued, running or stalled.</summary>
    [JsonPropertyName("finished")]
    public bool Finished => Units > 0 && Queued == 0 && Running == 0 && Stalled == 0;

    [JsonPropertyName("unitStates")]
    public IReadOnlyList<UnitRecord> UnitStates { get; init; } = [];

    /// <summary>
    /// Reads the units bucket: one job's units, or without a job every unit of the queue. A running unit's
    /// record older than its queue's ack wait (the consumer's, as the server holds it) is stalled.
    /// </summary>
    public static async Task<JobStatus> ReadAsync(WorkQueue queue, string? jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var listed = (await queue.Units.ListAsync(jobId, cancellationToken)).Where(r => jobId is not null || r.Queue == queue.Names.Queue).ToList();

        // A job's units may run on any queue: each running unit is judged by its own queue's ack wait.
        var ackWaits = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var name in listed.Where(r => r.State == UnitState.Running).Select(r => r.Queue).Distinct(StringComparer.Ordinal))
        {
            ackWaits[name] = ((await queue.SettingsOfAsync(name, cancellationToken)) ?? QueueSettings.Default).AckWait;
        }

        var now = DateTimeOffset.UtcNow;
        var records = listed
            .Select(r => r.State == UnitState.Running ? Heartbeat(r, now, ackWaits[r.Queue]) : r)
            .OrderBy(r => r.JobId, StringComparer.Ordinal).ThenBy(r => r.Index).ToList();
        int Count(string state) => records.Count(r => r.State == state && r.Stalled != true);
        return new JobStatus
        {
            JobId = jobId,
            Units = records.Count,
            Queued = Count(UnitState.Queued),
            Running = Count(UnitState.Running),
            Stalled = records.Count(r => r.Stalled == true),
            Done = Count(UnitState.Done),
            Failed = Count(UnitState.Failed),
            Dead = Count(UnitState.Dead),
            FramesDone = records.Sum(r => r.State == UnitState.Done ? FrameCount.Of(r.Frames) : r.State == UnitState.Running ? r.FramesDone : 0),
            FramesTotal = records.Sum(r => FrameCount.Of(r.Frames)),
            UnitStates = records,
        };
    }

    /// <summary>A running record with the age of its worker's last write, stalled past the ack wait.</summary>
    public static UnitRecord Heartbeat(UnitRecord record, DateTimeOffset now, TimeSpan ackWait)
    {
        ArgumentNullException.ThrowIfNull(record);
        var age = now - record.Updated;
        return record with { LastHeartbeat = Math.Round(Math.Max(0, age.TotalSeconds), 1), Stalled = age > ackWait };
    }
}
