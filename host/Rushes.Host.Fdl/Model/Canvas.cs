using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Fdl.Model;

/// <summary>An image area: the recorded frame, or one derived from another canvas by a template.</summary>
public sealed record Canvas
{
    /// <summary>A human-readable name.</summary>
    public string? Label { get; init; }

    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The canvas it derives from; its own id when it is an original.</summary>
    public required string SourceCanvasId { get; init; }

    /// <summary>Its size in (possibly squeezed) pixels.</summary>
    public required IntDimensions Dimensions { get; init; }

    /// <summary>The area holding image (without padding or dead sensor).</summary>
    public IntDimensions? EffectiveDimensions { get; init; }

    /// <summary>Where the effective area starts; required whenever it is present.</summary>
    public AnchorPoint? EffectiveAnchorPoint { get; init; }

    /// <summary>Photosites behind the canvas.</summary>
    public IntDimensions? PhotositeDimensions { get; init; }

    /// <summary>Sensor size in millimetres.</summary>
    public FloatDimensions? PhysicalDimensions { get; init; }

    /// <summary>Horizontal squeeze of the lens (1 for spherical).</summary>
    public double AnamorphicSqueeze { get; init; } = 1;

    /// <summary>The framing decisions on this canvas.</summary>
    public IReadOnlyList<FramingDecision> FramingDecisions { get; init; } = [];

    /// <summary>User properties, whose names begin with an underscore (the reference writes _scale_factor and friends here).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}
