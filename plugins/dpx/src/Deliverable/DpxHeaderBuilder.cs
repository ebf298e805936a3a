using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Metadata;
using Rushes.Plugins.Dpx.Format;
using Rushes.Plugins.Dpx.IO;

namespace Rushes.Plugins.Dpx.Deliverable;

/// <summary>
/// The header of each frame of a deliverable: the file information (name, creation time, creator, project,
/// copyright), the image element (bit depth, packing, transfer, colorimetric, reference codes), the image
/// source header (source clip, capture time, reel as input device, camera serial, pixel aspect ratio), the
/// film header (frame position, sequence length, frame rate, shutter angle) and the television header
/// (timecode, progressive, frame rate).
/// </summary>
internal sealed class DpxHeaderBuilder
{
    private const string Software = "Rushes DPX deliverable";

    private readonly DeliverableRequest _request;
    private readonly TimeProvider _clock;
    private readonly DpxHeader _common;

    public DpxHeaderBuilder(DeliverableRequest request, DpxOptions options, TimeProvider clock)
    {
        _request = request;
        _clock = clock;
        _common = Common(request, options);
    }

    /// <summary>The reel the request names: its <c>reel</c> attribute, else the clip's reel, else empty.</summary>
    public static string Reel(DeliverableRequest request)
        => request.Attributes.TryGetValue("reel", out var reel) && !string.IsNullOrEmpty(reel) ? reel : Text(request.ClipMetadata.Normalized, NormalizedField.Reel);

    public DpxHeader For(DeliverableFrame frame, string fileName)
    {
        var timecode = frame.Timecode ?? frame.Metadata?.Timecode ?? _request.StartTimecode?.AddFrames(frame.FrameNumber - _request.Frames.First);
        return _common with
        {
            FileName = fileName,
            CreationTime = Stamp(CreationTime()),
            FramePosition = frame.FrameNumber is >= 0 and < uint.MaxValue ? (uint)frame.FrameNumber : null,
            TimeCode = timecode is { } tc ? SmpteTimecode.Pack(tc) : null,
            UserBits = timecode is null ? null : 0,
        };
    }

    private static DpxHeader Common(DeliverableRequest request, DpxOptions options)
    {
        var (transfer, colorimetric) = options.Characteristics(request.ColourEncoding);
        var max = DpxRowCodec.MaxCode(options.BitDepth);
        var clip = request.ClipMetadata.Normalized;
        var clipName = request.Attributes.TryGetValue("clip-name", out var name) && !string.IsNullOrEmpty(name) ? name : Text(clip, NormalizedField.ClipName);
        var fps = (float)request.FrameRate.FramesPerSecond;
        var (aspectH, aspectV) = Aspect(request.PixelAspectRatio);
        return new DpxHeader
        {
            Creator = Software,
            Project = options.Project.Length > 0 ? options.Project : clipName,
            Copyright = request.Attributes.GetValueOrDefault("owner") ?? "",
            Width = (uint)request.Width,
            Height = (uint)request.Height,
            Element = new DpxElement
            {
                // Codes span the full range: 0.0 is code 0, 1.0 the largest code. Printing density states the
                // Cineon convention of 0.002 density per 10-bit code (code 1023 at a density of 2.046).
                ReferenceLowData = 0,
                ReferenceHighData = max,
                ReferenceLowQuantity = transfer == DpxCharacteristic.PrintingDensity ? 0f : null,
                ReferenceHighQuantity = transfer == DpxCharacteristic.PrintingDensity ? 2.046f : null,
                Transfer = transfer,
                Colorimetric = colorimetric,
                BitDepth = (byte)options.BitDepth,
                // 10-bit is filled to 32-bit words with method A; 16-bit samples need no packing and lie end to end.
                Packing = (ushort)(options.BitDepth == 10 ? 1 : 0),
            },
            XOffset = 0,
            YOffset = 0,
            XOriginalSize = (uint)request.Width,
            YOriginalSize = (uint)request.Height,
            SourceFileName = clipName,
            SourceTime = clip.TryGetValue(NormalizedField.RecordedAt, out var recorded) && recorded.AsDateTime() is { } at ? Stamp(at) : "",
            InputDevice = Reel(request),
            InputDeviceSerial = Text(clip, NormalizedField.CameraSerial),
            AspectHorizontal = aspectH,
            AspectVertical = aspectV,
            SequenceLength = SequenceLength(request),
            HeldCount = 1,
            FilmFrameRate = fps,
            ShutterAngle = clip.TryGetValue(NormalizedField.ShutterAngle, out var shutter) && shutter.AsDouble() is { } angle && double.IsFinite(angle) ? (float)angle : null,
            Interlace = 0,
            FieldNumber = 0,
            VideoSignal = 0,
            TemporalSampleRate = fps,
        };
    }

    /// <summary>The pixel aspect ratio as the smallest whole-number pair within 1/10000.</summary>
    /// <summary>The host's <c>sequence-length</c> when it writes a part of a longer sequence (a work unit), else the frames asked for.</summary>
    private static uint? SequenceLength(DeliverableRequest request)
    {
        var length = request.Attributes.TryGetValue("sequence-length", out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stated) && stated >= request.Frames.Count
            ? stated
            : request.Frames.Count;
        return length is > 0 and < uint.MaxValue ? (uint)length : null;
    }

    private static (uint H, uint V) Aspect(double ratio)
    {
        var h = (uint)Math.Round(ratio * 10000);
        uint v = 10000;
        for (var (a, b) = (h, v); ; (a, b) = (b, a % b))
        {
            if (b == 0)
            {
                return (h / a, v / a);
            }
        }
    }

    // ST 268 date and time: "YYYY:MM:DD:hh:mm:ss" and the offset from UTC.
    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy':'MM':'dd':'HH':'mm':'sszz", CultureInfo.InvariantCulture);

    private static string Text(MetadataSet set, string field) => set.TryGetValue(field, out var value) && value.AsText() is { } text ? text : "";

    // A render pins the time (attribute creation-time) so that the same unit gives the same bytes.
    private DateTimeOffset CreationTime() =>
        _request.Attributes.TryGetValue("creation-time", out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var pinned)
            ? pinned.ToUniversalTime()
            : _clock.GetUtcNow();
}
