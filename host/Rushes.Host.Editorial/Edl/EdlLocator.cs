using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// An Avid locator from a <c>* LOC: HH:MM:SS:FF COLOUR NAME [comment]</c> line: the record timecode it
/// sits on, its colour, and its text, whose first word VFX editors use as the shot name.
/// </summary>
public sealed record EdlLocator(Timecode Record, string Colour, string Text)
{
    /// <summary>The first word of the text (<c>VFX_010_020</c>), or null when the locator has no text.</summary>
    public string? Name => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
