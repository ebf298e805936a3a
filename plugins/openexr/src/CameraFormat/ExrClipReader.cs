using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.CameraFormat;

/// <summary>
/// An open OpenEXR clip: a frame sequence (or one file) whose first file's header gives the size, rate,
/// start timecode and metadata. Frames decode independently, so several threads may decode at once.
/// </summary>
internal sealed class ExrClipReader : IClipReader
{
    private readonly Dictionary<long, string> _files;
    private readonly string _colourEncoding;

    public ExrClipReader(ClipLocation location)
    {
        Location = location;
        _files = [];
        for (var i = 0; i < location.MediaFiles.Count; i++)
        {
            var file = location.MediaFiles[i];
            _files.TryAdd(location.Layout == ClipLayout.FrameSequence ? ExrSequence.FrameOf(file) ?? i : ExrSequence.FrameOf(file) ?? 0, file);
        }

        var first = _files.MinBy(f => f.Key);
        var header = ExrFileReader.ReadHeader(first.Value);
        var window = header.DataWindow(first.Value);
        var rate = ExrMetadata.Rate(header);
        var start = ExrMetadata.Timecode(header, rate);
        _colourEncoding = ExrMetadata.ColourEncoding(header);
        var pixelAspect = header["pixelAspectRatio"]?.Describe() is { } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        Info = new ClipInfo
        {
            Frames = new FrameRange(first.Key, _files.Keys.Max()),
            Width = (int)window.Width,
            Height = (int)window.Height,
            PixelAspectRatio = pixelAspect,
            FrameRate = rate,
            StartTimecode = start,
        };
        Metadata = ExrMetadata.From(header, start, rate);
        var diagnostics = new List<Diagnostic>(location.Diagnostics);
        if (_colourEncoding == "scene-linear")
        {
            diagnostics.Add(Diagnostic.Warning("The header has no chromaticities of a known colour space; the pixels are taken as scene-linear with unknown primaries.",
                first.Value, "chromaticities"));
        }

        Diagnostics = diagnostics;
    }

    public ClipLocation Location { get; }

    public ClipInfo Info { get; }

    public ClipMetadata Metadata { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public FrameMetadata ReadFrameMetadata(long frame)
    {
        var header = ExrFileReader.ReadHeader(FileOf(frame));
        return new FrameMetadata { Frame = frame, Timecode = ExrMetadata.Timecode(header, Info.FrameRate) };
    }

    public DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Output != DecodeOutput.Rgb)
        {
            throw new InputException("OpenEXR frames are RGB; there is no mosaic to hand out.", Location.Path, "output", "rgb");
        }

        var file = FileOf(frame);
        var (header, full) = ExrFileReader.ReadPlanar(file);
        if (full.Width != Info.Width || full.Height != Info.Height)
        {
            full.Dispose();
            throw new InputException($"{Path.GetFileName(file)} is {full.Width} x {full.Height} pixels, but the clip's first frame is {Info.Width} x {Info.Height}.",
                file, "dataWindow", $"{Info.Width} x {Info.Height} pixels");
        }

        var pixels = request.Resolution == ResolutionLevel.Full ? full : Downscale(full, (int)request.Resolution);
        return new DecodedFrame(frame, pixels, _colourEncoding)
        {
            PixelAspectRatio = Info.PixelAspectRatio,
            Metadata = new FrameMetadata { Frame = frame, Timecode = ExrMetadata.Timecode(header, Info.FrameRate) },
        };
    }

    public void Dispose()
    {
    }

    private string FileOf(long frame)
        => _files.TryGetValue(frame, out var file)
            ? file
            : throw new InputException($"Clip '{Location.Name}' has no file for frame {frame}.", Location.Path, "frame", $"a frame of {Info.Frames} that is on disk");

    /// <summary>Averages each factor × factor block (partial blocks at the edges average what they hold).</summary>
    private static PlanarImage Downscale(PlanarImage full, int factor)
    {
        using (full)
        {
            var width = (full.Width + factor - 1) / factor;
            var height = (full.Height + factor - 1) / factor;
            var small = new PlanarImage(width, height, full.Channels);
            Parallel.For(0, height, y =>
            {
                for (var c = 0; c < full.Channels; c++)
                {
                    var row = small.GetRow(c, y);
                    for (var x = 0; x < width; x++)
                    {
                        double sum = 0;
                        var count = 0;
                        for (var sy = y * factor; sy < Math.Min(full.Height, (y + 1) * factor); sy++)
                        {
                            var source = full.GetRow(c, sy);
                            for (var sx = x * factor; sx < Math.Min(full.Width, (x + 1) * factor); sx++)
                            {
                                sum += source[sx];
                                count++;
                            }
                        }

                        row[x] = (float)(sum / count);
                    }
                }
            });
            return small;
        }
    }
}
