using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.CameraFormats;

/// <summary>
/// A camera format: recognises its files by content, groups them into clips, and opens clips to
/// read metadata and decode frames. Implementations are stateless and safe to share across threads.
/// </summary>
public interface ICameraFormat : IPluginComponent
{
    /// <summary>File extensions, lower case without the dot; a hint for ordering, never proof.</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    int HeaderSize { get; }

    /// <summary>
    /// Says whether a file is of this format from its first bytes (<paramref name="header"/> may be
    /// shorter than <see cref="HeaderSize"/> for short files). The file name is only a hint.
    /// Must not throw on any input.
    /// </summary>
    DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName);

    /// <summary>The decode parameters this format understands, with their defaults.</summary>
    IReadOnlyList<ParameterDefinition> DecodeParameters { get; }

    /// <summary>
    /// Groups the files of one folder that this format detected into clips: one file each, a
    /// numbered frame sequence, or a file with its sidecars. Problems (gaps, duplicates) go into
    /// each clip's <see cref="ClipLocation.Diagnostics"/>.
    /// </summary>
    IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request);

    /// <summary>Opens a clip for metadata and decoding. Throws <see cref="InputException"/> for bad media.</summary>
    IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default);
}
