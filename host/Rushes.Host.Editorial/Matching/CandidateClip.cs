using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Matching;

/// <summary>
/// A clip an EDL event may point at, as a catalog knows it: its identity and media path, the names an
/// editor's list may call it by, and the timecode and frames it holds.
/// </summary>
public sealed record CandidateClip
{
    /// <summary>The catalog's identity of the clip.</summary>
    public required string Id { get; init; }

    /// <summary>The media to render: a clip file, or a file or folder of a frame sequence.</summary>
    public required string Path { get; init; }

    /// <summary>The reel (tape) name the camera or the ingest gave it, or null.</summary>
    public string? Reel { get; init; }

    /// <summary>The clip name, or null.</summary>
    public string? ClipName { get; init; }

    /// <summary>The media file name (no folder), or null.</summary>
    public string? SourceFileName { get; init; }

    /// <summary>The timecode of the first frame; its rate and counting are the clip's.</summary>
    public required Timecode TimecodeIn { get; init; }

    /// <summary>How many frames the clip holds.</summary>
    public required long FrameCount { get; init; }

    /// <summary>The clip's own number of its first frame (0 for a movie, 1001 for a sequence numbered so).</summary>
    public long FirstFrame { get; init; }

    /// <summary>The timecode rate.</summary>
    public FrameRate Rate => TimecodeIn.Rate;

    /// <summary>The clip's frames in its own numbering.</summary>
    public FrameRange Frames => new(FirstFrame, FirstFrame + FrameCount - 1);

    /// <summary>The timecode of the last frame.</summary>
    public Timecode TimecodeOut => TimecodeIn.AddFrames(FrameCount - 1);

    /// <summary>
    /// The candidate for a normalized clip document (schema v1), or null when the document lacks the
    /// timecode in or the frame count, without which no event can be placed in the clip.
    /// </summary>
    public static CandidateClip? FromDocument(System.Text.Json.Nodes.JsonObject document, string id, string path, long firstFrame = 0)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ClipDocumentFields.TimecodeIn(document) is { } tc && ClipDocumentFields.Integer(document, "clip", "frame_count") is > 0 and var frames
            ? new CandidateClip
            {
                Id = id,
                Path = path,
                Reel = ClipDocumentFields.Text(document, "clip", "reel"),
                ClipName = ClipDocumentFields.Text(document, "clip", "name"),
                SourceFileName = ClipDocumentFields.Text(document, "clip", "file_name"),
                TimecodeIn = tc,
                FrameCount = frames,
                FirstFrame = firstFrame,
            }
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ClipName ?? SourceFileName ?? Id} (reel {Reel ?? "none"}, {TimecodeIn}-{TimecodeOut})";
}
