using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>
/// A camera format whose metadata lives in the media file's own header blocks (MLV, R3D), read without decoding.
/// A clip may span several files (MLV's .MLV/.M00/.M01, R3D's _001/_002): they are grouped by the name they share
/// and ordered by their span index.
/// </summary>
public abstract class MediaHeaderFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Metadata)
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

    /// <summary>The source's name in messages ("MLV").</summary>
    internal abstract string SourceName { get; }

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
        => HasMagic(header) ? DetectionConfidence.Certain : DetectionConfidence.None;

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clips = new List<ClipLocation>();
        foreach (var group in request.DetectedFiles.Select(f => (Path: f, Span: SpanOf(f))).GroupBy(f => f.Span.Stem, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.OrderBy(f => f.Span.Index).ThenBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Path).ToList();
            var diagnostics = new List<Diagnostic>();
            var indices = group.Select(f => f.Span.Index).Order().ToList();
            if (indices[0] > FirstSpanIndex)
            {
                diagnostics.Add(Diagnostic.Warning($"Clip '{group.Key}' has no first {SourceName} file (span {FirstSpanIndex}); it is read from span {indices[0]}.", files[0], "span", $"span {FirstSpanIndex}"));
            }

            for (var i = 1; i < indices.Count; i++)
            {
                if (indices[i] == indices[i - 1])
                {
                    diagnostics.Add(Diagnostic.Warning($"Two {SourceName} files of clip '{group.Key}' have the same span index {indices[i]}.", files[i]));
                }
                else if (indices[i] != indices[i - 1] + 1)
                {
                    diagnostics.Add(Diagnostic.Warning($"Clip '{group.Key}' has no {SourceName} file of span index {indices[i - 1] + 1}.", files[0], "span", $"span {indices[i - 1] + 1}"));
                }
            }

            clips.Add(new ClipLocation { Name = group.Key, Path = files[0], Layout = ClipLayout.SingleFile, MediaFiles = files, Diagnostics = diagnostics });
        }

        return clips;
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        if (clip.MediaFiles.Count == 0)
        {
            throw new InputException($"Clip '{clip.Name}' has no {SourceName} file.", clip.Path, "files", $"a {SourceName} file");
        }

        try
        {
            return new MetadataOnlyClipReader(clip, Read(clip.MediaFiles, cancellationToken), SourceName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path.GetFileName(clip.Path)} cannot be read: {ex.Message}", clip.Path, null, "a readable file", ex);
        }
    }

    /// <summary>The span index of a clip's first file ("_001" for R3D, the ".MLV" itself for MLV).</summary>
    internal virtual int FirstSpanIndex => 0;

    /// <summary>True when the leading bytes carry the format's magic.</summary>
    internal abstract bool HasMagic(ReadOnlySpan<byte> header);

    /// <summary>The clip name a file belongs to, and its place in the clip's span.</summary>
    internal abstract (string Stem, int Index) SpanOf(string path);

    /// <summary>Reads a clip's files (in span order) to its metadata.</summary>
    internal abstract VendorClip Read(IReadOnlyList<string> files, CancellationToken cancellationToken);
}
