using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Time;
using Rushes.Host.Clips;
using Rushes.Host.Render.Colour;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Render.Planning;

/// <summary>
/// Everything a render decided before decoding a frame: the open clip, the frames, the spec and its
/// deliverables resolved against the plugins, the framing and colour planners, and the unit's id.
/// </summary>
public sealed class RenderPlan : IDisposable
{
    public required RenderJob Job { get; init; }

    public required DiscoveredClip Clip { get; init; }

    public required IClipReader Reader { get; init; }

    /// <summary>The source frames rendered, handles included.</summary>
    public required FrameRange Frames { get; init; }

    /// <summary>The whole sequence <see cref="Frames"/> are part of: the pull of a chunked unit, else <see cref="Frames"/>.</summary>
    public required FrameRange Sequence { get; init; }

    public required DecodeRequest Decode { get; init; }

    public required DeliverableSpec Spec { get; init; }

    public required IReadOnlyList<DeliverablePlan> Deliverables { get; init; }

    public required ColourPlanner Colour { get; init; }

    public required FrameRate FrameRate { get; init; }

    /// <summary>The FDL's uuid, when the job gave one.</summary>
    public string? FdlUuid { get; init; }

    /// <summary>The unit's identity: a hash of every input that shapes its output.</summary>
    public required UnitIdentity Unit { get; init; }

    /// <summary>The timecode of a source frame, from the clip's start timecode.</summary>
    public Timecode? TimecodeOf(long sourceFrame)
        => Reader.Info.StartTimecode?.AddFrames(sourceFrame - Reader.Info.Frames.First);

    public void Dispose() => Reader.Dispose();
}
