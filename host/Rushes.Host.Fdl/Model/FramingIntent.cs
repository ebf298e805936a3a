using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Fdl.Model;

/// <summary>What the production wants to see: an aspect ratio, with a protection margin around it.</summary>
public sealed record FramingIntent
{
    /// <summary>A human-readable name.</summary>
    public string? Label { get; init; }

    /// <summary>Unique id, 1 to 32 characters of [A-Za-z0-9_].</summary>
    public required string Id { get; init; }

    /// <summary>The intended aspect ratio as integers, e.g. 239×100.</summary>
    public required IntDimensions AspectRatio { get; init; }

    /// <summary>The protection margin as a fraction of the protected area (0 to 1).</summary>
    public double Protection { get; init; }

    /// <summary>User properties, whose names begin with an underscore.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}
