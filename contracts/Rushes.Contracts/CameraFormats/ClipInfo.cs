using Rushes.Contracts.Time;

namespace Rushes.Contracts.CameraFormats;

/// <summary>The facts about a clip that every step downstream needs.</summary>
public sealed record ClipInfo
{
    /// <summary>The frame numbers the clip holds.</summary>
    public required FrameRange Frames { get; init; }

    /// <summary>Full-resolution width of decoded frames, in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Full-resolution height of decoded frames, in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Width over height of one pixel (2 for a 2× anamorphic squeeze recorded square).</summary>
    public double PixelAspectRatio { get; init; } = 1;

    /// <summary>The frame rate, when the source says.</summary>
    public FrameRate? FrameRate { get; init; }

    /// <summary>The timecode of the first frame, when the source says.</summary>
    public Timecode? StartTimecode { get; init; }
}
