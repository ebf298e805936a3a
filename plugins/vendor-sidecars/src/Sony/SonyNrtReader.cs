using System.Globalization;
using System.Xml.Linq;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Sony;

/// <summary>Maps a Sony NRT XML (and its Venice lens CSV) to vendor and normalized metadata.</summary>
internal static class SonyNrtReader
{
    public static VendorClip Read(string xmlFile, string? csvFile, string? mediaFile, string clipName)
    {
        var document = XmlSource.Load(xmlFile);
        var root = document.Root!;
        if (root.Name.LocalName != "NonRealTimeMeta" || !root.Name.NamespaceName.StartsWith(SonyNrtFormat.NamespacePrefix, StringComparison.Ordinal))
        {
            throw new InputException($"{Path.GetFileName(xmlFile)}'s root element is {root.Name}, not Sony's NonRealTimeMeta.", xmlFile, "root element", $"NonRealTimeMeta in {SonyNrtFormat.NamespacePrefix}…");
        }

        var ns = root.Name.Namespace;
        var items = root.Descendants(ns + "Item")
            .Where(i => i.Parent?.Attribute("name") is not null && i.Attribute("name") is not null)
            .GroupBy(i => i.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Attribute("value")?.Value ?? string.Empty, StringComparer.Ordinal);
        var metas = root.Descendants(ns + "Meta")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Attribute("content")?.Value ?? string.Empty, StringComparer.Ordinal);
        string? Attr(string element, string attribute) => root.Descendants(ns + element).FirstOrDefault()?.Attribute(attribute)?.Value;
        string? Item(string name) => items.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        string? Meta(string name) => metas.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

        var durationText = Attr("Duration", "value")
            ?? throw new InputException($"{Path.GetFileName(xmlFile)} has no Duration.", xmlFile, "Duration", "<Duration value=\"frames\"/>");
        if (!Units.TryInteger(durationText, out var duration) || duration <= 0 || duration > int.MaxValue)
        {
            throw new InputException($"{Path.GetFileName(xmlFile)}'s Duration '{durationText}' is not a frame count.", xmlFile, "Duration", "a positive whole number of frames");
        }

        Rational? captureFps = Attr("VideoFrame", "captureFps") is { } cf && Units.TryFrameRate(cf, out var c) ? c : null;
        Rational? formatFps = Attr("VideoFrame", "formatFps") is { } ff && Units.TryFrameRate(ff, out var f) ? f : null;
        var diagnostics = new List<Diagnostic>();
        var start = StartTimecode(root, ns, formatFps, xmlFile, diagnostics);

        long? width = Attr("VideoLayout", "pixel") is { } w && Units.TryInteger(w, out var pw) && pw > 0 ? pw : null;
        long? height = Attr("VideoLayout", "numOfVerticalLine") is { } h && Units.TryInteger(h, out var ph) && ph > 0 ? ph : null;
        double? squeeze = Item("AnamorphicLensSqueezeRatio") is { } sq && Units.TryInteger(sq, out var hundredths) && hundredths > 0 ? Units.SonySqueeze(hundredths) : null;
        var n = new NormalizedBuilder();
        n.Text(F.ClipName, clipName, "the XML file name has no clip name")
            .Text(Keys.FileName, mediaFile is null ? null : Path.GetFileName(mediaFile), "the NRT XML does not name its media file, and no MXF of the clip's name is beside it")
            .Text(F.Reel, Meta("Reel"), "the NRT XML's Reel is empty")
            .Text(F.Scene, Meta("Scene"), "the NRT XML's Scene is empty")
            .Text(F.Take, Meta("Take"), "the NRT XML's Take is empty")
            .Integer(F.FrameCount, duration, MetadataUnit.None, string.Empty)
            .Rational(F.CaptureFrameRate, captureFps, MetadataUnit.FramesPerSecond, "VideoFrame has no captureFps")
            .Rational(F.ProjectFrameRate, formatFps, MetadataUnit.FramesPerSecond, "VideoFrame has no formatFps");

        var (codec, sensorMode) = SplitVideoCodec(Attr("VideoFrame", "videoCodec"));
        n.Text(F.Codec, codec, "VideoFrame has no videoCodec")
            .Text(F.SensorMode, sensorMode, "the videoCodec names no sensor mode")
            .DateTime(F.RecordedAt, Attr("CreationDate", "value") is { } cd && DateTimeOffset.TryParse(cd, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
                "the NRT XML has no CreationDate")
            .Text(F.CameraLetter, Meta("CameraIndex"), "the NRT XML's CameraIndex is empty")
            .Text(F.CameraMake, Attr("Camera", "manufacturer"), "the Camera element has no manufacturer")
            .Text(F.CameraModel, Attr("Camera", "modelName"), "the Camera element has no modelName")
            .Text(F.CameraSerial, Attr("Camera", "serialNo"), "the Camera element has no serialNo")
            .Text(F.CameraFirmware, root.Element(ns + "Camera")?.Element(ns + "Element")?.Attribute("software")?.Value, "the Camera element has no software version")
            .Timecode(F.TimecodeIn, start, "the NRT XML has no LtcChange at frame 0 with a frame rate")
            .Integer(F.Width, width, MetadataUnit.Pixel, "VideoLayout has no pixel count")
            .Integer(F.Height, height, MetadataUnit.Pixel, "VideoLayout has no numOfVerticalLine")
            .Missing(Keys.ActiveWidth, $"the NRT XML gives the active area only as an aspect ratio ({Item("ActiveAreaAspectRatio") ?? "none"})")
            .Missing(Keys.ActiveHeight, $"the NRT XML gives the active area only as an aspect ratio ({Item("ActiveAreaAspectRatio") ?? "none"})")
            .Text(F.LensMake, Attr("Lens", "manufacturer"), "the Lens element's manufacturer is empty")
            .Text(F.LensModel, Attr("Lens", "modelName"), "the Lens element has no modelName")
            .Missing(F.LensSerial, $"the NRT XML has no lens serial (LensAttributes '{Item("LensAttributes") ?? string.Empty}' is what the lens CSV calls the lens model)")
            .Number(F.Squeeze, squeeze, MetadataUnit.None,
                "the NRT XML has no AnamorphicLensSqueezeRatio")
            // The exposure index the camera was rated at; ISOSensitivity (the sensor's base) stays in the vendor set.
            .Integer(F.ExposureIndex, Item("ExposureIndexOfPhotoMeter") is { } ei && Units.TryInteger(ei, out var e) ? e : null, MetadataUnit.Iso, "the NRT XML has no ExposureIndexOfPhotoMeter");

        double? angle = Item("ShutterSpeedAngle") is { } sa && Units.TryInteger(sa, out var sixtieths) ? Units.SonyShutterAngle(sixtieths) : null;
        n.Number(F.ShutterAngle, angle, MetadataUnit.Degree, "the NRT XML has no ShutterSpeedAngle")
            .Rational(F.ShutterTime, angle is { } a && captureFps is { } rate ? Units.ShutterTime(a, rate) : null, MetadataUnit.Second, "needs the shutter angle and the capture frame rate")
            // RDD 18 NeutralDensityFilterWheelSetting: 1 is the clear position; other positions give transmittance 1/N
            // (camera-formats.md §1.5 tag 8103; the 1/N reading is unverified), so log2 N stops.
            .Number(F.NeutralDensity, Item("NeutralDensityFilterWheelSetting") is { } nd && Units.TryInteger(nd, out var wheel) && wheel >= 1 ? Math.Log2(wheel) : null, MetadataUnit.Stop,
                "the NRT XML has no NeutralDensityFilterWheelSetting")
            .Number(F.WhiteBalanceKelvin, Item("WhiteBalance") is { } wb && Units.TryNumber(wb, out var kelvin) ? kelvin : null, MetadataUnit.Kelvin, "the NRT XML has no WhiteBalance")
            .Missing(F.WhiteBalanceTint, "the NRT XML records no tint")
            .Text(F.ColourGamma, Item("CaptureGammaEquation"), "the NRT XML has no CaptureGammaEquation")
            .Missing(F.ColourGamut, "the NRT XML has no capture colour primaries item (RDD 18 tag 3219)")
            .Missing(F.InputTransformId, "X-OCN and Sony RAW are scene-linear camera raw; the Sony RAW SDK develops them, no ACES input transform applies to the file")
            .Missing(F.Look, "the NRT XML names no look")
            .Text(Keys.Lut, Lut(Item("PreCDLTransform")), "the NRT XML's PreCDLTransform names no LUT")
            .Missing(Keys.Cdl, "the NRT XML carries no CDL values");

        var vendor = Vendor(root);
        var frames = new List<FrameMetadata>();
        if (csvFile is not null)
        {
            frames = VeniceLensCsv.Read(csvFile, start, diagnostics);
            if (frames.Count != duration)
            {
                diagnostics.Add(Diagnostic.Warning($"The lens CSV has {frames.Count} frames, the XML's Duration {duration}.", csvFile, "rows", $"{duration} rows"));
            }
        }

        StaticLens(n, frames.FirstOrDefault(), csvFile is null);
        var info = new ClipInfo
        {
            Frames = new FrameRange(0, duration - 1),
            Width = (int)Math.Min(width ?? 0, int.MaxValue),
            Height = (int)Math.Min(height ?? 0, int.MaxValue),
            PixelAspectRatio = squeeze ?? 1,
            FrameRate = formatFps is { } fr ? new FrameRate(fr.Numerator, fr.Denominator) : null,
            StartTimecode = start,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor, Normalized = n.Build() }, Frames = frames, Diagnostics = diagnostics };
    }

    /// <summary>The first frame's lens values stand for the clip's static ones.</summary>
    private static void StaticLens(NormalizedBuilder n, FrameMetadata? first, bool noCsv)
    {
        var why = noCsv ? "the lens values are in the per-frame lens CSV, which is not beside the XML" : "the lens CSV's first frame has no value";
        foreach (var key in new[] { F.FocalLength, F.TStop, F.FStop, F.FocusDistance })
        {
            n.Value(key, first?.Values.TryGetValue(key, out var v) == true ? v : MetadataValue.Missing(why));
        }
    }

    /// <summary>"LUT:SL3SG3Ctos709.cube" names a LUT; "none" does not.</summary>
    private static string? Lut(string? transform)
        => transform is not null && transform.StartsWith("LUT:", StringComparison.OrdinalIgnoreCase) ? transform[4..] : null;

    /// <summary>
    /// Sony names the recording "F55_X-OCN_XT_6K_16:9": a family prefix, the codec (X-OCN XT) and then the sensor
    /// mode, which starts at the first resolution token such as 6K or 4K.
    /// </summary>
    internal static (string? Codec, string? SensorMode) SplitVideoCodec(string? videoCodec)
    {
        if (string.IsNullOrWhiteSpace(videoCodec))
        {
            return (null, null);
        }

        var parts = videoCodec.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var mode = Array.FindIndex(parts, 1, p => p.Length >= 2 && (p[^1] is 'K' or 'k') && p[..^1].All(ch => char.IsAsciiDigit(ch) || ch == '.'));
        if (parts.Length < 2 || mode < 0)
        {
            return (videoCodec, null);
        }

        return (string.Join(' ', parts[1..mode]) is { Length: > 0 } codec ? codec : videoCodec, string.Join(' ', parts[mode..]));
    }

    private static Timecode? StartTimecode(XElement root, XNamespace ns, Rational? formatFps, string file, List<Diagnostic> diagnostics)
    {
        var table = root.Element(ns + "LtcChangeTable");
        var first = table?.Elements(ns + "LtcChange").FirstOrDefault(e => e.Attribute("frameCount")?.Value == "0");
        if (first is null)
        {
            return null;
        }

        // The timecode counts at the project rate; tcFps is only its base (24 for 23.98p).
        var rate = formatFps is { } f ? new FrameRate(f.Numerator, f.Denominator)
            : table!.Attribute("tcFps")?.Value is { } tc && Units.TryInteger(tc, out var b) && b > 0 ? new FrameRate(b, 1) : (FrameRate?)null;
        var value = first.Attribute("value")?.Value ?? string.Empty;
        if (rate is null || !NrtTimecode.TryParse(value, rate.Value, out var timecode))
        {
            diagnostics.Add(Diagnostic.Warning($"LtcChange value '{value}' is not a BCD timecode at the clip's rate.", file, $"LtcChange ({XmlSource.Where(first)})", "8 BCD digits FFSSMMHH"));
            return null;
        }

        return timecode;
    }

    /// <summary>Every attribute and item of the XML, keyed by element path (indexed where an element repeats).</summary>
    private static MetadataSet Vendor(XElement root)
    {
        var set = MetadataSet.Create();
        void Walk(XElement element, string path)
        {
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None))
            {
                set.Set($"Sony:{path}@{attribute.Name.LocalName}", MetadataValue.Of(attribute.Value));
            }

            foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName, StringComparer.Ordinal))
            {
                var children = group.ToList();
                for (var i = 0; i < children.Count; i++)
                {
                    var child = children[i];
                    if (child.Name.LocalName is "Item" or "Meta" && child.Attribute("name") is { } name)
                    {
                        set.Set($"Sony:{path}/{name.Value}", MetadataValue.Of(child.Attribute("value")?.Value ?? child.Attribute("content")?.Value ?? string.Empty));
                        continue;
                    }

                    var childPath = (path.Length > 0 ? path + "/" : string.Empty) + child.Name.LocalName
                        + (child.Attribute("name") is { } groupName ? $"[{groupName.Value}]" : children.Count > 1 ? $"[{i}]" : string.Empty);
                    Walk(child, childPath);
                }
            }
        }

        Walk(root, string.Empty);
        return set.Build();
    }
}
