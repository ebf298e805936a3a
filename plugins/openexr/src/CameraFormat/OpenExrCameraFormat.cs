using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.CameraFormat;

/// <summary>
/// OpenEXR as an input: a numbered sequence of single-part scanline or tiled files (NONE, RLE, ZIPS, ZIP,
/// PIZ; half, float or uint) is one clip, decoded by our own reader.
/// </summary>
public sealed class OpenExrCameraFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Decode)
        .Add(CapabilityNames.Metadata)
        .Add(CapabilityNames.FrameMetadata)
        .Add(CapabilityNames.Resolutions, "full", "half", "quarter")
        .Add(CapabilityNames.Compressions, "none", "rle", "zips", "zip", "piz")
        .Add(CapabilityNames.ClipLayouts, "file", "sequence")
        .Build();

    /// <inheritdoc />
    public string Id => "openexr";

    /// <inheritdoc />
    public string DisplayName => "OpenEXR image sequence";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["exr"];

    /// <inheritdoc />
    public int HeaderSize => 8;

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> DecodeParameters { get; } = [];

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
    {
        if (header.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(header) != ExrFormat.Magic)
        {
            return DetectionConfidence.None;
        }

        // Version 2, single part and not deep: ours to read; other variants are OpenEXR we cannot decode.
        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        return (version & 0xff) == ExrFormat.Version && (version & (ExrFormat.MultipartFlag | ExrFormat.NonImageFlag)) == 0
            ? DetectionConfidence.Certain
            : DetectionConfidence.Possible;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExrSequence.Group(request.DetectedFiles);
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        if (clip.MediaFiles.Count == 0)
        {
            throw new InputException($"Clip '{clip.Name}' has no files.", clip.Path, "mediaFiles", "at least one .exr file");
        }

        return new ExrClipReader(clip);
    }
}
