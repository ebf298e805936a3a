using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Plugins;
using Rushes.Host.Render.Framing;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Render.Planning;

/// <summary>One deliverable of a render, resolved against the loaded plugins and the clip.</summary>
public sealed record DeliverablePlan
{
    public required Deliverable Spec { get; init; }

    public required IDeliverableType Type { get; init; }

    public required PluginRecord Plugin { get; init; }

    /// <summary>The options, checked against the type's declared options and its own rules.</summary>
    public required ParameterValues Options { get; init; }

    public required FramingPlan Framing { get; init; }

    /// <summary>The output frame numbers, in order.</summary>
    public required FrameRange OutputFrames { get; init; }

    /// <summary>The naming tokens of this deliverable (all but the frame).</summary>
    public required IReadOnlyDictionary<string, string> Tokens { get; init; }

    /// <summary>The source frame a deliverable starts its numbering from (the clip's first frame).</summary>
    public required long SourceOrigin { get; init; }

    public string Name => Spec.Name;

    /// <summary>
    /// True for a still of the clip: a type that writes one image per file (it does not declare
    /// <c>multi-frame-file</c>) named without <c>{frame}</c> gets one frame, the first of the range.
    /// </summary>
    public bool Still => IsStill(Spec, Type);

    /// <summary>The rule behind <see cref="Still"/>, for the planner before the plan exists.</summary>
    public static bool IsStill(Deliverable spec, IDeliverableType type) =>
        !spec.Naming.HasFrame && !type.Capabilities.Supports(CapabilityNames.MultiFrameFile);

    /// <summary>True when each frame is its own file (an image sequence); such deliverables resume frame by frame.</summary>
    public bool PerFrame => Spec.Naming.HasFrame;

    /// <summary>The output frame number of a source frame: its index in the clip plus the spec's offset.</summary>
    public long OutputFrame(long sourceFrame) => sourceFrame - SourceOrigin + Spec.FrameOffset;

    /// <summary>The file a frame goes to, for per-frame deliverables.</summary>
    public string FileNameFor(long sourceFrame) => Spec.Naming.Format(Tokens, OutputFrame(sourceFrame));

    /// <summary>The deliverable's one file (a movie), or the name writers derive others from.</summary>
    public string FileName => PerFrame ? Spec.Naming.Format(Tokens, OutputFrames.First) : Spec.Naming.Format(Tokens, null);
}
