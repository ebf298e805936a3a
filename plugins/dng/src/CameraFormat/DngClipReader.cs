using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Dng.Development;
using Rushes.Plugins.Dng.Raw;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.CameraFormat;

/// <summary>
/// An open DNG clip: one file, or a CinemaDNG folder of per-frame files. The first frame gives the size, rate, start
/// timecode and metadata; every other frame's header is read once to report frames that differ. Frames are parsed
/// and decoded independently with positional reads, so several threads may decode at once.
/// </summary>
internal sealed class DngClipReader : IClipReader
{
    private readonly SortedDictionary<long, string> _files = [];

    public DngClipReader(ClipLocation location, CancellationToken cancellationToken)
    {
        Location = location;
        var sequence = location.Layout == ClipLayout.FrameSequence;
        for (var i = 0; i < location.MediaFiles.Count; i++)
        {
            var file = location.MediaFiles[i];
            _files.TryAdd(sequence ? DngSequence.FrameOf(file) ?? i : DngSequence.FrameOf(file) ?? 0, file);
        }

        var (firstFrame, firstFile) = _files.First();
        var first = DngFrameFile.Open(firstFile);
        var diagnostics = new List<Diagnostic>(location.Diagnostics);
        var rate = CinemaDngTiming.Rate(first.Tiff);
        Timecode? start = null;
        if (CinemaDngTiming.Parts(first.Tiff) is { } parts && rate is { } r)
        {
            start = CinemaDngTiming.At(parts, r, firstFile);
            if (parts.Drop && !r.SupportsDropFrame)
            {
                diagnostics.Add(Diagnostic.Warning($"TimeCodes is flagged drop frame, which {r} fps does not count; it is read as non-drop.", firstFile, "TimeCodes", "drop frame only at 29.97 or 59.94 fps"));
            }
        }

        var size = first.OutputSize();
        Info = new ClipInfo
        {
            Frames = new FrameRange(firstFrame, _files.Keys.Last()),
            Width = size.Width,
            Height = size.Height,
            PixelAspectRatio = first.Raw.PixelAspectRatio,
            FrameRate = rate,
            StartTimecode = start,
        };
        var vendor = MetadataSet.Create();
        VendorMetadata.Add(vendor, first.Tiff, first.Raw.Directory);
        Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = NormalizedMetadata.From(first, location.Name, _files.Count, rate, start, size, sequence) };
        foreach (var (frame, file) in _files.Skip(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckFrame(frame, file, first.Raw, diagnostics);
        }

        Diagnostics = diagnostics;
    }

    public ClipLocation Location { get; }

    public ClipInfo Info { get; }

    public ClipMetadata Metadata { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public FrameMetadata ReadFrameMetadata(long frame)
    {
        var file = FileOf(frame);
        return new FrameMetadata { Frame = frame, Timecode = TimecodeOf(TiffReader.Read(file), file) };
    }

    public DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var options = DngDecodeOptions.From(request, Location.Path);
        var file = FileOf(frame);
        var dng = DngFrameFile.Open(file);
        if (dng.OutputSize() != (Info.Width, Info.Height))
        {
            var (w, h) = dng.OutputSize();
            throw new InputException($"{Path.GetFileName(file)} is {w} × {h} pixels, but the clip's first frame is {Info.Width} × {Info.Height}.", file, "DefaultCropSize", $"{Info.Width} × {Info.Height} pixels");
        }

        var developed = DngDeveloper.Develop(dng, options, request.Output, cancellationToken);
        return new DecodedFrame(frame, developed.Image, developed.ColourEncoding)
        {
            AppliedInputTransformId = developed.InputTransformId,
            PixelAspectRatio = dng.Raw.PixelAspectRatio,
            Metadata = new FrameMetadata { Frame = frame, Timecode = TimecodeOf(dng.Tiff, file) },
            Diagnostics = developed.Diagnostics,
        };
    }

    public void Dispose()
    {
    }

    private Timecode? TimecodeOf(TiffFile tiff, string file)
        => CinemaDngTiming.Parts(tiff) is { } parts && (CinemaDngTiming.Rate(tiff) ?? Info.FrameRate) is { } rate ? CinemaDngTiming.At(parts, rate, file) : null;

    private static void CheckFrame(long frame, string file, RawImage reference, List<Diagnostic> diagnostics)
    {
        try
        {
            var raw = RawImage.Select(TiffReader.Read(file));
            if (raw.Width != reference.Width || raw.Height != reference.Height || raw.ActiveArea != reference.ActiveArea || raw.DefaultCrop != reference.DefaultCrop)
            {
                diagnostics.Add(new Diagnostic
                {
                    Severity = DiagnosticSeverity.Warning,
                    Code = "dng.frame-size",
                    Message = $"Frame {frame} is {raw.Width} × {raw.Height} (active {raw.ActiveWidth} × {raw.ActiveHeight}), unlike the first frame's {reference.Width} × {reference.Height} (active {reference.ActiveWidth} × {reference.ActiveHeight}).",
                    File = file,
                    Field = "ImageWidth",
                    Expected = "every frame of a clip the same size",
                });
            }
        }
        catch (InputException ex)
        {
            diagnostics.Add(Diagnostic.Warning($"Frame {frame} cannot be read: {ex.Message}", ex.File ?? file, ex.Field, ex.Expected));
        }
    }

    private string FileOf(long frame)
        => _files.TryGetValue(frame, out var file)
            ? file
            : throw new InputException($"Clip '{Location.Name}' has no file for frame {frame}.", Location.Path, "frame", $"a frame of {Info.Frames} that is on disk");
}
