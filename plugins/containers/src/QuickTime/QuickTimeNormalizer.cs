using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Containers.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>Maps a parsed movie to the vendor set (every atom value we read, namespaced "QuickTime:") and the normalized v1 fields.</summary>
internal static class QuickTimeNormalizer
{
    /// <summary>QuickTime time counts seconds from midnight, 1 January 1904, UTC (QTFF "Movie Header Atoms").</summary>
    private static readonly DateTimeOffset Epoch1904 = new(1904, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ContainerClip Normalize(string path, string clipName, Movie movie, Track? video, Track? timecodeTrack, Timecode? start, int startFrame, List<Diagnostic> diagnostics)
    {
        var items = movie.Items.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var user = movie.UserData.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        string? Text(string key) => items.TryGetValue(key, out var v) ? v.Kind == MetadataValueKind.Text ? v.AsText() : v.IsPresent ? v.ToString() : null : null;
        double? Number(string key, string prefix = "", string suffix = "")
            => items.TryGetValue(key, out var v) ? v.AsDouble() ?? ParseAffixed(v.AsText(), prefix, suffix) : null;

        var rate = video is { UniformSampleDuration: { } delta, MediaTimescale: > 0 } ? new Rational(video.MediaTimescale, delta) : (Rational?)null;
        var frames = video?.SampleCount is > 0 ? video.SampleCount : (long?)null;
        var angle = Number(QuickTimeKeys.ShutterAngle, suffix: "deg");
        var n = new Normalized()
            .Text(F.ClipName, clipName, "the file has no name")
            .Text(Keys.FileName, Path.GetFileName(path), "the file has no name")
            .Text(F.Reel, timecodeTrack?.Timecode?.SourceName, "the timecode track names no source (reel), and QuickTime has no other reel field")
            .Missing(F.Scene, "QuickTime has no scene field, and the movie's metadata keys name none")
            .Missing(F.Take, "QuickTime has no take field, and the movie's metadata keys name none")
            .Integer(F.FrameCount, frames, MetadataUnit.None, video is null ? "the movie has no video track" : "the video track's time-to-sample table has no samples")
            .Rational(Keys.Duration, DurationOf(movie, video), MetadataUnit.Second, "neither the video track nor the movie header has a duration and time scale")
            .Missing(F.CaptureFrameRate, "the movie records the playback rate of its samples, not the rate the camera captured them at")
            .Rational(F.ProjectFrameRate, rate, MetadataUnit.FramesPerSecond, video is null ? "the movie has no video track" : "the video track's samples have varying durations")
            .Text(F.Codec, CodecName(video), "the movie has no video track with a sample description")
            .DateTime(F.RecordedAt, RecordedAt(movie, Text(QuickTimeKeys.CreationDate)), "the movie header's creation time is unset (0) and no creation-date key is present")
            .Missing(F.CameraLetter, "QuickTime has no camera letter (index) field, and the movie's metadata keys name none")
            .Text(F.CameraMake, Text(QuickTimeKeys.Manufacturer) ?? Text(QuickTimeKeys.TiffMake) ?? Text(QuickTimeKeys.Make) ?? user.GetValueOrDefault("©mak"), "no manufacturer key ('com.apple.proapps.manufacturer', '…{TIFF}.Make') or '©mak' user data")
            .Text(F.CameraModel, Text(QuickTimeKeys.TiffModel) ?? Text(QuickTimeKeys.Model) ?? user.GetValueOrDefault("©mod"), "no model key ('…{TIFF}.Model') or '©mod' user data")
            .Missing(F.CameraSerial, "no metadata key of the movie names the camera serial")
            .Text(F.CameraFirmware, Text(QuickTimeKeys.TiffSoftware), "no '…{TIFF}.Software' key names the camera's firmware")
            .Missing(F.SensorMode, "QuickTime records no sensor mode")
            .Timecode(F.TimecodeIn, start, "the movie has no timecode track")
            .Integer(F.Width, video?.Video?.Width, MetadataUnit.Pixel, "the movie has no video track with a sample description")
            .Integer(F.Height, video?.Video?.Height, MetadataUnit.Pixel, "the movie has no video track with a sample description")
            .Integer(Keys.ActiveWidth, WholeOf(video?.Video?.CleanAperture?.Width), MetadataUnit.Pixel, "the video sample description has no whole-pixel clean aperture ('clap')")
            .Integer(Keys.ActiveHeight, WholeOf(video?.Video?.CleanAperture?.Height), MetadataUnit.Pixel, "the video sample description has no whole-pixel clean aperture ('clap')")
            .Missing(F.LensMake, "no metadata key of the movie names the lens")
            .Missing(F.LensModel, "no metadata key of the movie names the lens")
            .Missing(F.LensSerial, "no metadata key of the movie names the lens")
            // The pixel aspect ratio ('pasp' h/v spacing) is the horizontal stretch a player applies: the de-squeeze.
            .Number(F.Squeeze, video?.Video?.PixelAspect is { H: > 0, V: > 0 } p ? (double)p.H / p.V : null, MetadataUnit.None, "the video sample description has no pixel aspect ratio ('pasp')")
            .Missing(F.FocalLength, "no metadata key of the movie gives the focal length")
            .Missing(F.TStop, "no metadata key of the movie gives a T-stop")
            .Number(F.FStop, Number(QuickTimeKeys.IrisFNumber, prefix: "F") ?? Number(QuickTimeKeys.ExifFNumber), MetadataUnit.FNumber, "no 'org.smpte.rdd18.lens.irisfnumber' or '…{Exif}.FNumber' key")
            .Missing(F.FocusDistance, "no metadata key of the movie gives the focus distance")
            .Integer(F.ExposureIndex, WholeOf(Number(QuickTimeKeys.IsoSensitivity) ?? Number(QuickTimeKeys.ExifExposureIndex)), MetadataUnit.Iso, "no 'org.smpte.rdd18.camera.isosensitivity' or '…{Exif}.ExposureIndex' key")
            .Number(F.ShutterAngle, angle, MetadataUnit.Degree, "no 'org.smpte.rdd18.camera.shutterspeed_angle' key")
            .Missing(F.ShutterTime, "the movie records the shutter angle but not the capture rate it applies to, so the time is not derived")
            // RDD 18 ND filter wheel setting: 1 is clear; position N passes 1/N of the light (the 1/N reading is as
            // the vendor-sidecars plugin reads Sony's same item, and unverified), so log2 N stops.
            .Number(F.NeutralDensity, Number(QuickTimeKeys.NdWheel, prefix: "ND") is { } nd && nd >= 1 ? Math.Log2(nd) : null, MetadataUnit.Stop, "no 'org.smpte.rdd18.camera.neutraldensityfilterwheelsetting' key")
            .Number(F.WhiteBalanceKelvin, Number(QuickTimeKeys.WhiteBalance, suffix: "K"), MetadataUnit.Kelvin, "no 'org.smpte.rdd18.camera.whitebalance' key")
            .Missing(F.WhiteBalanceTint, "no metadata key of the movie gives the tint")
            .Text(F.ColourGamma, Text(QuickTimeKeys.CustomGamma), "no 'com.apple.proapps.customgamma' key")
            .Missing(F.ColourGamut, "no metadata key of the movie names the gamut")
            .Missing(F.InputTransformId, "the movie names no gamut, so no ACES input transform is chosen")
            .Missing(F.Look, "no metadata key of the movie names a look")
            .Missing(Keys.Lut, "no metadata key of the movie names a LUT")
            .Missing(Keys.Cdl, "no metadata key of the movie carries a CDL");

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, Math.Max(0, (frames ?? 1) - 1)),
            Width = video?.Video?.Width ?? 0,
            Height = video?.Video?.Height ?? 0,
            PixelAspectRatio = video?.Video?.PixelAspect is { H: > 0, V: > 0 } par ? (double)par.H / par.V : 1,
            FrameRate = rate is { } r ? new FrameRate(r.Numerator, r.Denominator) : null,
            StartTimecode = start,
        };
        return new ContainerClip
        {
            Info = info,
            Metadata = new ClipMetadata { Vendor = Vendor(movie, timecodeTrack, start is null ? null : startFrame), Normalized = n.Build() },
            Diagnostics = diagnostics,
        };
    }

    /// <summary>The video track's media duration over its time scale, else the movie's.</summary>
    private static Rational? DurationOf(Movie movie, Track? video)
        => video is { MediaTimescale: > 0, MediaDuration: > 0 } ? new Rational(video.MediaDuration, video.MediaTimescale)
            : movie is { Timescale: > 0, Duration: > 0 } ? new Rational(movie.Duration, movie.Timescale)
            : null;

    private static DateTimeOffset? RecordedAt(Movie movie, string? creationDateKey)
    {
        // com.apple.quicktime.creationdate is ISO 8601 with the camera's zone (QTFF "QuickTime Metadata Keys").
        if (creationDateKey is not null && DateTimeOffset.TryParse(creationDateKey, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }

        return movie.CreationTime is > 0 and < 1UL << 40 ? Epoch1904.AddSeconds(movie.CreationTime) : null;
    }

    /// <summary>
    /// The codec named from its sample description format. ProRes codes: Apple, "Apple ProRes" white paper and
    /// QTFF "Video Sample Description"; others: the QTFF and ISO/IEC 14496-15 sample entry codes.
    /// </summary>
    private static string? CodecName(Track? video) => video?.Format switch
    {
        null => null,
        "apco" => "Apple ProRes 422 Proxy",
        "apcs" => "Apple ProRes 422 LT",
        "apcn" => "Apple ProRes 422",
        "apch" => "Apple ProRes 422 HQ",
        "ap4h" => "Apple ProRes 4444",
        "ap4x" => "Apple ProRes 4444 XQ",
        "aprn" => "Apple ProRes RAW",
        "aprh" => "Apple ProRes RAW HQ",
        "avc1" or "avc3" => "H.264/AVC",
        "hvc1" or "hev1" => "H.265/HEVC",
        "AVdn" => "Avid DNxHD",
        "AVdh" => "Avid DNxHR",
        "mp4v" => "MPEG-4 Visual",
        "jpeg" => "Photo JPEG",
        "crx " => "Canon Cinema RAW Light",
        { } other => $"QuickTime '{other}'",
    };

    private static MetadataSet Vendor(Movie movie, Track? timecodeTrack, int? startFrame)
    {
        var set = MetadataSet.Create();
        if (movie.MajorBrand is { } brand)
        {
            set.Set("QuickTime:ftyp/major_brand", MetadataValue.Of(brand));
        }

        set.Set("QuickTime:mvhd/timescale", MetadataValue.Of(movie.Timescale, MetadataUnit.None));
        set.Set("QuickTime:mvhd/duration", MetadataValue.Of(movie.Duration, MetadataUnit.None));
        set.Set("QuickTime:mvhd/creation_time", MetadataValue.Of((long)Math.Min(movie.CreationTime, long.MaxValue), MetadataUnit.Second));
        foreach (var track in movie.Tracks)
        {
            var t = $"QuickTime:trak[{track.Index}]";
            set.Set($"{t}/id", MetadataValue.Of(track.Id, MetadataUnit.None));
            set.Set($"{t}/handler", MetadataValue.Of(track.Handler));
            set.Set($"{t}/mdhd/timescale", MetadataValue.Of(track.MediaTimescale, MetadataUnit.None));
            set.Set($"{t}/mdhd/duration", MetadataValue.Of(track.MediaDuration, MetadataUnit.None));
            set.Set($"{t}/samples", MetadataValue.Of(track.SampleCount, MetadataUnit.None));
            if (track.Format is { } format)
            {
                set.Set($"{t}/format", MetadataValue.Of(format));
            }

            if (track.Video is { } v)
            {
                set.Set($"{t}/width", MetadataValue.Of(v.Width, MetadataUnit.Pixel));
                set.Set($"{t}/height", MetadataValue.Of(v.Height, MetadataUnit.Pixel));
                set.Set($"{t}/tkhd/width", MetadataValue.Of(track.HeaderWidth, MetadataUnit.Pixel));
                set.Set($"{t}/tkhd/height", MetadataValue.Of(track.HeaderHeight, MetadataUnit.Pixel));
                set.Set($"{t}/compressor_name", MetadataValue.Of(v.CompressorName));
                if (v.PixelAspect is { } p)
                {
                    set.Set($"{t}/pasp", MetadataValue.Of($"{p.H}:{p.V}"));
                }
            }

            if (track.Timecode is { } tc)
            {
                set.Set($"{t}/tmcd/flags", MetadataValue.Of(tc.Flags, MetadataUnit.None));
                set.Set($"{t}/tmcd/drop_frame", MetadataValue.Of(tc.DropFrame));
                set.Set($"{t}/tmcd/timescale", MetadataValue.Of(tc.Timescale, MetadataUnit.None));
                set.Set($"{t}/tmcd/frame_duration", MetadataValue.Of(tc.FrameDuration, MetadataUnit.None));
                set.Set($"{t}/tmcd/number_of_frames", MetadataValue.Of(tc.NumberOfFrames, MetadataUnit.None));
                if (tc.SourceName is { } name)
                {
                    set.Set($"{t}/tmcd/name", MetadataValue.Of(name));
                }

                if (track == timecodeTrack && startFrame is { } frame)
                {
                    set.Set($"{t}/tmcd/start_frame", MetadataValue.Of(frame, MetadataUnit.None));
                }
            }
        }

        foreach (var (key, value) in movie.Items)
        {
            set.Set($"QuickTime:mdta/{key}", value);
        }

        foreach (var (type, text) in movie.UserData)
        {
            set.Set($"QuickTime:udta/{type}", MetadataValue.Of(text));
        }

        return set.Build();
    }

    /// <summary>A number written with a unit prefix or suffix, as ProRes RAW writers do ("F1.0", "179.2deg", "4300K", "ND1").</summary>
    private static double? ParseAffixed(string? text, string prefix, string suffix)
    {
        var t = text?.Trim();
        if (t is null || !t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        t = t[prefix.Length..];
        if (suffix.Length > 0 && t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^suffix.Length];
        }

        return double.TryParse(t.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }

    private static long? WholeOf(double? value) => value is { } v && Math.Round(v) == v && Math.Abs(v) < 1e15 ? (long)v : null;

    private static long? WholeOf(Rational? value) => value is { Denominator: 1 } r && r.Numerator > 0 ? r.Numerator : null;
}
