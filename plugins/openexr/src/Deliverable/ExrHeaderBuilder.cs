using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>
/// The header of each frame of a deliverable: the required attributes, the colour labelling
/// (chromaticities, and for an ACES container the flag and adopted neutral), time (timeCode,
/// framesPerSecond, capDate), provenance (owner, comments, AMF uuid) and the clip's camera and lens
/// metadata under OpenEXR's standard attribute names and types.
/// </summary>
internal sealed class ExrHeaderBuilder
{
    // Normalized clip fields and the standard OpenEXR attributes (ImfStandardAttributes) they become.
    private static readonly (string Field, string Attribute)[] TextFields =
    [
        (NormalizedField.CameraMake, "cameraMake"),
        (NormalizedField.CameraModel, "cameraModel"),
        (NormalizedField.CameraSerial, "cameraSerialNumber"),
        (NormalizedField.CameraFirmware, "cameraFirmwareVersion"),
        (NormalizedField.CameraLetter, "cameraLabel"),
        (NormalizedField.LensMake, "lensMake"),
        (NormalizedField.LensModel, "lensModel"),
        (NormalizedField.LensSerial, "lensSerialNumber"),
        (NormalizedField.Reel, "reelName"),
        (NormalizedField.ClipName, "clipName"),
    ];

    private static readonly (string Field, string Attribute)[] FloatFields =
    [
        (NormalizedField.FocalLength, "nominalFocalLength"),
        (NormalizedField.TStop, "tStop"),
        (NormalizedField.FStop, "aperture"),
        (NormalizedField.FocusDistance, "focus"),
        (NormalizedField.ExposureIndex, "isoSpeed"),
        (NormalizedField.ShutterTime, "expTime"),
        (NormalizedField.ShutterAngle, "shutterAngle"),
        (NormalizedField.WhiteBalanceKelvin, "cameraCCTSetting"),
        (NormalizedField.WhiteBalanceTint, "cameraTintSetting"),
    ];

    // Free request attributes and the header attributes they become.
    private static readonly (string Key, string Attribute)[] RequestAttributes =
    [
        ("owner", "owner"),
        ("comments", "comments"),
        ("amf-uuid", "amfUuid"),
        ("clip-name", "clipName"),
        ("reel", "reelName"),
    ];

    private readonly DeliverableRequest _request;
    private readonly OpenExrOptions _options;
    private readonly List<ExrAttribute> _common;

    public ExrHeaderBuilder(DeliverableRequest request, OpenExrOptions options)
    {
        _request = request;
        _options = options;
        Channels = ExrFileWriter.Sorted(new[] { "R", "G", "B" }.Concat(options.Alpha ? ["A"] : Array.Empty<string>())
            .Select(name => new ExrChannel(name, options.PixelType)));
        _common = Common();
    }

    public IReadOnlyList<ExrChannel> Channels { get; }

    /// <summary>The header of one frame, attributes sorted by name as the OpenEXR library writes them.</summary>
    public ExrHeader For(DeliverableFrame frame)
    {
        var attributes = new List<ExrAttribute>(_common)
        {
            ExrAttribute.Int("imageCounter", (int)frame.FrameNumber),
        };

        var timecode = frame.Timecode ?? _request.StartTimecode?.AddFrames(frame.FrameNumber - _request.Frames.First);
        if (timecode is { } tc)
        {
            attributes.Add(ExrAttribute.TimeCode("timeCode", TimecodePacking.Pack(tc), 0));
        }

        return new ExrHeader([.. attributes.OrderBy(a => a.Name, StringComparer.Ordinal)]);
    }

    private List<ExrAttribute> Common()
    {
        var attributes = ExrFileWriter.RequiredAttributes(_request.Width, _request.Height, Channels, _options.Compression, (float)_request.PixelAspectRatio);
        var named = new Dictionary<string, ExrAttribute>(StringComparer.Ordinal);
        void Set(ExrAttribute attribute) => named[attribute.Name] = attribute;

        if (Chromaticities.For(_request.ColourEncoding) is { } xy)
        {
            Set(ExrAttribute.Chromaticities(xy));
        }

        if (_options.AcesContainer)
        {
            // SMPTE ST 2065-4: the flag, and the ACES white as the adopted neutral.
            Set(ExrAttribute.Int("acesImageContainerFlag", 1));
            Set(ExrAttribute.V2f("adoptedNeutral", Chromaticities.AcesWhite.X, Chromaticities.AcesWhite.Y));
        }

        var rate = _request.FrameRate;
        Set(ExrAttribute.Rational("framesPerSecond", (int)rate.Numerator, (uint)rate.Denominator));

        var clip = _request.ClipMetadata.Normalized;
        foreach (var (field, attribute) in TextFields)
        {
            if (clip.TryGetValue(field, out var value) && value.AsText() is { Length: > 0 } text)
            {
                Set(ExrAttribute.String(attribute, text));
            }
        }

        foreach (var (field, attribute) in FloatFields)
        {
            if (clip.TryGetValue(field, out var value) && value.AsDouble() is { } number && double.IsFinite(number))
            {
                Set(ExrAttribute.Float(attribute, (float)number));
            }
        }

        if (clip.TryGetValue(NormalizedField.CaptureFrameRate, out var capture) && capture.AsRational() is { } captureRate
            && captureRate.Numerator is > 0 and <= int.MaxValue && captureRate.Denominator <= uint.MaxValue)
        {
            Set(ExrAttribute.Rational("captureRate", (int)captureRate.Numerator, (uint)captureRate.Denominator));
        }

        if (clip.TryGetValue(NormalizedField.RecordedAt, out var recorded) && recorded.AsDateTime() is { } at)
        {
            // capDate is the local time of capture; utcOffset is UTC minus local time, in seconds.
            Set(ExrAttribute.String("capDate", at.ToString("yyyy':'MM':'dd HH':'mm':'ss", CultureInfo.InvariantCulture)));
            Set(ExrAttribute.Float("utcOffset", (float)-at.Offset.TotalSeconds));
        }

        foreach (var (key, attribute) in RequestAttributes)
        {
            if (_request.Attributes.TryGetValue(key, out var text) && !string.IsNullOrEmpty(text))
            {
                Set(ExrAttribute.String(attribute, text));
            }
        }

        Set(ExrAttribute.String("software", "Rushes OpenEXR deliverable"));
        attributes.AddRange(named.Values);
        return attributes;
    }
}
