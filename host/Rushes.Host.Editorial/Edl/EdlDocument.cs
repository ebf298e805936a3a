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

    /// <summary>The <c>FCM</c> line's counting as written, or null when the list has none.</summary>
    public string? FrameCodeMode { get; init; }

    /// <summary>The events in file order.</summary>
    public IReadOnlyList<EdlEvent> Events { get; init; } = [];

    /// <summary>Things the list says that were read but are suspicious (a drop-frame FCM at a rate without drop-frame...).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Picture events that point at media: no black or bars, no audio-only tracks, no aux reel without a clip name.</summary>
    public IEnumerable<EdlEvent> PictureEvents => Events.Where(e => e.HasPicture && e.NamesMedia);

    /// <summary>The file name the EDL was read from, for messages.</summary>
    public string Name { get; init; } = "<edl>";
}
