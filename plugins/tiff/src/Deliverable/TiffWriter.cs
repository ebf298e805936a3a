using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Tiff.Format;
using Rushes.Plugins.Tiff.IO;

namespace Rushes.Plugins.Tiff.Deliverable;

/// <summary>
/// Writes one TIFF file per frame, each to a temporary name committed (renamed into place) only once whole, so a
/// refused or failed frame leaves nothing under its final name. Sidecars are committed in <see cref="Complete"/>.
/// </summary>
internal sealed class TiffWriter : IDeliverableWriter
{
    private const string Software = "Rushes TIFF deliverable";

    private readonly DeliverableRequest _request;
    private readonly TiffOptions _options;
    private readonly TimeProvider _clock;
    private readonly byte[]? _icc;
    private readonly (uint Width, uint Height) _aspect;
    private readonly List<WrittenFile> _written = [];
    private long? _lastFrame;
    private bool _completed;
    private bool _disposed;

    public TiffWriter(DeliverableRequest request, TiffOptions options, TimeProvider clock)
    {
        _request = request;
        _options = options;
        _clock = clock;
        _aspect = Aspect(request.PixelAspectRatio);

        // Read once, and checked again: the file may have changed since the options were validated.
        if (options.IccProfile.Length > 0)
        {
            try
            {
                _icc = File.ReadAllBytes(options.IccProfile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"TIFF: the ICC profile {options.IccProfile} cannot be read ({ex.Message}).", options.IccProfile, "icc-profile", "a readable RGB ICC profile");
            }

            if (IccProfile.Problem(_icc, options.IccProfile) is { } problem)
            {
                throw new InputException($"TIFF: {problem}.", options.IccProfile, "icc-profile", "an RGB ICC profile");
            }
        }
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
            throw new InputException($"Frame {frame.FrameNumber} is {image.Width} × {image.Height} pixels, but the TIFF deliverable was started at {_request.Width} × {_request.Height}.",
                field: "image", expected: $"{_request.Width} × {_request.Height} pixels");
        }

        if (!_request.Frames.Contains(frame.FrameNumber))
        {
            throw new InputException($"Frame {frame.FrameNumber} is outside the deliverable's frames {_request.Frames}.", field: "frame", expected: $"a frame in {_request.Frames}");
        }

        var name = frame.FileName ?? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(_request.FileName)}.{frame.FrameNumber:D7}.tif");

        // Disposing an uncommitted file deletes its temporary, so a refused frame leaves nothing behind.
        using (var file = _request.Output.Create(name))
        {
            TiffFileWriter.Write(file.Stream, image, _options.Encoding, Tags(), $"Frame {frame.FrameNumber}", cancellationToken);
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

    /// <summary>The pixel aspect ratio as the smallest whole-number pair within 1/10000.</summary>
    private static (uint Width, uint Height) Aspect(double ratio)
    {
        var w = (uint)Math.Round(ratio * 10000);
        var h = 10000u;
        var (a, b) = (w, h);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return (w / a, h / a);
    }

    /// <summary>The descriptive tags: document (clip) name, description, software, date, artist and copyright (owner), resolution, ICC profile.</summary>
    private TiffDirectory Tags()
    {
        var attributes = _request.Attributes;
        var clipName = attributes.GetValueOrDefault("clip-name") is { Length: > 0 } given ? given
            : _request.ClipMetadata.Normalized.TryGetValue(NormalizedField.ClipName, out var value) ? value.AsText() ?? "" : "";
        var owner = attributes.GetValueOrDefault("owner") ?? "";
        var tags = new TiffDirectory()
            .Ascii(TiffTag.DocumentName, clipName)
            .Ascii(TiffTag.ImageDescription, _options.Description.Length > 0 ? _options.Description : attributes.GetValueOrDefault("comments") ?? "")
            .Ascii(TiffTag.Software, Software)
            // TIFF 6.0 DateTime: "YYYY:MM:DD HH:MM:SS", here in UTC.
            .Ascii(TiffTag.DateTime, CreationTime().ToString("yyyy':'MM':'dd HH':'mm':'ss", CultureInfo.InvariantCulture))
            .Ascii(TiffTag.Artist, owner)
            .Ascii(TiffTag.Copyright, owner)
            // Baseline readers need a resolution; 72 per inch says nothing about physical size. Non-square pixels
            // are wider than tall by YResolution / XResolution, the pixel aspect ratio as OpenImageIO reads it.
            .Rational(TiffTag.XResolution, 72, 1)
            .Rational(TiffTag.YResolution, 72 * _aspect.Width, _aspect.Height)
            .Shorts(TiffTag.ResolutionUnit, 2);
        return _icc is null ? tags : tags.Undefined(TiffTag.IccProfile, _icc);
    }

    // A render pins the time (attribute creation-time) so that the same unit gives the same bytes.
    private DateTimeOffset CreationTime() =>
        _request.Attributes.TryGetValue("creation-time", out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var pinned)
            ? pinned.ToUniversalTime()
            : _clock.GetUtcNow();
}
