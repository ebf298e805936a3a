namespace Rushes.Host.Queue;

public sealed record WorkerOptions
{
    /// <summary>Units run at once, each fetched alone (units are CPU-bound; one a slot keeps the rest for other workers).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>How long a stopping worker lets its units finish before it releases them.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one fetch waits for a unit.</summary>
    public TimeSpan FetchWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Exit once a fetch finds nothing and the stream holds no unit (a batch run: benchmarks, indexed jobs).</summary>
    public bool UntilEmpty { get; init; }

    /// <summary>The name this worker records in the units it runs.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}

/// <summary>Something a worker did with a unit, for its log, its <c>--json</c> lines and OpenJD's.</summary>
/// <param name="Event">running, progress, done, retry, failed, dead, released, crashed.</param>
/// <param name="Unit">The unit, when the message was one.</param>
/// <param name="Attempt">Its delivery, 1 for the first.</param>
/// <param name="Message">What went wrong, for failures.</param>
/// <param name="Percent">The unit's frames done, for progress.</param>
public sealed record WorkerEvent(string Event, QueuedUnit? Unit, ulong Attempt, string? Message = null, double? Percent = null)
{
    /// <summary>On <c>done</c>: where the unit's time went, to measure the queue's cost against the work's.</summary>
    public UnitTiming? Timing { get; init; }
}

/// <summary>
/// A finished unit's time in milliseconds: <paramref name="FetchMs"/> the pull that brought it (idle waiting included
/// when the queue was empty), <paramref name="QueueMs"/> the worker's bookkeeping on the server around the run (the
/// running and done records, the ack), and <paramref name="RunMs"/> the run itself.
/// </summary>
public sealed record UnitTiming(double FetchMs, double QueueMs, double RunMs);
