using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Fdl.Model;

/// <summary>A framing intent realised on one canvas: where the framing (and its protection) lies.</summary>
public sealed record FramingDecision
{
    /// <summary>A human-readable name.</summary>
    public string? Label { get; init; }

    /// <summary><c>&lt;canvas id&gt;-&lt;framing intent id&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The intent it realises.</summary>
    public required string FramingIntentId { get; init; }

    /// <summary>The framed area.</summary>
    public required FloatDimensions Dimensions { get; init; }

    /// <summary>Its top-left corner on the canvas.</summary>
    public required AnchorPoint AnchorPoint { get; init; }

    /// <summary>The protected area around the framing, when the intent asks for protection.</summary>
    public FloatDimensions? ProtectionDimensions { get; init; }

    /// <summary>The protected area's top-left corner; present exactly when its dimensions are.</summary>
    public AnchorPoint? ProtectionAnchorPoint { get; init; }

    /// <summary>User properties, whose names begin with an underscore.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}
