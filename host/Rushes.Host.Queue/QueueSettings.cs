namespace Rushes.Host.Queue;

/// <summary>How long a worker holds a unit without a heartbeat, and how often a unit is tried.</summary>
public sealed record QueueSettings
{
    /// <summary>Defaults for units that take minutes: a worker's heartbeat (every AckWait/3) keeps its unit; a dead worker's unit returns within a minute.</summary>
    public static QueueSettings Default { get; } = new() { AckWait = TimeSpan.FromSeconds(60), MaxDeliver = 5 };

    /// <summary>Time the server waits for an ack or a heartbeat before it hands the unit to another worker.</summary>
    public required TimeSpan AckWait { get; init; }

    /// <summary>Deliveries before a unit is dead.</summary>
    public required int MaxDeliver { get; init; }

    /// <summary>How often a worker tells the server it still works on its unit.</summary>
    public TimeSpan Heartbeat => AckWait / 3;

    /// <summary>
    /// Redelivery delays after an expired AckWait: AckWait, then doubling. The server uses the first as
    /// the ack wait and wants fewer entries than MaxDeliver (nats-server consumer config checks).
    /// </summary>
    public IReadOnlyList<TimeSpan> Backoff()
        => [.. Enumerable.Range(0, Math.Clamp(MaxDeliver - 1, 0, 4)).Select(i => AckWait * (1 << i))];

    /// <summary>The delay of a nak after a transient failure on delivery <paramref name="attempt"/>: short, doubling, at most AckWait.</summary>
    public TimeSpan RetryDelay(ulong attempt)
        => TimeSpan.FromSeconds(Math.Min(AckWait.TotalSeconds, Math.Pow(2, Math.Min(attempt, 16))));

    /// <summary>Checks values from the command line.</summary>
    public void Validate()
    {
        if (AckWait < TimeSpan.FromSeconds(1) || AckWait > TimeSpan.FromHours(12))
        {
            throw new ArgumentOutOfRangeException(nameof(AckWait), AckWait, "AckWait must be between 1 s and 12 h.");
        }

        if (MaxDeliver is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDeliver), MaxDeliver, "MaxDeliver must be between 1 and 100.");
        }
    }
}
