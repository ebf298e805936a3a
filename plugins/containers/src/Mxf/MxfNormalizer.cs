using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Containers.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;
using K = Rushes.Plugins.Containers.Mxf.Labels.SetKind;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>
/// Follows the header metadata's strong references (Preface → Identification; packages → tracks → sequences →
/// components; source package → descriptor) and maps what it finds to the vendor set ("MXF:") and the normalized
/// v1 fields.
/// </summary>
internal static class MxfNormalizer
{
    /// <summary>Far beyond any recording, and small enough that durations and timecodes computed from it cannot overflow.</summary>
    private const long MaxFrames = 1L << 40;

    public static ContainerClip Normalize(FileWindow file, string clipName, PartitionPack pack, HeaderMetadata h, IReadOnlyList<LocalSet> rdd18, List<Diagnostic> diagnostics)
    {
        var preface = h.OfKind(K.Preface).FirstOrDefault() ?? throw file.Error("Preface", "the header metadata has no Preface set", "a Preface set (ST 377-1 §9.5.1)");
        // The first identification is the application that created the file: the camera, for a camera original.
        var identification = preface.References(Tags.Identifications).Select(h.Resolve).FirstOrDefault(s => s is not null) ?? h.OfKind(K.Identification).FirstOrDefault();
        var material = h.OfKind(K.MaterialPackage).FirstOrDefault();
        var sources = h.OfKind(K.SourcePackage).ToList();
        var filePackage = sources.FirstOrDefault(p => IsFileDescriptor(Descriptor(h, p)));
        var reelPackage = sources.FirstOrDefault(p => p != filePackage && !string.IsNullOrWhiteSpace(p.Text(Tags.PackageName)));
        var picture = PictureDescriptor(h, filePackage);
        var pictureTrack = Tracks(h, filePackage).Concat(Tracks(h, material)).FirstOrDefault(t => IsTrackOf(h, t, Labels.PictureTrack));
        var timecode = TimecodeOf(file, h, filePackage) ?? TimecodeOf(file, h, material);

        var editRate = pictureTrack?.Fraction(Tags.EditRate) ?? picture?.Fraction(Tags.SampleRate);
        var frames = (pictureTrack is null ? null : Sequence(h, pictureTrack)?.Integer(Tags.ComponentDuration)) ?? picture?.Integer(Tags.ContainerDuration);
        frames = frames is > 0 ? frames : null;
        if (frames > MaxFrames)
        {
            throw file.Error("Duration", $"the picture track claims {frames} frames", $"at most {MaxFrames} frames (a year at 120 fps is 3.8·10^9)");
        }

        var width = picture?.Integer(Tags.SampledWidth) ?? picture?.Integer(Tags.StoredWidth);
        var height = picture?.Integer(Tags.SampledHeight) ?? picture?.Integer(Tags.StoredHeight);
        var coding = picture?.Label(Tags.PictureEssenceCoding);
        var lens = rdd18.Where(s => s.Key.Matches(Labels.Rdd18LensUnit)).ToList();
        var camera = rdd18.Where(s => s.Key.Matches(Labels.Rdd18CameraUnit)).ToList();
        long? CameraItem(ushort tag) => camera.Select(s => s.Integer(tag)).FirstOrDefault(v => v is not null);
        var captureRate = camera.Select(s => s.Fraction(Rdd18Tags.CaptureFrameRate)).FirstOrDefault(v => v is { Numerator: > 0 });
        double? angle = CameraItem(Rdd18Tags.ShutterAngle) is { } sixtieths ? sixtieths / 60.0 : null;
        const string NoRdd18 = "the file carries no RDD 18 camera unit set with this item";

        var n = new Normalized()
            .Text(F.ClipName, material?.Text(Tags.PackageName) is { Length: > 0 } m ? m : clipName, "the file has no name")
            .Text(Keys.FileName, Path.GetFileName(file.Path), "the file has no name")
            .Text(F.Reel, reelPackage?.Text(Tags.PackageName), "no source package other than the file package has a name (the tape or reel package)")
            .Missing(F.Scene, "MXF structural metadata has no scene; no descriptive set of the file names one")
            .Missing(F.Take, "MXF structural metadata has no take; no descriptive set of the file names one")
            .Integer(F.FrameCount, frames, MetadataUnit.None, "neither the picture track's sequence nor the descriptor gives a duration")
            .Rational(Keys.Duration, frames is { } count && editRate is { Numerator: > 0 } er ? new Rational(checked(count * er.Denominator), er.Numerator) : null, MetadataUnit.Second,
                "needs the picture track's duration and edit rate")
            .Rational(F.CaptureFrameRate, captureRate, MetadataUnit.FramesPerSecond, "the header metadata records the edit rate of the essence, not the capture rate; " + NoRdd18)
            .Rational(F.ProjectFrameRate, editRate is { Numerator: > 0 } rate ? rate : null, MetadataUnit.FramesPerSecond, "neither the picture track nor the descriptor has an edit rate")
            .Text(F.Codec, CodecName(coding), picture is null ? "the file package has no picture descriptor" : "the picture descriptor has no picture essence coding label")
            .DateTime(F.RecordedAt, material?.TimeStamp(Tags.PackageCreationDate), "the material package's creation date is unset (zero)")
            .Missing(F.CameraLetter, "MXF header metadata has no camera letter (index)")
            .Text(F.CameraMake, identification?.Text(Tags.CompanyName), "the file has no Identification set with a company name")
            .Text(F.CameraModel, identification?.Text(Tags.ProductName), "the file has no Identification set with a product name")
            .Missing(F.CameraSerial, "MXF header metadata has no camera serial")
            .Text(F.CameraFirmware, identification?.Text(Tags.VersionString), "the file has no Identification set with a version string")
            .Missing(F.SensorMode, "MXF header metadata records no sensor mode")
            .Timecode(F.TimecodeIn, timecode, "no package has a timecode track")
            .Integer(F.Width, width, MetadataUnit.Pixel, "the file package has no picture descriptor with a sampled or stored width")
            .Integer(F.Height, height, MetadataUnit.Pixel, "the file package has no picture descriptor with a sampled or stored height")
            .Integer(Keys.ActiveWidth, picture?.Integer(Tags.DisplayWidth), MetadataUnit.Pixel, "the picture descriptor has no display width")
            .Integer(Keys.ActiveHeight, picture?.Integer(Tags.DisplayHeight), MetadataUnit.Pixel, "the picture descriptor has no display height")
            .Missing(F.LensMake, lens.Count == 0 ? "the file carries no RDD 18 lens unit set" : "the RDD 18 lens unit set does not name the lens maker")
            .Missing(F.LensModel, lens.Count == 0 ? "the file carries no RDD 18 lens unit set" : "the RDD 18 lens unit set does not name the lens model")
            .Missing(F.LensSerial, lens.Count == 0 ? "the file carries no RDD 18 lens unit set" : "the RDD 18 lens unit set's serial is not read")
            .Missing(F.Squeeze, "MXF header metadata records the picture's aspect ratio, not the lens squeeze")
            .Missing(F.FocalLength, "RDD 18 focal length is not read (its encoding is not in our reference)")
            .Missing(F.TStop, "RDD 18 T-stop is not read (its encoding is not in our reference)")
            .Number(F.FStop, lens.Select(s => s.Integer(Rdd18Tags.IrisFNumber)).FirstOrDefault(v => v is not null) is { } code ? Math.Pow(2, (1 - (code / 65536.0)) * 8) : null, MetadataUnit.FNumber,
                "the file carries no RDD 18 lens unit set with the iris F-number")
            .Missing(F.FocusDistance, "RDD 18 focus distance is not read (its encoding is not in our reference)")
            .Integer(F.ExposureIndex, CameraItem(Rdd18Tags.ExposureIndex) ?? CameraItem(Rdd18Tags.IsoSensitivity), MetadataUnit.Iso, NoRdd18)
            .Number(F.ShutterAngle, angle, MetadataUnit.Degree, NoRdd18)
            .Rational(F.ShutterTime, angle is { } a && captureRate is { } cr ? ShutterTime(a, cr) : null, MetadataUnit.Second, "needs the RDD 18 shutter angle and capture frame rate")
            .Missing(F.NeutralDensity, "the RDD 18 ND filter setting is not read (its encoding is not in our reference)")
            .Number(F.WhiteBalanceKelvin, CameraItem(Rdd18Tags.WhiteBalance), MetadataUnit.Kelvin, NoRdd18)
            .Missing(F.WhiteBalanceTint, "MXF header metadata records no tint")
            .Missing(F.ColourGamma, picture?.Label(Tags.TransferCharacteristic) is { } tc ? $"the transfer characteristic label {tc} is kept in the vendor set, not named" : "the picture descriptor has no transfer characteristic")
            .Missing(F.ColourGamut, picture?.Label(Tags.ColorPrimaries) is { } cp ? $"the colour primaries label {cp} is kept in the vendor set, not named" : "the picture descriptor has no colour primaries")
            .Missing(F.InputTransformId, "the file names no camera gamut, so no ACES input transform is chosen")
            .Missing(F.Look, "MXF header metadata names no look")
            .Missing(Keys.Lut, "MXF header metadata names no LUT")
            .Missing(Keys.Cdl, "MXF header metadata carries no CDL");

        var info = new ClipInfo
        {
            Frames = new FrameRange(0, Math.Max(0, (frames ?? 1) - 1)),
            Width = (int)Math.Clamp(width ?? 0, 0, int.MaxValue),
            Height = (int)Math.Clamp(height ?? 0, 0, int.MaxValue),
            FrameRate = editRate is { Numerator: > 0 } fr ? new FrameRate(fr.Numerator, fr.Denominator) : null,
            StartTimecode = timecode,
        };
        var vendor = MxfVendor.Build(pack, h, identification, material, sources, picture, timecode, rdd18);
        return new ContainerClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor, Normalized = n.Build() }, Diagnostics = diagnostics };
    }

    /// <summary>A rotary shutter's exposure: angle / 360 / fps (180° at 24 fps is 1/48 s), exact for decimal angles.</summary>
    private static Rational? ShutterTime(double angle, Rational fps)
        => Rational.TryParse(angle.ToString("0.######", CultureInfo.InvariantCulture), out var a) && a.Numerator > 0
            ? new Rational(checked(a.Numerator * fps.Denominator), checked(a.Denominator * 360 * fps.Numerator))
            : null;

    internal static LocalSet? Descriptor(HeaderMetadata h, LocalSet? package) => package is null ? null : h.Resolve(package.Label(Tags.Descriptor));

    /// <summary>A source package with an essence (file) descriptor is the file package; a tape or import descriptor marks a physical source.</summary>
    private static bool IsFileDescriptor(LocalSet? descriptor)
        => descriptor is not null && !HeaderMetadata.IsStructural(descriptor.Key, K.TapeDescriptor) && !HeaderMetadata.IsStructural(descriptor.Key, K.ImportDescriptor);

    /// <summary>The picture descriptor: the file descriptor itself, or the picture one among a multiple descriptor's sub-descriptors.</summary>
    internal static LocalSet? PictureDescriptor(HeaderMetadata h, LocalSet? package)
    {
        var descriptor = Descriptor(h, package);
        var candidates = descriptor is not null && HeaderMetadata.IsStructural(descriptor.Key, K.MultipleDescriptor)
            ? descriptor.References(Tags.SubDescriptors).Select(h.Resolve).OfType<LocalSet>()
            : descriptor is null ? [] : [descriptor];
        return candidates.FirstOrDefault(d => d.Has(Tags.StoredWidth) || d.Has(Tags.PictureEssenceCoding)
                                              || HeaderMetadata.IsStructural(d.Key, K.CdciDescriptor) || HeaderMetadata.IsStructural(d.Key, K.RgbaDescriptor) || HeaderMetadata.IsStructural(d.Key, K.Mpeg2VideoDescriptor));
    }

    internal static IEnumerable<LocalSet> Tracks(HeaderMetadata h, LocalSet? package)
        => package is null ? [] : package.References(Tags.PackageTracks).Select(h.Resolve).OfType<LocalSet>();

    private static LocalSet? Sequence(HeaderMetadata h, LocalSet track) => h.Resolve(track.Label(Tags.TrackSequence));

    private static bool IsTrackOf(HeaderMetadata h, LocalSet track, Ul dataDefinition)
        => Sequence(h, track)?.Label(Tags.DataDefinition) is { } d && d.Matches(dataDefinition);

    /// <summary>
    /// A package's timecode: the timecode component of its timecode track. StartTimecode counts frames at the
    /// rounded timecode base (ST 377-1 Annex A "Timecode Component"), the drop-frame flag says how they are labelled,
    /// and the track's edit rate is the true rate (30000/1001 for base 30 drop-frame).
    /// </summary>
    private static Timecode? TimecodeOf(FileWindow file, HeaderMetadata h, LocalSet? package)
    {
        foreach (var track in Tracks(h, package))
        {
            var sequence = Sequence(h, track);
            var components = sequence is null ? [] : HeaderMetadata.IsStructural(sequence.Key, K.TimecodeComponent) ? [sequence]
                : sequence.References(Tags.StructuralComponents).Select(h.Resolve).OfType<LocalSet>().ToList();
            var component = components.FirstOrDefault(c => HeaderMetadata.IsStructural(c.Key, K.TimecodeComponent));
            if (component is null)
            {
                continue;
            }

            var field = $"Timecode Component at byte {component.Offset}";
            var roundedBase = component.Integer(Tags.RoundedTimecodeBase);
            var start = component.Integer(Tags.StartTimecode);
            var dropFrame = component.Integer(Tags.DropFrame) is { } df && df != 0;
            if (roundedBase is not > 0 || start is null)
            {
                throw file.Error(field, $"the timecode component has rounded base {roundedBase?.ToString(CultureInfo.InvariantCulture) ?? "none"} and start {start?.ToString(CultureInfo.InvariantCulture) ?? "none"}",
                    "a positive RoundedTimecodeBase and a StartTimecode");
            }

            var editRate = track.Fraction(Tags.EditRate);
            var rate = editRate is { Numerator: > 0, Denominator: > 0 } r ? new FrameRate(r.Numerator, r.Denominator)
                : dropFrame ? new FrameRate(roundedBase.Value * 1000, 1001) : new FrameRate(roundedBase.Value, 1);
            if (rate.TimecodeBase != roundedBase)
            {
                throw file.Error(field, $"the timecode component's rounded base is {roundedBase} but its track runs at {rate} fps", $"a rounded base of {rate.TimecodeBase}");
            }

            if (dropFrame && !rate.SupportsDropFrame)
            {
                throw file.Error(field, $"the timecode component is drop-frame at {rate} fps", "drop-frame only at 30000/1001 or 60000/1001 fps");
            }

            if (start < 0)
            {
                throw file.Error(field, $"the timecode component starts at frame {start}", "a start of 0 or more");
            }

            return Timecode.FromFrames(start.Value, rate, dropFrame);
        }

        return null;
    }

    /// <summary>The codec family of a picture essence coding label (SMPTE RP 224 and the codec mapping documents in <see cref="Labels.PictureCodings"/>).</summary>
    private static string? CodecName(Ul? coding)
    {
        if (coding is not { } c)
        {
            return null;
        }

        foreach (var (prefix, length, name) in Labels.PictureCodings)
        {
            if (c.StartsWith(prefix, length))
            {
                return name == "MPEG Video" ? Labels.MpegName(c) : name;
            }
        }

        return $"picture coding {c}";
    }
}
