using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Acme.RushesPlugin.Deliverable;

/// <summary>
/// Writes one PFM per frame. Each file is written through <see cref="IOutputTarget.Create"/> under a
/// temporary name and committed (renamed into place) only once it is whole, so no reader ever sees a
/// partial frame and a killed job leaves only complete files behind. Sidecars are committed in
/// <see cref="Complete"/>, after the last frame.
/// </summary>
internal sealed class PfmWriter : IDeliverableWriter
{
    private readonly DeliverableRequest _request;
    private readonly bool _bigEndian;
    private readonly List<WrittenFile> _written = [];
    private long? _lastFrame;
    private bool _completed;
    private bool _disposed;

    public PfmWriter(DeliverableRequest request, bool bigEndian)
    {
        _request = request;
        _bigEndian = bigEndian;
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
            throw new InputException($"Frame {frame.FrameNumber} is {image.Width} × {image.Height} pixels, but the deliverable was started at {_request.Width} × {_request.Height}.",
                field: "image", expected: $"{_request.Width} × {_request.Height} pixels");
        }

        var name = frame.FileName ?? DefaultFileName(frame.FrameNumber);

        // Disposing an uncommitted file deletes its temporary, so a failure here leaves nothing behind.
        using (var file = _request.Output.Create(name))
        {
            Write(file.Stream, image, cancellationToken);
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

    /// <summary>Used only when the host gives no per-frame name: <c>&lt;name&gt;.&lt;frame, 7 digits&gt;.pfm</c>.</summary>
    private string DefaultFileName(long frameNumber)
        => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(_request.FileName)}.{frameNumber:D7}.pfm");

    /// <summary>
    /// "PF", the size, and a scale whose sign gives the byte order (negative: little-endian); then
    /// interleaved RGB floats, bottom row first. Alpha, if any, is not written.
    /// </summary>
    private void Write(Stream stream, PlanarImage image, CancellationToken cancellationToken)
    {
        var header = string.Create(CultureInfo.InvariantCulture, $"PF\n{image.Width} {image.Height}\n{(_bigEndian ? "1.0" : "-1.0")}\n");
        stream.Write(Encoding.ASCII.GetBytes(header));

        var rowBytes = image.Width * 3 * sizeof(float);
        var row = ArrayPool<byte>.Shared.Rent(rowBytes);
        try
        {
            for (var y = image.Height - 1; y >= 0; y--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var red = image.GetRow(0, y);
                var green = image.GetRow(1, y);
                var blue = image.GetRow(2, y);
                var bytes = row.AsSpan(0, rowBytes);
                for (var x = 0; x < red.Length; x++)
                {
                    var pixel = bytes.Slice(x * 12, 12);
                    WriteSample(pixel, red[x]);
                    WriteSample(pixel[4..], green[x]);
                    WriteSample(pixel[8..], blue[x]);
                }

                stream.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(row);
        }
    }

    private void WriteSample(Span<byte> destination, float value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteSingleBigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination, value);
        }
    }
}
