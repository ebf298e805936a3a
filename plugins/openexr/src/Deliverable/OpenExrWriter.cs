using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>
/// Writes one OpenEXR file per frame. Each file goes to a temporary name and is committed (renamed into
/// place) only once whole, so a refused or failed frame leaves nothing under its final name. Sidecars are
/// committed in <see cref="Complete"/>.
/// </summary>
internal sealed class OpenExrWriter : IDeliverableWriter
{
    private readonly DeliverableRequest _request;
    private readonly OpenExrOptions _options;
    private readonly ExrHeaderBuilder _headers;
    private readonly List<WrittenFile> _written = [];
    private long? _lastFrame;
    private bool _completed;
    private bool _disposed;

    public OpenExrWriter(DeliverableRequest request, OpenExrOptions options)
    {
        _request = request;
        _options = options;
        _headers = new ExrHeaderBuilder(request, options);
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
            throw new InputException($"Frame {frame.FrameNumber} is {image.Width} × {image.Height} pixels, but the OpenEXR deliverable was started at {_request.Width} × {_request.Height}.",
                field: "image", expected: $"{_request.Width} × {_request.Height} pixels");
        }

        if (!_request.Frames.Contains(frame.FrameNumber))
        {
            throw new InputException($"Frame {frame.FrameNumber} is outside the deliverable's frames {_request.Frames}.", field: "frame", expected: $"a frame in {_request.Frames}");
        }

        var planes = _headers.Channels.Select(channel => channel.Name switch
        {
            "R" => new ExrPlane(channel, image.SampleMemory.Slice(0, image.PlaneLength)),
            "G" => new ExrPlane(channel, image.SampleMemory.Slice(image.PlaneLength, image.PlaneLength)),
            "B" => new ExrPlane(channel, image.SampleMemory.Slice(2 * image.PlaneLength, image.PlaneLength)),
            // An image without alpha is opaque.
            _ => image.HasAlpha ? new ExrPlane(channel, image.SampleMemory.Slice(3 * image.PlaneLength, image.PlaneLength)) : new ExrPlane(channel, ReadOnlyMemory<float>.Empty, 1f),
        }).ToArray();

        var name = frame.FileName ?? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(_request.FileName)}.{frame.FrameNumber:D7}.exr");
        var header = _headers.For(frame);

        // Disposing an uncommitted file deletes its temporary, so a refused frame leaves nothing behind.
        using (var file = _request.Output.Create(name))
        {
            ExrFileWriter.Write(file.Stream, header, planes, _options.NonFinite, _options.ZipLevel, $"Frame {frame.FrameNumber}", cancellationToken);
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
