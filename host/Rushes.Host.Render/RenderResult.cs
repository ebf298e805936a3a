using System.Text.Json.Serialization;

namespace Rushes.Host.Render;

/// <summary>What a render made: every file with its frames and hash, per deliverable, and the unit's id.</summary>
public sealed record RenderResult
{
    [JsonPropertyName("unitId")]
    public required string UnitId { get; init; }

    /// <summary>True when an earlier run had already completed this unit and nothing was rendered.</summary>
    [JsonPropertyName("reused")]
    public bool Reused { get; init; }

    [JsonPropertyName("output")]
    public required string Output { get; init; }

    [JsonPropertyName("clip")]
    public required string Clip { get; init; }

    [JsonPropertyName("frames")]
    public required string Frames { get; init; }

    [JsonPropertyName("spec")]
    public required string Spec { get; init; }

    [JsonPropertyName("deliverables")]
    public required IReadOnlyList<DeliverableResult> Deliverables { get; init; }

    [JsonPropertyName("seconds")]
    public double Seconds { get; init; }
}

/// <summary>One deliverable's files and the frames it could not render.</summary>
public sealed record DeliverableResult
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Its folder relative to the output folder (where its provenance and MHL are).</summary>
    [JsonPropertyName("folder")]
    public required string Folder { get; init; }

    [JsonPropertyName("width")]
    public int Width { get; init; }

    [JsonPropertyName("height")]
    public int Height { get; init; }

    [JsonPropertyName("colourEncoding")]
    public required string ColourEncoding { get; init; }

    [JsonPropertyName("colourSteps")]
    public IReadOnlyList<string> ColourSteps { get; init; } = [];

    [JsonPropertyName("framing")]
    public required string Framing { get; init; }

    [JsonPropertyName("files")]
    public required IReadOnlyList<RenderedFile> Files { get; init; }

    [JsonPropertyName("failures")]
    public IReadOnlyList<FrameFailure> Failures { get; init; } = [];
}

/// <summary>A file written, relative to the output folder.</summary>
public sealed record RenderedFile
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary><c>media</c>, or a sidecar kind (<c>amf</c>, <c>fdl</c>, <c>cdl</c>, <c>provenance</c>, <c>mhl</c>).</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Output frames <c>A-B</c> it holds; null for sidecars.</summary>
    [JsonPropertyName("frames")]
    public string? Frames { get; init; }

    [JsonPropertyName("size")]
    public long Size { get; init; }

    [JsonPropertyName("xxh128")]
    public required string Xxh128 { get; init; }
}

/// <summary>A frame that failed and what the deliverable's failure policy did about it.</summary>
public sealed record FrameFailure
{
    [JsonPropertyName("sourceFrame")]
    public long SourceFrame { get; init; }

    [JsonPropertyName("outputFrame")]
    public long OutputFrame { get; init; }

    /// <summary><c>black-frame</c> or <c>skip</c>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
