using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// A motion effect (<c>M2</c> line): the source plays at <see cref="FramesPerSecond"/> timecode frames a
/// second instead of the sequence's, backwards when negative, held on one frame at 0, starting at
/// <see cref="SourceIn"/>. The speed is kept as the exact decimal written.
/// </summary>
public sealed record EdlRetime(string Reel, decimal FramesPerSecond, Timecode SourceIn)
{
    /// <summary>True for reverse motion.</summary>
    public bool Reverse => FramesPerSecond < 0;

    /// <summary>True for a freeze frame (speed 0).</summary>
    public bool Freeze => FramesPerSecond == 0;

    /// <summary>Source frames per record frame: the speed over the sequence's timecode base (1 is normal speed).</summary>
    public decimal SpeedAt(int timecodeBase) => Math.Abs(FramesPerSecond) / timecodeBase;
}
