using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Development;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.CameraFormat;

/// <summary>
/// DNG and CinemaDNG (Adobe DNG 1.7.1, CinemaDNG 1.1): single DNG files and folders of per-frame DNGs, decoded
/// by our own TIFF reader and codecs and developed to ACES 2065-1 through the DNG colour model.
/// </summary>
public sealed class DngCameraFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Decode)
        .Add(CapabilityNames.Metadata)
        .Add(CapabilityNames.FrameMetadata)
        .Add(CapabilityNames.Mosaic)
        .Add(CapabilityNames.Timecode)
        .Add(CapabilityNames.Resolutions, "full", "half", "quarter")
        .Add(CapabilityNames.Compressions, "uncompressed", "lossless-jpeg", "deflate")
        .Add(CapabilityNames.ClipLayouts, "file", "sequence")
        .Add(CapabilityNames.ColourEncodings, DngDeveloper.AcesEncoding, DngDeveloper.CameraLinearEncoding, DngDeveloper.MosaicEncoding)
        .Build();

    /// <inheritdoc />
    public string Id => "dng";

    /// <inheritdoc />
    public string DisplayName => "DNG / CinemaDNG";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["dng"];

    /// <summary>Enough for IFD0 of any camera DNG (about 100 entries), which comes right after the header.</summary>
    public int HeaderSize => 16384;

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> DecodeParameters => DngDecodeOptions.All;

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
    {
        if (header.Length < 8)
        {
            return DetectionConfidence.None;
        }

        bool bigEndian;
        if (header[0] == 'I' && header[1] == 'I')
        {
            bigEndian = false;
        }
        else if (header[0] == 'M' && header[1] == 'M')
        {
            bigEndian = true;
        }
        else
        {
            return DetectionConfidence.None;
        }

        if (U16(header[2..], bigEndian) != 42)
        {
            return DetectionConfidence.None;
        }

        var named = fileName.EndsWith(".dng", StringComparison.OrdinalIgnoreCase);
        var ifd0 = (long)U32(header[4..], bigEndian);
        if (ifd0 < 8 || ifd0 + 2 > header.Length)
        {
            // IFD0 is beyond what we were shown: a TIFF that only the name says is a DNG.
            return named ? DetectionConfidence.Possible : DetectionConfidence.None;
        }

        int count = U16(header[(int)ifd0..], bigEndian);
        for (var i = 0; i < count; i++)
        {
            var at = ifd0 + 2 + (i * 12);
            if (at + 12 > header.Length)
            {
                return named ? DetectionConfidence.Possible : DetectionConfidence.None;
            }

            var tag = U16(header[(int)at..], bigEndian);
            if (tag == TiffTags.DngVersion)
            {
                return DetectionConfidence.Certain;
            }

            if (tag > TiffTags.DngVersion)
            {
                // IFD entries are sorted by tag (TIFF 6.0): DNGVersion would have come by now.
                break;
            }
        }

        return DetectionConfidence.None;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DngSequence.Group(request.Directory, request.DetectedFiles);
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        if (clip.MediaFiles.Count == 0)
        {
            throw new InputException($"Clip '{clip.Name}' has no files.", clip.Path, "mediaFiles", "at least one .dng file");
        }

        return new DngClipReader(clip, cancellationToken);
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool bigEndian) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool bigEndian) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
