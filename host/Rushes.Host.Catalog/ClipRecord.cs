using System.Text.Json.Nodes;
using Rushes.Contracts.Time;

namespace Rushes.Host.Catalog;

/// <summary>A clip as the catalog stores it: its identity, where it is, its search columns and its normalized v1 document.</summary>
public sealed record ClipRecord
{
    /// <summary>The clip's identity (see <see cref="ClipIdentity"/>): the key of idempotent upserts.</summary>
    public required string Identity { get; init; }

    /// <summary>The clip's path when it was ingested: its file, or its folder for a frame sequence.</summary>
    public required string Path { get; init; }

    /// <summary>The clip name its format gave.</summary>
    public required string Name { get; init; }

    /// <summary>The camera-format id that read it.</summary>
    public required string Format { get; init; }

    /// <summary>The card (ingest root) it came from.</summary>
    public string? Card { get; init; }

    /// <summary>Reel or camera roll; null when the source does not say.</summary>
    public string? Reel { get; init; }

    /// <summary>Camera letter (A, B...).</summary>
    public string? CameraLetter { get; init; }

    /// <summary>Camera make.</summary>
    public string? CameraMake { get; init; }

    /// <summary>Camera model.</summary>
    public string? CameraModel { get; init; }

    /// <summary>Camera serial number.</summary>
    public string? CameraSerial { get; init; }

    /// <summary>Timecode of the first frame.</summary>
    public Timecode? TimecodeIn { get; init; }

    /// <summary>Timecode of the last frame, inclusive.</summary>
    public Timecode? TimecodeOut { get; init; }

    /// <summary>The capture frame rate.</summary>
    public FrameRate? FrameRate { get; init; }

    /// <summary>The clip's frames as its format numbers them (frame-sequence numbers, or 0 to count − 1).</summary>
    public FrameRange? Frames { get; init; }

    /// <summary>The camera-format key: letter | model | sensor mode | codec | squeeze.</summary>
    public required string FormatKey { get; init; }

    /// <summary>The normalized clip document v1.</summary>
    public required JsonObject Document { get; init; }

    /// <summary>SHA-256 of what is stored, in hex: equal hashes mean nothing changed.</summary>
    public required string ContentHash { get; init; }

    /// <summary>When the clip was first stored.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When what is stored last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The clip's frame that carries a source timecode frame of day (at the clip's timecode rate), or null when the
    /// clip has no timecode or the frame is outside it.
    /// </summary>
    public long? FrameAtTimecode(long frameOfDay)
    {
        if (TimecodeIn is not { } tcIn || Frames is not { } frames)
        {
            return null;
        }

        var offset = Timecode.FromFrames(frameOfDay, tcIn.Rate, tcIn.DropFrame).FramesSince(tcIn);
        return offset < frames.Count ? frames.First + offset : null;
    }
}

/// <summary>What an upsert did to one clip.</summary>
public enum UpsertOutcome
{
    /// <summary>New to the catalog.</summary>
    Added,

    /// <summary>Already stored with the same content: nothing was written.</summary>
    Unchanged,

    /// <summary>Already stored; its content changed and was replaced.</summary>
    Updated,
}

/// <summary>A camera-format card: one combination of camera letter, model, sensor mode, codec and squeeze, and its clips.</summary>
public sealed record FormatCard(string Key, string CameraLetter, string CameraModel, string SensorMode, string Codec, string Squeeze, long Clips);
