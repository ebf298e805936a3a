using Rushes.Host.Specs.Naming;

namespace Rushes.Host.Specs.Model;

/// <summary>One deliverable of a spec: a file type with its options, its colour, framing and naming.</summary>
public sealed record Deliverable
{
    /// <summary>Unique within the spec; also the <c>{deliverable}</c> naming token.</summary>
    public required string Name { get; init; }

    /// <summary>The deliverable type id of a plugin (<c>openexr</c>, <c>dpx</c>, <c>ffmpeg</c>...).</summary>
    public required string Type { get; init; }

    /// <summary>Options for the type, checked later against its declared options.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public ColourIntent Colour { get; init; } = ColourIntent.SceneLinear;

    /// <summary>Null: Netflix's default, the full source frame scaled to the deliverable, keeping aspect and squeeze.</summary>
    public FramingIntent? Framing { get; init; }

    public required NamingPattern Naming { get; init; }

    /// <summary>Added to source frame indexes for the <c>{frame}</c> token (1001 for plates).</summary>
    public long FrameOffset { get; init; }

    /// <summary>Sidecar kinds written beside the deliverable (<see cref="SidecarKinds"/>).</summary>
    public IReadOnlyList<string> Sidecars { get; init; } = [];

    public FailurePolicy OnFailure { get; init; } = FailurePolicy.Abort;

    /// <summary>Line of the entry in the rendered spec, for messages.</summary>
    public int Line { get; init; }
}
