using Rushes.Contracts.Time;

namespace Rushes.Contracts.Metadata;

/// <summary>Metadata that changes from frame to frame: timecode, lens tracking, exposure.</summary>
public sealed record FrameMetadata
{
    /// <summary>The frame number within the clip.</summary>
    public required long Frame { get; init; }

    /// <summary>The frame's timecode, when the source carries one.</summary>
    public Timecode? Timecode { get; init; }

    /// <summary>Per-frame values: normalized keys where they apply, vendor keys otherwise.</summary>
    public MetadataSet Values { get; init; } = MetadataSet.Empty;
}
