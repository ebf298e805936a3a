using System.Text.Json.Serialization;

namespace Rushes.Host.Render;

/// <summary>
/// One unit of render work, as a caller in any language writes it (docs/RENDER.md): a clip or a frame
/// range of it, the colour and framing metadata, the show's spec with its variables, and where to write.
/// </summary>
public sealed record RenderJob
{
    /// <summary>A clip file, or a file or folder of a frame sequence.</summary>
    [JsonPropertyName("clip")]
    public required string Clip { get; init; }

    /// <summary>Source frames <c>A-B</c> (inclusive); null renders the whole clip.</summary>
    [JsonPropertyName("frames")]
    public string? Frames { get; init; }

    /// <summary>Frames added at each end of <see cref="Frames"/>.</summary>
    [JsonPropertyName("handles")]
    public int Handles { get; init; }

    /// <summary>
    /// The source frame written as each deliverable's first frame number (the spec's frame offset, such as
    /// 1001). Null takes the first frame of the pull, handles included. Work units of one pull all carry
    /// the pull's origin, so their frames are numbered as one render of the whole pull would number them.
    /// </summary>
    [JsonPropertyName("frameOrigin")]
    public long? FrameOrigin { get; init; }

    /// <summary>
    /// The whole pull's source frames when this job renders a part of it (a work unit of a chunked pull), so
    /// that files which state the length of their sequence (DPX) say the pull's, as one render of it would.
    /// Null: the job's own frames are the whole sequence.
    /// </summary>
    [JsonPropertyName("sequence")]
    public string? Sequence { get; init; }

    /// <summary>The names of the spec's deliverables to render; null renders them all.</summary>
    [JsonPropertyName("deliverables")]
    public IReadOnlyList<string>? Deliverables { get; init; }

    /// <summary>An ACES Metadata File; null uses Netflix's default pipeline.</summary>
    [JsonPropertyName("amf")]
    public string? Amf { get; init; }

    /// <summary>The clip's ASC FDL; null frames the full source frame.</summary>
    [JsonPropertyName("fdl")]
    public string? Fdl { get; init; }

    /// <summary>A canvas template of <see cref="Fdl"/>, for deliverables whose spec gives no framing.</summary>
    [JsonPropertyName("template")]
    public string? Template { get; init; }

    /// <summary>A spec name (<c>vfx-plates</c>) or a spec file.</summary>
    [JsonPropertyName("spec")]
    public required string Spec { get; init; }

    /// <summary>Template variables (show, shot, version...).</summary>
    [JsonPropertyName("variables")]
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The output folder.</summary>
    [JsonPropertyName("output")]
    public required string Output { get; init; }

    /// <summary>Decode parameters of the clip's camera format, by name.</summary>
    [JsonPropertyName("decode")]
    public IReadOnlyDictionary<string, string> Decode { get; init; } = new Dictionary<string, string>();
}
