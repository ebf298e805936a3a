using Rushes.Host.Render;

namespace Rushes.Host.Queue;

/// <summary>A running unit's progress, as the render reports it from its threads; read by the heartbeat.</summary>
internal sealed class UnitProgress(Action<double> onPercent) : IProgress<RenderProgress>
{
    private long _done;
    private long _total;
    private int _lastPercent = -1;

    public long Done => Interlocked.Read(ref _done);

    public long Total => Interlocked.Read(ref _total);

    public void Report(RenderProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Stage != "render" || value.FramesTotal <= 0)
        {
            return;
        }

        Interlocked.Exchange(ref _total, value.FramesTotal);
        Interlocked.Exchange(ref _done, value.FramesDone);
        var percent = (int)(100 * value.FramesDone / value.FramesTotal);
        if (Interlocked.Exchange(ref _lastPercent, percent) != percent)
        {
            onPercent(percent);
        }
    }
}
