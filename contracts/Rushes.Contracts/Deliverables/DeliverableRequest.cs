using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;

namespace Rushes.Contracts.Deliverables;

/// <summary>Everything a writer needs to know before the first frame arrives.</summary>
public sealed record DeliverableRequest
{
    /// <summary>Where to write.</summary>
    public required IOutputTarget Output { get; init; }

    /// <summary>The file name for a multi-frame file (a movie); per-frame writers use each frame's <see cref="DeliverableFrame.FileName"/>.</summary>
    public required string FileName { get; init; }

    /// <summary>The option values, already checked against <see cref="IDeliverableType.Options"/>.</summary>
    public ParameterValues Options { get; init; } = ParameterValues.Empty;

    /// <summary>Width of the frames that will arrive.</summary>
    public required int Width { get; init; }

    /// <summary>Height of the frames that will arrive.</summary>
    public required int Height { get; init; }

    /// <summary>Width over height of one pixel.</summary>
    public double PixelAspectRatio { get; init; } = 1;

    /// <summary>The output frame numbers that will arrive, in order.</summary>
    public required FrameRange Frames { get; init; }

    /// <summary>The frame rate to label the output with.</summary>
    public required FrameRate FrameRate { get; init; }

    /// <summary>The timecode of the first output frame, when known.</summary>
    public Timecode? StartTimecode { get; init; }

    /// <summary>What the pixel values mean (for example <c>ACES2065-1</c> or <c>Rec.709</c>), so the file can be labelled.</summary>
    public required string ColourEncoding { get; init; }

    /// <summary>The source clip's metadata, for headers (camera, lens, reel).</summary>
    public ClipMetadata ClipMetadata { get; init; } = ClipMetadata.Empty;

    /// <summary>
    /// Free attributes for the file header: <c>owner</c>, <c>comments</c>, <c>amf-uuid</c>, <c>clip-name</c>, <c>reel</c>,
    /// <c>creation-time</c> (ISO 8601, for writers that stamp one, so reruns give the same bytes) and <c>sequence-length</c>
    /// (the whole sequence's frame count when <see cref="Frames"/> are a part of it, as in a work unit).
    /// </summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Sidecars to write next to the media.</summary>
    public IReadOnlyList<Sidecar> Sidecars { get; init; } = [];
}
