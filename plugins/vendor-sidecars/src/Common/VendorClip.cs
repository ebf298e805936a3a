using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>What a vendor module read from a clip's files.</summary>
internal sealed record VendorClip
{
    public required ClipInfo Info { get; init; }

    public required ClipMetadata Metadata { get; init; }

    /// <summary>Per-frame metadata in frame order from <see cref="ClipInfo.Frames"/>.First; empty when the source has none.</summary>
    public IReadOnlyList<FrameMetadata> Frames { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
