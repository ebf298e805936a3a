using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Fdl.Model;

/// <summary>An ASC Framing Decision List.</summary>
public sealed record FdlDocument
{
    /// <summary>The document's uuid (8-4-4-4-12).</summary>
    public required string Uuid { get; init; }

    /// <summary>The FDL version.</summary>
    public required FdlVersion Version { get; init; }

    /// <summary>Who made it.</summary>
    public string? FdlCreator { get; init; }

    /// <summary>The intent used when none is named.</summary>
    public string? DefaultFramingIntent { get; init; }

    /// <summary>Framing intents.</summary>
    public IReadOnlyList<FramingIntent> FramingIntents { get; init; } = [];

    /// <summary>Contexts with their canvases.</summary>
    public IReadOnlyList<FdlContext> Contexts { get; init; } = [];

    /// <summary>Canvas templates.</summary>
    public IReadOnlyList<CanvasTemplate> CanvasTemplates { get; init; } = [];

    /// <summary>User properties, whose names begin with an underscore.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}
