using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// Writes one QuickTime movie through ffmpeg. ffmpeg starts with the first frame and writes the movie to a
/// temporary name in the target folder; <see cref="Complete"/> closes its input, waits, and renames the file
/// into place only if ffmpeg succeeded. A failure, a cancellation or a dispose before completion kills ffmpeg
/// and deletes the temporary. Frames must be consecutive from the request's first frame.
/// </summary>
internal sealed class MovieWriter(DeliverableRequest request, MovieOptions options, ColourTags colour, string ffmpeg, string? burnInFont) : IDeliverableWriter
{
    private readonly FramePacker _packer = new(options.FloatPipe, options.Alpha && options.Codec.HasAlpha, options.ClampNonFinite);
    private IOutputFile? _file;
    private FfmpegProcess? _ffmpeg;
    private long? _lastFrame;
    private bool _completed;
    private bool _failed;
    private bool _disposed;

    /// <summary>The arguments ffmpeg was started with, once it has been (for logs and tests).</summary>
    public IReadOnlyList<string>? Arguments { get; private set; }

    public void WriteFrame(DeliverableFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed || _failed)
        {
            throw new InvalidOperationException(_completed ? "The movie is complete; no more frames can be written." : "The movie failed; no more frames can be written.");
        }

        var expected = _lastFrame + 1 ?? request.Frames.First;
        if (frame.FrameNumber < expected)
        {
            throw new InvalidOperationException($"Frame {frame.FrameNumber} arrived after frame {_lastFrame}; frames must arrive in ascending order.");
        }

        if (frame.FrameNumber != expected || !request.Frames.Contains(frame.FrameNumber))
        {
            throw new InputException($"Frame {frame.FrameNumber} cannot be the next picture of the movie {request.FileName}: it holds frames {request.Frames} consecutively, so frame {expected} comes next.",
                field: "frame", expected: $"frame {expected}");
        }

        var image = frame.Image;
        if (image.Width != request.Width || image.Height != request.Height)
        {
            throw new InputException($"Frame {frame.FrameNumber} is {image.Width} × {image.Height} pixels, but the movie was started at {request.Width} × {request.Height}.",
                field: "image", expected: $"{request.Width} × {request.Height} pixels");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var process = _ffmpeg ?? Start();
        try
        {
            // A pipe write blocks while ffmpeg is busy; killing ffmpeg is what unblocks it on cancellation.
            using (cancellationToken.Register(process.Kill))
            {
                _packer.Write(image, frame.FrameNumber, process.Input, cancellationToken);
            }
        }
        catch (IOException ex)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Abort();
                throw new OperationCanceledException(cancellationToken);
            }

            throw Fail($"ffmpeg stopped reading frames at frame {frame.FrameNumber}", process.ExitCode(), ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InputException)
        {
            // A refused or cancelled frame ends the movie: ffmpeg already holds the frames before it.
            Abort();
            throw;
        }

        _lastFrame = frame.FrameNumber;
    }

    public IReadOnlyList<WrittenFile> Complete(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed || _failed)
        {
            throw new InvalidOperationException(_completed ? "The movie is already complete." : "The movie failed and cannot be completed.");
        }

        if (_ffmpeg is null || _file is null || _lastFrame is not { } last)
        {
            throw new InputException($"The movie {request.FileName} received no frames.", field: "frames", expected: $"frames {request.Frames}");
        }

        int exitCode;
        try
        {
            exitCode = _ffmpeg.Finish(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Abort();
            throw;
        }

        if (exitCode != 0)
        {
            throw Fail("ffmpeg failed", exitCode, null);
        }

        if (!File.Exists(_file.TemporaryPath))
        {
            throw Fail("ffmpeg exited 0 but wrote no file", exitCode, null);
        }

        var written = new List<WrittenFile> { new() { RelativePath = _file.RelativePath, Size = _file.Commit(), Frames = new FrameRange(request.Frames.First, last) } };
        Release();
        foreach (var sidecar in request.Sidecars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var file = request.Output.Create(sidecar.FileName);
            file.Stream.Write(sidecar.Content.Span);
            written.Add(new WrittenFile { RelativePath = sidecar.FileName, Size = file.Commit(), Kind = sidecar.Kind });
        }

        _completed = true;
        return written;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            Abort();
            _disposed = true;
        }
    }

    private FfmpegProcess Start()
    {
        _file = request.Output.Create(request.FileName);
        Arguments = MovieCommand.Arguments(request, options, colour, burnInFont, _file.TemporaryPath);
        try
        {
            return _ffmpeg = FfmpegProcess.Start(ffmpeg, Arguments);
        }
        catch
        {
            Abort();
            throw;
        }
    }

    private InputException Fail(string what, int exitCode, Exception? inner)
    {
        var tail = _ffmpeg?.Tail.ToString() ?? string.Empty;
        Abort();
        return new InputException($"{what} writing {request.FileName} (exit code {exitCode}). ffmpeg said:\n{(tail.Length > 0 ? tail : "(nothing)")}",
            file: request.FileName, field: "ffmpeg", expected: "ffmpeg to encode the movie", inner: inner);
    }

    /// <summary>Kills ffmpeg if it runs and deletes the temporary: nothing partial is left.</summary>
    private void Abort()
    {
        _failed = !_completed;
        Release();
    }

    private void Release()
    {
        // ffmpeg must be gone before its output is deleted (or committed).
        _ffmpeg?.Dispose();
        _ffmpeg = null;
        _file?.Dispose();
        _file = null;
    }
}
