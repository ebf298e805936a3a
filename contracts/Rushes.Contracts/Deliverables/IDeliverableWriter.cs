namespace Rushes.Contracts.Deliverables;

/// <summary>
/// Writes one deliverable. Frames arrive one call at a time in ascending order. Nothing is final
/// until <see cref="Complete"/>; disposing a writer that did not complete discards its temporaries.
/// </summary>
public interface IDeliverableWriter : IDisposable
{
    /// <summary>Writes (or queues) one frame.</summary>
    void WriteFrame(DeliverableFrame frame, CancellationToken cancellationToken = default);

    /// <summary>Finishes, commits every file atomically with its sidecars, and lists what was written.</summary>
    IReadOnlyList<WrittenFile> Complete(CancellationToken cancellationToken = default);
}
