using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// The source frames an event reads: <see cref="Count"/> frames from <see cref="First"/>, in timecode
/// order. A reverse retime reads them last to first; the span still runs from the lowest frame up.
/// </summary>
public sealed record EdlSourceSpan(Timecode First, long Count, bool Reverse = false)
{
    /// <summary>The last frame read (equal to <see cref="First"/> for a freeze; before it for an empty span).</summary>
    public Timecode Last => First.AddFrames(Count - 1);
}
