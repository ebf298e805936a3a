using System.Globalization;

namespace Rushes.Host.Queue;

internal static class FrameCount
{
    /// <summary>Frames in an inclusive range <c>A-B</c>; 0 when it is not one.</summary>
    public static long Of(string frames)
    {
        var dash = frames.IndexOf('-', 1);
        return dash > 0
            && long.TryParse(frames.AsSpan(0, dash), NumberStyles.Integer, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(frames.AsSpan(dash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var last)
            && last >= first
            ? last - first + 1
            : 0;
    }
}
