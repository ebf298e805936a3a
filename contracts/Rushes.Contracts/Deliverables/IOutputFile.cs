namespace Rushes.Contracts.Deliverables;

/// <summary>
/// A file being written. Nothing is visible at <see cref="RelativePath"/> until <see cref="Commit"/>;
/// disposing an uncommitted file deletes its temporary.
/// </summary>
public interface IOutputFile : IDisposable
{
    /// <summary>The path it will have, relative to the target's folder.</summary>
    string RelativePath { get; }

    /// <summary>The full path of the temporary, for tools that write files themselves (ffmpeg).</summary>
    string TemporaryPath { get; }

    /// <summary>A writable stream over the temporary, opened on first use.</summary>
    Stream Stream { get; }

    /// <summary>Flushes to disk and renames the temporary into place atomically; returns the committed size in bytes.</summary>
    long Commit();
}
