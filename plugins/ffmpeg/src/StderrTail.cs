namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// The last lines a process wrote to stderr, in a fixed-size ring: ffmpeg may print for hours, and only
/// the end explains a failure.
/// </summary>
internal sealed class StderrTail(int lines = 40, int lineLength = 400)
{
    private readonly string[] _ring = new string[lines];
    private readonly Lock _gate = new();
    private long _count;

    public void Add(string line)
    {
        var text = line.Length > lineLength ? string.Concat(line.AsSpan(0, lineLength), "…") : line;
        lock (_gate)
        {
            _ring[_count % _ring.Length] = text;
            _count++;
        }
    }

    /// <summary>The kept lines, oldest first, with a note of how many came before them.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var kept = (int)Math.Min(_count, _ring.Length);
            var lines = Enumerable.Range(0, kept).Select(i => _ring[(_count - kept + i) % _ring.Length]);
            var skipped = _count - kept;
            return skipped > 0 ? $"[{skipped} earlier lines]\n{string.Join('\n', lines)}" : string.Join('\n', lines);
        }
    }
}
