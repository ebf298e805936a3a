using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Host.Render.Planning;

namespace Rushes.Host.Render.Execution;

/// <summary>
/// One source frame made ready for the writers: for each deliverable that wants it, its framed and
/// coloured pixels or the error that stopped them. Deliverables that frame and colour alike share one image.
/// </summary>
internal sealed class FrameWork(long sourceFrame) : IDisposable
{
    private readonly List<PlanarImage> _owned = [];

    public long SourceFrame { get; } = sourceFrame;

    public FrameMetadata? Metadata { get; set; }

    public Dictionary<DeliverablePlan, PlanarImage> Images { get; } = [];

    public Dictionary<DeliverablePlan, Exception> Errors { get; } = [];

    public void Own(PlanarImage image) => _owned.Add(image);

    public void Dispose()
    {
        foreach (var image in _owned)
        {
            image.Dispose();
        }

        _owned.Clear();
        Images.Clear();
    }
}
