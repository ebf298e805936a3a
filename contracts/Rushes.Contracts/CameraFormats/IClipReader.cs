using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.CameraFormats;

/// <summary>
/// An open clip. <see cref="Decode"/> and <see cref="ReadFrameMetadata"/> may be called from
/// several threads at once for different frames, so that a render can decode frames in parallel.
/// </summary>
public interface IClipReader : IDisposable
{
    /// <summary>Where the clip is.</summary>
    ClipLocation Location { get; }

    /// <summary>Frame range, size, rate and start timecode.</summary>
    ClipInfo Info { get; }

    /// <summary>Vendor and normalized clip metadata.</summary>
    ClipMetadata Metadata { get; }

    /// <summary>Everything found wrong or worked around while opening (including grouping findings).</summary>
    IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads one frame's metadata without decoding its pixels.</summary>
    FrameMetadata ReadFrameMetadata(long frame);

    /// <summary>Decodes one frame. Throws <see cref="InputException"/> for bad media or bad parameters.</summary>
    DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default);
}
