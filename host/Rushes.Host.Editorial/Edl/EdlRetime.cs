namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// A motion effect (<c>M2</c> line): the source plays at <see cref="FramesPerSecond"/> instead of the
/// sequence rate, backwards when negative, starting at <see cref="SourceIn"/>.
/// </summary>
public sealed record EdlRetime(string Reel, double FramesPerSecond, Rushes.Contracts.Time.Timecode SourceIn)
{
    /// <summary>True for reverse motion.</summary>
    public bool Reverse => FramesPerSecond < 0;

    /// <summary>Source frames per record frame at the given sequence rate (1 is normal speed).</summary>
    public double SpeedAt(double sequenceFramesPerSecond) => Math.Abs(FramesPerSecond) / sequenceFramesPerSecond;
}
