using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Containers.Common;

/// <summary>
/// An open clip whose container metadata was read whole at open. These formats inspect without decoding
/// (the pixels need a codec plugin), so decoding is refused with the reason.
/// </summary>
internal sealed class MetadataOnlyClipReader(ClipLocation location, ContainerClip clip, string containerName) : IClipReader
{
    public ClipLocation Location { get; } = location;

    public ClipInfo Info => clip.Info;

    public ClipMetadata Metadata => clip.Metadata;

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [.. location.Diagnostics, .. clip.Diagnostics];

    public FrameMetadata ReadFrameMetadata(long frame)
    {
        if (!Info.Frames.Contains(frame))
        {
            throw new InputException($"Clip '{Location.Name}' has no frame {frame}.", Location.Path, "frame", $"a frame of {Info.Frames}");
        }

        // The container's timecode is continuous from its start; per-frame camera metadata is not read.
        return new FrameMetadata { Frame = frame, Timecode = Info.StartTimecode?.AddFrames(frame - Info.Frames.First) };
    }

    public DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default)
        => throw new InputException(
            $"Clip '{Location.Name}': the {containerName} metadata reader inspects the container without decoding; a codec plugin decodes its pictures.",
            Location.Path, "decode", "a camera-format plugin that decodes the clip's codec");

    public void Dispose()
    {
    }
}
