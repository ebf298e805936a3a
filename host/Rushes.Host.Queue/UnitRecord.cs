using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Queue;

/// <summary>The states a unit goes through, as the units bucket records them.</summary>
public static class UnitState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";

    /// <summary>A deterministic failure (bad media, unsupported camera, bad spec): terminated, not retried.</summary>
    public const string Failed = "failed";

    /// <summary>Every delivery used and still failing: a dead letter.</summary>
    public const string Dead = "dead";

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Done, Failed, Dead];

    /// <summary>True for states no worker will change.</summary>
    public static bool IsFinal(string state) => state is Done or Failed or Dead;
}

/// <summary>A unit's last state, the value under <c>JOB.UNIT</c> in the units bucket.</summary>
public sealed record UnitRecord
{
    [JsonPropertyName("jobId")]
    public required string JobId { get; init; }

    /// <summary>The render's unit id.</summary>
    [JsonPropertyName("unitId")]
    public required string UnitId { get; init; }

    /// <summary>The unit's id on the queue (its key in the bucket, after the job's).</summary>
    [JsonPropertyName("queueId")]
    public required string QueueId { get; init; }

    [JsonPropertyName("index")]
    public int Index { get; init; }

    [JsonPropertyName("queue")]
    public required string Queue { get; init; }

    [JsonPropertyName("frames")]
    public required string Frames { get; init; }

    /// <summary>One of <see cref="UnitState"/>.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    [JsonPropertyName("worker")]
    public string? Worker { get; init; }

    /// <summary>The delivery this state belongs to (1 for the first).</summary>
    [JsonPropertyName("attempt")]
    public ulong Attempt { get; init; }

    [JsonPropertyName("framesDone")]
    public long FramesDone { get; init; }

    [JsonPropertyName("framesTotal")]
    public long FramesTotal { get; init; }

    /// <summary>When the worker last said it was alive (running units).</summary>
    [JsonPropertyName("updated")]
    public DateTimeOffset Updated { get; init; }

    /// <summary>The last failure's class (<c>transient</c>, <c>deterministic</c>, <c>crash</c>) and message.</summary>
    [JsonPropertyName("failure")]
    public string? Failure { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>True when the unit was already complete in its output folder and nothing was rendered.</summary>
    [JsonPropertyName("reused")]
    public bool Reused { get; init; }

    /// <summary>The delivered files (relative to the output folder) and their xxh128, for done units.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyDictionary<string, string>? Files { get; init; }

    [JsonPropertyName("seconds")]
    public double? Seconds { get; init; }

    /// <summary>Status only, never stored: seconds since the worker of a running unit last wrote its record.</summary>
    [JsonPropertyName("lastHeartbeat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LastHeartbeat { get; init; }

    /// <summary>
    /// Status only, never stored: true for a running unit whose worker has not written its record for longer
    /// than the queue's ack wait (a live worker writes it every third of it), so the worker is gone and the
    /// server hands the unit to the next worker that pulls.
    /// </summary>
    [JsonPropertyName("stalled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Stalled { get; init; }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, QueueJson.Options);

    public static UnitRecord? Parse(ReadOnlySpan<byte> value)
    {
        try
        {
            return value.IsEmpty ? null : JsonSerializer.Deserialize<UnitRecord>(value, QueueJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static UnitRecord Queued(QueuedUnit unit, string queue) => new()
    {
        JobId = unit.JobId,
        UnitId = unit.Id,
        QueueId = unit.QueueId,
        Index = unit.Index,
        Queue = queue,
        Frames = unit.Frames,
        State = UnitState.Queued,
        Updated = DateTimeOffset.UtcNow,
    };
}
