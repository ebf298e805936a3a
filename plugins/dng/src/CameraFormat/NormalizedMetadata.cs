using System.Globalization;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Plugins.Dng.Develop;
using Rushes.Plugins.Dng.Development;
using Rushes.Plugins.Dng.Raw;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.CameraFormat;

/// <summary>The normalized fields a DNG or CinemaDNG clip carries, in normalized units; each one the file lacks is Missing with the reason.</summary>
internal static class NormalizedMetadata
{
    public static MetadataSet From(DngFrameFile first, string clipName, long frameFiles, FrameRate? rate, Timecode? start, (int Width, int Height) size, bool sequence)
    {
        var tiff = first.Tiff;
        var ifd0 = tiff.Ifd0;
        var exif = tiff.Exif;
        var b = MetadataSet.Create();
        b.Set(NormalizedField.ClipName, MetadataValue.Of(clipName));
        b.Set(NormalizedField.Reel, Text(ifd0, TiffTags.ReelName, "the file has no CinemaDNG ReelName tag"));
        b.Set(NormalizedField.CameraLetter, Text(ifd0, TiffTags.CameraLabel, "the file has no CinemaDNG CameraLabel tag"));
        b.Set(NormalizedField.TimecodeIn, start is { } tc ? MetadataValue.Of(tc)
            : MetadataValue.Missing(ifd0.Has(TiffTags.TimeCodes) ? "TimeCodes is present but the file has no FrameRate to count it at" : "the file has no CinemaDNG TimeCodes tag"));
        b.Set(NormalizedField.CaptureFrameRate, rate is { } r ? MetadataValue.Of(r.AsRational, MetadataUnit.FramesPerSecond) : MetadataValue.Missing("the file has no CinemaDNG FrameRate tag"));
        // The frames on disk: a gap in the numbering is not a frame.
        b.Set(NormalizedField.FrameCount, MetadataValue.Of(frameFiles, MetadataUnit.None));
        b.Set(NormalizedField.Width, MetadataValue.Of(size.Width, MetadataUnit.Pixel));
        b.Set(NormalizedField.Height, MetadataValue.Of(size.Height, MetadataUnit.Pixel));
        b.Set(NormalizedField.Squeeze, MetadataValue.Of(first.Raw.PixelAspectRatio, MetadataUnit.None));
        b.Set(NormalizedField.Codec, MetadataValue.Of($"{(sequence ? "CinemaDNG" : "DNG")} {CodecName(first.Raw)}"));
        b.Set(NormalizedField.CameraMake, Text(ifd0, TiffTags.Make, "the file has no Make tag"));
        b.Set(NormalizedField.CameraModel, ifd0.Has(TiffTags.Model) ? Text(ifd0, TiffTags.Model, string.Empty) : Text(ifd0, TiffTags.UniqueCameraModel, "the file has neither Model nor UniqueCameraModel"));
        b.Set(NormalizedField.CameraSerial, ifd0.Has(TiffTags.CameraSerialNumber) ? Text(ifd0, TiffTags.CameraSerialNumber, string.Empty)
            : Text(exif, TiffTags.BodySerialNumber, "the file has neither a DNG CameraSerialNumber nor an EXIF BodySerialNumber"));
        b.Set(NormalizedField.LensMake, Text(exif, TiffTags.LensMake, "the file has no EXIF LensMake"));
        b.Set(NormalizedField.LensModel, Text(exif, TiffTags.LensModel, "the file has no EXIF LensModel"));
        b.Set(NormalizedField.LensSerial, Text(exif, TiffTags.LensSerialNumber, "the file has no EXIF LensSerialNumber"));
        b.Set(NormalizedField.FocalLength, Number(exif, TiffTags.FocalLength, MetadataUnit.Millimetre, "the file has no EXIF FocalLength"));
        b.Set(NormalizedField.FStop, Number(exif, TiffTags.FNumber, MetadataUnit.FNumber, "the file has no EXIF FNumber"));
        b.Set(NormalizedField.TStop, Number(ifd0, TiffTags.TStop, MetadataUnit.TNumber, "the file has no CinemaDNG TStop tag"));
        b.Set(NormalizedField.ExposureIndex, exif?[TiffTags.IsoSpeedRatings] is { } iso && TiffFieldTypes.IsInteger(iso.Type) && iso.Count > 0
            ? MetadataValue.Of((long)iso.Number(0), MetadataUnit.Iso) : MetadataValue.Missing("the file has no EXIF ISO"));
        b.Set(NormalizedField.ShutterTime, exif?[TiffTags.ExposureTime] is { Type: TiffFieldType.Rational, Count: > 0 } et && et.Fraction(0).Denominator != 0
            ? MetadataValue.Of(new Rational(et.Fraction(0).Numerator, et.Fraction(0).Denominator), MetadataUnit.Second)
            : MetadataValue.Missing("the file has no EXIF ExposureTime"));
        AddWhiteBalance(b, first);
        b.Set(NormalizedField.InputTransformId, MetadataValue.Of(DngDeveloper.InputTransformId));
        b.Set(NormalizedField.RecordedAt, RecordedAt(exif));
        return b.Build();
    }

    private static void AddWhiteBalance(MetadataSet.Builder b, DngFrameFile first)
    {
        if (first.Profile is not { } profile || (profile.AsShotNeutral is null && profile.AsShotWhite is null))
        {
            var reason = first.Profile is null ? "the file has no ColorMatrix1 to relate a white to" : "the file has neither AsShotNeutral nor AsShotWhiteXY";
            b.Set(NormalizedField.WhiteBalanceKelvin, MetadataValue.Missing(reason));
            b.Set(NormalizedField.WhiteBalanceTint, MetadataValue.Missing(reason));
            return;
        }

        try
        {
            // The as-shot white through the DNG colour model, as the DNG SDK reports temperature and tint.
            var colour = CameraColour.Solve(profile, WhiteBalance.AsShot);
            b.Set(NormalizedField.WhiteBalanceKelvin, MetadataValue.Of(Math.Round(colour.Kelvin, 1), MetadataUnit.Kelvin));
            b.Set(NormalizedField.WhiteBalanceTint, MetadataValue.Of(Math.Round(colour.Tint, 2), MetadataUnit.None));
        }
        catch (Rushes.Contracts.Plugins.InputException ex)
        {
            b.Set(NormalizedField.WhiteBalanceKelvin, MetadataValue.Missing($"the as-shot white cannot be solved: {ex.Message}"));
            b.Set(NormalizedField.WhiteBalanceTint, MetadataValue.Missing($"the as-shot white cannot be solved: {ex.Message}"));
        }
    }

    private static MetadataValue RecordedAt(TiffDirectory? exif)
    {
        if (exif?[TiffTags.DateTimeOriginal] is not { Type: TiffFieldType.Ascii } taken)
        {
            return MetadataValue.Missing("the file has no EXIF DateTimeOriginal");
        }

        // EXIF 2.31+ OffsetTimeOriginal (0x9011) gives the zone; without it the local time has no offset to state.
        if (exif[0x9011] is not { Type: TiffFieldType.Ascii } zone)
        {
            return MetadataValue.Missing($"EXIF DateTimeOriginal '{taken.Text()}' has no OffsetTimeOriginal, so its time zone is unknown");
        }

        return DateTimeOffset.TryParseExact($"{taken.Text()} {zone.Text()}", "yyyy:MM:dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var when)
            ? MetadataValue.Of(when)
            : MetadataValue.Missing($"EXIF DateTimeOriginal '{taken.Text()}' {zone.Text()} is not an EXIF date");
    }

    private static string CodecName(RawImage raw) => raw.Compression switch
    {
        Compressions.LosslessJpeg => "lossless JPEG",
        Compressions.Deflate => "Deflate",
        _ => raw.BitsPerSample is 8 or 16 || raw.FloatingPoint ? "uncompressed" : $"uncompressed {raw.BitsPerSample}-bit packed",
    };

    private static MetadataValue Text(TiffDirectory? ifd, ushort tag, string missing)
        => ifd?[tag] is { Type: TiffFieldType.Ascii } entry && entry.Text() is { Length: > 0 } text ? MetadataValue.Of(text) : MetadataValue.Missing(missing);

    private static MetadataValue Number(TiffDirectory? ifd, ushort tag, MetadataUnit unit, string missing)
        => ifd?[tag] is { } entry && TiffFieldTypes.IsNumeric(entry.Type) && entry.Count > 0 && double.IsFinite(entry.Number(0))
            ? MetadataValue.Of(entry.Number(0), unit)
            : MetadataValue.Missing(missing);
}
