using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>An open clip whose metadata was read whole at open; it has no pixels, so decoding is refused.</summary>
internal sealed class MetadataOnlyClipReader(ClipLocation location, VendorClip clip, string sourceName) : IClipReader
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

        var index = frame - Info.Frames.First;
        if (index < clip.Frames.Count)
        {
            return clip.Frames[(int)index];
        }

        // Without per-frame rows the timecode still follows from the start.
        return new FrameMetadata { Frame = frame, Timecode = Info.StartTimecode?.AddFrames(index) };
    }

    public DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default)
        => throw new InputException(
            $"Clip '{Location.Name}' is a metadata-only source ({sourceName}): its camera metadata is read, but there are no pixels to decode.",
            Location.Path, "decode", "a camera-format plugin for the clip's media file");

    public void Dispose()
    {
    }
}
