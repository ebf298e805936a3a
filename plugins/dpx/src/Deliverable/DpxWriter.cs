using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Dpx.IO;

namespace Rushes.Plugins.Dpx.Deliverable;

/// <summary>
/// Writes one DPX file per frame. Each file goes to a temporary name and is committed (renamed into place)
/// only once whole, so a refused or failed frame leaves nothing under its final name. Sidecars are committed
/// in <see cref="Complete"/>.
/// </summary>
internal sealed class DpxWriter : IDeliverableWriter
{
    private readonly DeliverableRequest _request;
    private readonly DpxOptions _options;
    private readonly DpxHeaderBuilder _headers;
    private readonly List<WrittenFile> _written = [];
    private long? _lastFrame;
    private bool _completed;
    private bool _disposed;

    public DpxWriter(DeliverableRequest request, DpxOptions options, TimeProvider clock)
    {
        _request = request;
        _options = options;
        _headers = new DpxHeaderBuilder(request, options, clock);
    }

    public void WriteFrame(DeliverableFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The deliverable is complete; no more frames can be written.");
        }

        if (_lastFrame is { } last && frame.FrameNumber <= last)
        {
            throw new InvalidOperationException($"Frame {frame.FrameNumber} arrived after frame {last}; frames must arrive in ascending order.");
        }

        var image = frame.Image;
        if (image.Width != _request.Width || image.Height != _request.Height)
        {
            throw new InputException($"Frame {frame.FrameNumber} is {image.Width} × {image.Height} pixels, but the DPX deliverable was started at {_request.Width} × {_request.Height}.",
                field: "image", expected: $"{_request.Width} × {_request.Height} pixels");
        }

        if (!_request.Frames.Contains(frame.FrameNumber))
        {
            throw new InputException($"Frame {frame.FrameNumber} is outside the deliverable's frames {_request.Frames}.", field: "frame", expected: $"a frame in {_request.Frames}");
        }

        var name = frame.FileName ?? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(_request.FileName)}.{frame.FrameNumber:D7}.dpx");

        // Disposing an uncommitted file deletes its temporary, so a refused frame leaves nothing behind.
        using (var file = _request.Output.Create(name))
        {
            DpxFileWriter.Write(file.Stream, _headers.For(frame, Path.GetFileName(name)), image, _options.NonFinite, $"Frame {frame.FrameNumber}", cancellationToken);
            var size = file.Commit();
            _written.Add(new WrittenFile { RelativePath = name, Size = size, Frames = new FrameRange(frame.FrameNumber, frame.FrameNumber) });
        }

        _lastFrame = frame.FrameNumber;
    }

    public IReadOnlyList<WrittenFile> Complete(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The deliverable is already complete.");
        }

        foreach (var sidecar in _request.Sidecars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var file = _request.Output.Create(sidecar.FileName);
            file.Stream.Write(sidecar.Content.Span);
            _written.Add(new WrittenFile { RelativePath = sidecar.FileName, Size = file.Commit(), Kind = sidecar.Kind });
        }

        _completed = true;
        return [.. _written];
    }

    public void Dispose() => _disposed = true;
}
