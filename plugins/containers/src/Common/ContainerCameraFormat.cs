using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Containers.Common;

/// <summary>
/// A camera format that reads one container's metadata without decoding. Files are recognised by their
/// first bytes, each file is one clip, and opening reads the container's metadata with every size bounded.
/// </summary>
public abstract class ContainerCameraFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Metadata)
        .Add(CapabilityNames.Timecode)
        .Add(CapabilityNames.ClipLayouts, "file")
        .Build();

    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string DisplayName { get; }

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public abstract IReadOnlyList<string> FileExtensions { get; }

    /// <inheritdoc />
    public abstract int HeaderSize { get; }

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> DecodeParameters { get; } = [];

    /// <summary>The container's name in messages ("QuickTime", "MXF").</summary>
    internal abstract string ContainerName { get; }

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
    {
        try
        {
            return Sniff(header);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
        {
            return DetectionConfidence.None;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.DetectedFiles.Order(StringComparer.Ordinal).Select(f => new ClipLocation
        {
            Name = Path.GetFileNameWithoutExtension(f),
            Path = f,
            Layout = ClipLayout.SingleFile,
            MediaFiles = [f],
        })];
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        using var file = FileWindow.Open(clip.Path);
        if (file.Length == 0)
        {
            throw file.Error("content", "the file is empty", $"a {ContainerName} file");
        }

        return new MetadataOnlyClipReader(clip, Read(file, clip.Name, cancellationToken), ContainerName);
    }

    /// <summary>How sure the first bytes make us.</summary>
    internal abstract DetectionConfidence Sniff(ReadOnlySpan<byte> header);

    /// <summary>Reads the container's metadata.</summary>
    internal abstract ContainerClip Read(FileWindow file, string clipName, CancellationToken cancellationToken);
}
