using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>
/// QuickTime movies (and the ISO base media files that share their atoms): the camera metadata of the movie
/// (timecode track, 'mdta' keys, user data, video track) read from the atom tree without decoding a frame.
/// </summary>
public sealed class QuickTimeFormat : ContainerCameraFormat
{
    /// <summary>QuickTime's own brand (QTFF "File Type Compatibility Atom").</summary>
    private static readonly uint QuickTimeBrand = FourCc.Of("qt  ");

    /// <inheritdoc />
    public override string Id => "quicktime-metadata";

    /// <inheritdoc />
    public override string DisplayName => "QuickTime/MOV camera metadata (timecode track, mdta keys; metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["mov", "mp4", "m4v"];

    /// <inheritdoc />
    public override int HeaderSize => 64;

    internal override string ContainerName => "QuickTime";

    /// <summary>
    /// 'ftyp' with the 'qt  ' brand (major or compatible), or a 'moov' first (as pre-'ftyp' movies may begin), is
    /// certain; another 'ftyp' brand is an ISO file whose atoms we can still read, and 'mdat', 'wide', 'free'…
    /// first only fit the family.
    /// </summary>
    internal override DetectionConfidence Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length < 8)
        {
            return DetectionConfidence.None;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (type == AtomTypes.Ftyp)
        {
            if (size < 16 || header.Length < 12)
            {
                return DetectionConfidence.None;
            }

            // The major brand at 8, the minor version at 12, then the compatible brands.
            var end = (int)Math.Min(size, (uint)header.Length);
            for (var at = 8; at + 4 <= end; at += at == 8 ? 8 : 4)
            {
                if (BinaryPrimitives.ReadUInt32BigEndian(header[at..]) == QuickTimeBrand)
                {
                    return DetectionConfidence.Certain;
                }
            }

            return DetectionConfidence.Possible;
        }

        if (!AtomTypes.TopLevel.Contains(type) || size is > 1 and < 8)
        {
            return DetectionConfidence.None;
        }

        // A movie atom first proves it; padding or media data first only fits the family.
        return type == AtomTypes.Moov ? DetectionConfidence.Certain : DetectionConfidence.Possible;
    }

    internal override ContainerClip Read(FileWindow file, string clipName, CancellationToken cancellationToken)
        => QuickTimeReader.Read(file, clipName, cancellationToken);
}
