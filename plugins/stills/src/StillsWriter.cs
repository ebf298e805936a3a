using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.Stills;

/// <summary>
/// Writes one JPEG or PNG per frame. Each file goes to a temporary name and is committed (renamed into
/// place) only once whole, so a refused or failed frame leaves nothing under its final name. Sidecars are
/// committed in <see cref="Complete"/>.
/// </summary>
internal sealed class StillsWriter(DeliverableRequest request, StillsOptions options) : IDeliverableWriter
{
    private readonly (int Width, int Height) _size = StillGeometry.For(request.Width, request.Height, request.PixelAspectRatio, options.LongEdge);
    private readonly List<WrittenFile> _written = [];
    private long? _lastFrame;
    private bool _completed;
    private bool _disposed;

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
        if (image.Width != request.Width || image.Height != request.Height)
        {
            throw new InputException($"Frame {frame.FrameNumber} is {image.Width} × {image.Height} pixels, but the stills deliverable was started at {request.Width} × {request.Height}.",
                field: "image", expected: $"{request.Width} × {request.Height} pixels");
        }

        if (!request.Frames.Contains(frame.FrameNumber))
        {
            throw new InputException($"Frame {frame.FrameNumber} is outside the deliverable's frames {request.Frames}.", field: "frame", expected: $"a frame in {request.Frames}");
        }

        if (!options.ClampNonFinite)
        {
            NonFiniteScan.Reject(image, frame.FrameNumber);
        }

        var name = frame.FileName ?? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(request.FileName)}.{frame.FrameNumber:D7}.{options.Extension}");
        var resized = _size == (image.Width, image.Height) ? null : LanczosResampler.Resize(image, _size.Width, _size.Height, cancellationToken);
        try
        {
            // Disposing an uncommitted file deletes its temporary, so a failed frame leaves nothing behind.
            using var file = request.Output.Create(name);
            SkiaStillEncoder.Encode(resized ?? image, options, file.Stream, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            _written.Add(new WrittenFile { RelativePath = name, Size = file.Commit(), Frames = new FrameRange(frame.FrameNumber, frame.FrameNumber) });
        }
        finally
        {
            resized?.Dispose();
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

        foreach (var sidecar in request.Sidecars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var file = request.Output.Create(sidecar.FileName);
            file.Stream.Write(sidecar.Content.Span);
            _written.Add(new WrittenFile { RelativePath = sidecar.FileName, Size = file.Commit(), Kind = sidecar.Kind });
        }

        _completed = true;
        return [.. _written];
    }

    public void Dispose() => _disposed = true;
}
