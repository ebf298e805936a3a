using Rushes.Contracts.Time;

namespace Rushes.Contracts.Deliverables;

/// <summary>A file a deliverable committed.</summary>
public sealed record WrittenFile
{
    /// <summary>Its path relative to the target folder.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Its size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The output frames it holds; null for a sidecar.</summary>
    public FrameRange? Frames { get; init; }

    /// <summary><c>media</c> or a sidecar kind.</summary>
    public string Kind { get; init; } = "media";
}
