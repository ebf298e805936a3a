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

    [JsonPropertyName("running")]
    public int Running { get; init; }

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

    /// <summary>True when no unit is queued or running.</summary>
    [JsonPropertyName("finished")]
    public bool Finished => Units > 0 && Queued == 0 && Running == 0;

    [JsonPropertyName("unitStates")]
    public IReadOnlyList<UnitRecord> UnitStates { get; init; } = [];

    /// <summary>Reads the units bucket: one job's units, or without a job every unit of the queue.</summary>
    public static async Task<JobStatus> ReadAsync(WorkQueue queue, string? jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var records = (await queue.Units.ListAsync(jobId, cancellationToken)).Where(r => jobId is not null || r.Queue == queue.Names.Queue).OrderBy(r => r.JobId, StringComparer.Ordinal).ThenBy(r => r.Index).ToList();
        int Count(string state) => records.Count(r => r.State == state);
        return new JobStatus
        {
            JobId = jobId,
            Units = records.Count,
            Queued = Count(UnitState.Queued),
            Running = Count(UnitState.Running),
            Done = Count(UnitState.Done),
            Failed = Count(UnitState.Failed),
            Dead = Count(UnitState.Dead),
            FramesDone = records.Sum(r => r.State == UnitState.Done ? FrameCount.Of(r.Frames) : r.State == UnitState.Running ? r.FramesDone : 0),
            FramesTotal = records.Sum(r => FrameCount.Of(r.Frames)),
            UnitStates = records,
        };
    }
}
