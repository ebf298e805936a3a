using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Contracts.Deliverables;

/// <summary>One frame handed to a writer. The writer reads the pixels and must not keep them after the call.</summary>
public sealed record DeliverableFrame
{
    /// <summary>The pixels, framed and coloured.</summary>
    public required PlanarImage Image { get; init; }

    /// <summary>The output frame number.</summary>
    public required long FrameNumber { get; init; }

    /// <summary>The frame number in the source clip.</summary>
    public long SourceFrame { get; init; }

    /// <summary>The file name for this frame, for per-frame writers (resolved by the host from the naming pattern).</summary>
    public string? FileName { get; init; }

    /// <summary>The frame's timecode, when known.</summary>
    public Timecode? Timecode { get; init; }

    /// <summary>Per-frame metadata for headers.</summary>
    public FrameMetadata? Metadata { get; init; }
}
