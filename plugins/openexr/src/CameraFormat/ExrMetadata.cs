using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.Deliverable;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.CameraFormat;

/// <summary>Header attributes as clip metadata: every attribute under <c>EXR:</c>, and the standard ones normalized.</summary>
internal static class ExrMetadata
{
    private static readonly Dictionary<string, string> NormalizedText = new(StringComparer.Ordinal)
    {
        ["cameraMake"] = NormalizedField.CameraMake,
        ["cameraModel"] = NormalizedField.CameraModel,
        ["cameraSerialNumber"] = NormalizedField.CameraSerial,
        ["cameraFirmwareVersion"] = NormalizedField.CameraFirmware,
        ["cameraLabel"] = NormalizedField.CameraLetter,
        ["lensMake"] = NormalizedField.LensMake,
        ["lensModel"] = NormalizedField.LensModel,
        ["lensSerialNumber"] = NormalizedField.LensSerial,
        ["reelName"] = NormalizedField.Reel,
        ["clipName"] = NormalizedField.ClipName,
    };

    private static readonly Dictionary<string, (string Field, MetadataUnit Unit)> NormalizedNumbers = new(StringComparer.Ordinal)
    {
        ["nominalFocalLength"] = (NormalizedField.FocalLength, MetadataUnit.Millimetre),
        ["tStop"] = (NormalizedField.TStop, MetadataUnit.TNumber),
        ["aperture"] = (NormalizedField.FStop, MetadataUnit.FNumber),
        ["focus"] = (NormalizedField.FocusDistance, MetadataUnit.Metre),
        ["shutterAngle"] = (NormalizedField.ShutterAngle, MetadataUnit.Degree),
        ["cameraCCTSetting"] = (NormalizedField.WhiteBalanceKelvin, MetadataUnit.Kelvin),
        ["cameraTintSetting"] = (NormalizedField.WhiteBalanceTint, MetadataUnit.None),
    };

    public static ClipMetadata From(ExrHeader header, Timecode? start, FrameRate? rate)
    {
        var vendor = header.Attributes.Select(a => new KeyValuePair<string, MetadataValue>("EXR:" + a.Name, VendorValue(a)));
        var normalized = new List<KeyValuePair<string, MetadataValue>>();
        foreach (var attribute in header.Attributes)
        {
            if (NormalizedText.TryGetValue(attribute.Name, out var field) && attribute.TypeName == "string")
            {
                normalized.Add(new(field, MetadataValue.Of(Encoding.UTF8.GetString(attribute.Value))));
            }
            else if (NormalizedNumbers.TryGetValue(attribute.Name, out var number) && Float(attribute) is { } value)
            {
                normalized.Add(new(number.Field, MetadataValue.Of(value, number.Unit)));
            }
            else if (attribute.Name == "isoSpeed" && Float(attribute) is { } iso)
            {
                normalized.Add(new(NormalizedField.ExposureIndex, MetadataValue.Of((long)Math.Round(iso), MetadataUnit.Iso)));
            }
            else if (attribute.Name == "captureRate" && Rational(attribute) is { } capture)
            {
                normalized.Add(new(NormalizedField.CaptureFrameRate, MetadataValue.Of(capture, MetadataUnit.FramesPerSecond)));
            }
        }

        if (rate is { } r)
        {
            normalized.Add(new(NormalizedField.ProjectFrameRate, MetadataValue.Of(r.AsRational, MetadataUnit.FramesPerSecond)));
        }

        if (start is { } tc)
        {
            normalized.Add(new(NormalizedField.TimecodeIn, MetadataValue.Of(tc)));
        }

        normalized.Add(new(NormalizedField.Codec, MetadataValue.Of("OpenEXR " + ExrFormat.Name(header.Compression()))));
        var window = header.DataWindow();
        normalized.Add(new(NormalizedField.Width, MetadataValue.Of(window.Width, MetadataUnit.Pixel)));
        normalized.Add(new(NormalizedField.Height, MetadataValue.Of(window.Height, MetadataUnit.Pixel)));
        return new ClipMetadata { Vendor = new MetadataSet(vendor), Normalized = new MetadataSet(normalized) };
    }

    /// <summary>The frame rate from <c>framesPerSecond</c>, when present and positive.</summary>
    public static FrameRate? Rate(ExrHeader header)
        => header["framesPerSecond"] is { } fps && Rational(fps) is { Numerator: > 0 } r ? new FrameRate(r.Numerator, r.Denominator) : null;

    /// <summary>The <c>timeCode</c> attribute at a frame rate, when both are present and the digits are valid.</summary>
    public static Timecode? Timecode(ExrHeader header, FrameRate? rate)
    {
        if (rate is not { } r || header["timeCode"] is not { TypeName: "timecode", Value.Length: 8 } attribute)
        {
            return null;
        }

        var packed = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value);
        static int Bcd(uint units, uint tens) => (int)((tens * 10) + units);
        var frames = Bcd(packed & 0xf, (packed >> 4) & 0x3);
        if (r.TimecodeBase > 30)
        {
            // Frame pairs above 30 fps (see TimecodePacking).
            frames = (frames * 2) + ((packed & (1u << 15)) != 0 ? 1 : 0);
        }

        var drop = (packed & (1u << 6)) != 0 && r.SupportsDropFrame;
        try
        {
            return Contracts.Time.Timecode.FromParts(Bcd((packed >> 24) & 0xf, (packed >> 28) & 0x3), Bcd((packed >> 16) & 0xf, (packed >> 20) & 0x7),
                Bcd((packed >> 8) & 0xf, (packed >> 12) & 0x7), frames, r, drop);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>What the pixels are, from the chromaticities (ACES containers are ACES2065-1 by definition).</summary>
    public static string ColourEncoding(ExrHeader header)
    {
        if (header["acesImageContainerFlag"] is { } flag && flag.Describe() == "1")
        {
            return "ACES2065-1";
        }

        if (header["chromaticities"] is { TypeName: "chromaticities", Value.Length: 32 } c)
        {
            var xy = Enumerable.Range(0, 8).Select(i => BinaryPrimitives.ReadSingleLittleEndian(c.Value.AsSpan(i * 4))).ToArray();
            foreach (var encoding in new[] { "ACES2065-1", "ACEScg", "Rec.709", "Rec.2020", "P3-D65" })
            {
                if (Chromaticities.For(encoding) is { } known && known.Zip(xy).All(p => Math.Abs(p.First - p.Second) < 5e-4))
                {
                    return encoding switch { "ACES2065-1" or "ACEScg" => encoding, _ => "linear-" + encoding };
                }
            }
        }

        return "scene-linear";
    }

    private static MetadataValue VendorValue(ExrAttribute attribute) => attribute.TypeName switch
    {
        "string" => MetadataValue.Of(Encoding.UTF8.GetString(attribute.Value)),
        "int" when attribute.Value.Length == 4 => MetadataValue.Of((long)BinaryPrimitives.ReadInt32LittleEndian(attribute.Value), MetadataUnit.None),
        "float" when Float(attribute) is { } f => MetadataValue.Of(f, MetadataUnit.None),
        "rational" when Rational(attribute) is { } r => MetadataValue.Of(r, MetadataUnit.None),
        _ => MetadataValue.Of(attribute.Describe()),
    };

    // Through the float's shortest text, so that 172.8f reads 172.8 and not 172.8000030517578.
    private static double? Float(ExrAttribute attribute)
        => attribute is { TypeName: "float", Value.Length: 4 } && BinaryPrimitives.ReadSingleLittleEndian(attribute.Value) is var f && float.IsFinite(f)
            ? double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null;

    private static Rational? Rational(ExrAttribute attribute)
    {
        if (attribute is not { TypeName: "rational", Value.Length: 8 })
        {
            return null;
        }

        var d = BinaryPrimitives.ReadUInt32LittleEndian(attribute.Value.AsSpan(4));
        return d == 0 ? null : new Rational(BinaryPrimitives.ReadInt32LittleEndian(attribute.Value), d);
    }
}
