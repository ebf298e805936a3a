using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Edl;

namespace Rushes.Host.Editorial.Matching;

/// <summary>How an event's match came out.</summary>
public enum MatchOutcome
{
    /// <summary>One clip holds every source frame the event reads.</summary>
    Matched,

    /// <summary>The event points at no media: black, bars, an aux source without a clip name, or sound only.</summary>
    Skipped,

    /// <summary>No clip has the event's reel, clip name or source file.</summary>
    NoReel,

    /// <summary>Clips of the reel exist, but none holds the event's source timecode.</summary>
    OutsideTimecode,

    /// <summary>Several clips hold the event's source timecode, and the clip name and source file do not tell them apart.</summary>
    Ambiguous,
}

/// <summary>
/// One event's match: the clip and its frames (in the clip's own numbering) with the handles it could
/// get, or why there is none and which clips came close.
/// </summary>
public sealed record EventMatch
{
    /// <summary>The event.</summary>
    public required EdlEvent Event { get; init; }

    /// <summary>How it came out.</summary>
    public required MatchOutcome Outcome { get; init; }

    /// <summary>The clip, when matched.</summary>
    public CandidateClip? Clip { get; init; }

    /// <summary>The names that found the clip: <c>reel</c>, <c>reel (normalized)</c>, <c>reel (8-character)</c>, <c>clip name</c>, <c>source file</c>.</summary>
    public string? MatchedBy { get; init; }

    /// <summary>The frames the event reads, in the clip's numbering.</summary>
    public FrameRange? Frames { get; init; }

    /// <summary><see cref="Frames"/> with the handles, clamped to the clip.</summary>
    public FrameRange? FramesWithHandles { get; init; }

    /// <summary>Handles asked for at each end.</summary>
    public int Handles { get; init; }

    /// <summary>Handle frames got before the event's first frame (fewer than asked when clamped).</summary>
    public long HeadHandles { get; init; }

    /// <summary>Handle frames got after the event's last frame (fewer than asked when clamped).</summary>
    public long TailHandles { get; init; }

    /// <summary>True when the clip's start or end cut a handle short.</summary>
    public bool Clamped => HeadHandles < Handles || TailHandles < Handles;

    /// <summary>Why the event did not match, or what a clamp cost; null for a clean match.</summary>
    public string? Reason { get; init; }

    /// <summary>The clips that came close: those of the reel for <see cref="MatchOutcome.OutsideTimecode"/>, the tied ones for <see cref="MatchOutcome.Ambiguous"/>.</summary>
    public IReadOnlyList<CandidateClip> Candidates { get; init; } = [];

    /// <summary>
    /// The shot name for the event: the first locator's name (VFX editors write shot ids there), else the
    /// clip name without its extension, else <c>evt</c> and the event number (<c>evt007</c>).
    /// </summary>
    public string Shot => Event.Locators.Select(l => l.Name).FirstOrDefault(n => n is not null)
                          ?? (Event.ClipName is { Length: > 0 } name ? ReelName.Bare(name) : $"evt{Event.Number:000}");
}
