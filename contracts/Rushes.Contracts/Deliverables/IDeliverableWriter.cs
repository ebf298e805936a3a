namespace Rushes.Contracts.Deliverables;

/// <summary>
/// Writes one deliverable. Frames arrive one call at a time in ascending order. Every file is
/// committed atomically through <see cref="IOutputTarget"/>: a per-frame writer may commit each
/// frame's file as soon as it is whole, a movie writer commits in <see cref="Complete"/>. Disposing a
/// writer that did not complete discards its uncommitted temporaries.
/// </summary>
public interface IDeliverableWriter : IDisposable
{
    /// <summary>Writes (or queues) one frame.</summary>
    void WriteFrame(DeliverableFrame frame, CancellationToken cancellationToken = default);

    /// <summary>Finishes, commits every file atomically with its sidecars, and lists what was written.</summary>
    IReadOnlyList<WrittenFile> Complete(CancellationToken cancellationToken = default);
}
