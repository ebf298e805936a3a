using Rushes.Contracts.CameraFormats;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>
/// MXF files (SMPTE ST 377-1): the header partition's structural metadata (identification, packages, timecode,
/// picture descriptor), descriptive sets and RDD 18 acquisition metadata, read without decoding the essence.
/// </summary>
public sealed class MxfFormat : ContainerCameraFormat
{
    /// <inheritdoc />
    public override string Id => "mxf-metadata";

    /// <inheritdoc />
    public override string DisplayName => "MXF header metadata (SMPTE ST 377-1, RDD 18; metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["mxf"];

    /// <summary>Enough for a short run-in before the header partition pack; a longer one is found on open.</summary>
    public override int HeaderSize => 4096;

    internal override string ContainerName => "MXF";

    /// <summary>A header partition pack key at the start is certain; one after a run-in within the header bytes too.</summary>
    internal override DetectionConfidence Sniff(ReadOnlySpan<byte> header)
    {
        for (var at = 0; at + 16 <= header.Length; at++)
        {
            if (header[at] == 0x06 && PartitionPack.IsPartitionKey(Ul.Read(header[at..])) && header[at + 13] == PartitionPack.Header)
            {
                return DetectionConfidence.Certain;
            }
        }

        return DetectionConfidence.None;
    }

    internal override ContainerClip Read(FileWindow file, string clipName, CancellationToken cancellationToken)
        => MxfReader.Read(file, clipName, cancellationToken);
}
