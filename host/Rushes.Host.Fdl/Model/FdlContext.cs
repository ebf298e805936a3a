using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Fdl.Model;

/// <summary>A group of canvases, usually one camera or one deliverable.</summary>
public sealed record FdlContext
{
    /// <summary>A human-readable name, e.g. the camera model.</summary>
    public string? Label { get; init; }

    /// <summary>Who made it.</summary>
    public string? ContextCreator { get; init; }

    /// <summary>The clip it belongs to.</summary>
    public ClipId? ClipId { get; init; }

    /// <summary>Its canvases.</summary>
    public IReadOnlyList<Canvas> Canvases { get; init; } = [];

    /// <summary>User properties, whose names begin with an underscore.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}

/// <summary>The clip a context belongs to: one file, or a numbered sequence.</summary>
public sealed record ClipId
{
    /// <summary>The clip name.</summary>
    public required string ClipName { get; init; }

    /// <summary>A single file.</summary>
    public string? File { get; init; }

    /// <summary>A numbered sequence such as <c>A01_###.exr</c>, frames min to max.</summary>
    public FileSequence? Sequence { get; init; }
}

/// <summary>A numbered file sequence.</summary>
public sealed record FileSequence(string Value, string Idx, long Min, long Max);
