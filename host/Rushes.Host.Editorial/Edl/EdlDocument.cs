using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Edl;

/// <summary>A parsed EDL: its title, frame counting and events, with warnings for lines it could not use.</summary>
public sealed record EdlDocument
{
    /// <summary>The <c>TITLE:</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The sequence frame rate the timecodes count in (EDLs do not state it; the caller does).</summary>
    public required FrameRate Rate { get; init; }

    /// <summary>True after <c>FCM: DROP FRAME</c>.</summary>
    public bool DropFrame { get; init; }

    /// <summary>The events in file order.</summary>
    public IReadOnlyList<EdlEvent> Events { get; init; } = [];

    /// <summary>Lines that were skipped, each with its reason.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Picture events that reference media (no black, no aux, no audio-only tracks).</summary>
    public IEnumerable<EdlEvent> PictureEvents => Events.Where(e => e.Track.Contains('V', StringComparison.Ordinal) && !e.IsGenerated);
}
