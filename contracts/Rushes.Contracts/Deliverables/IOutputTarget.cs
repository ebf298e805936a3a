namespace Rushes.Contracts.Deliverables;

/// <summary>
/// Where a deliverable writes, provided by the host. Every file is written under a temporary name
/// and renamed into place only when committed, so that a killed job never leaves a partial file.
/// </summary>
public interface IOutputTarget
{
    /// <summary>The folder committed files land in, as a full path.</summary>
    string Directory { get; }

    /// <summary>Starts a file at a path relative to <see cref="Directory"/> (folders are made as needed).</summary>
    IOutputFile Create(string relativePath);

    /// <summary>True when a committed file already exists at the path (for resuming a killed job).</summary>
    bool Exists(string relativePath);
}
