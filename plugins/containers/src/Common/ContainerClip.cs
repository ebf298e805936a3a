using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Containers.Common;

/// <summary>What a container reader found in a clip's file.</summary>
internal sealed record ContainerClip
{
    public required ClipInfo Info { get; init; }

    public required ClipMetadata Metadata { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
