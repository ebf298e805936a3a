using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>What a file is to a vendor module, judged from its content.</summary>
internal enum FileRole
{
    /// <summary>Not the vendor's.</summary>
    None,

    /// <summary>The clip-level (static) metadata: the file that makes a clip.</summary>
    Clip,

    /// <summary>Per-frame metadata belonging to a clip file.</summary>
    Frames,
}

/// <summary>
/// A camera format for one vendor's metadata sidecars. Files are recognised by content (a header line or an XML
/// root element), paired into clips by name (the clip file and its per-frame file share a stem), and joined by the
/// clip's media file when it lies beside them. Reading never decodes pixels.
/// </summary>
public abstract partial class VendorCameraFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Metadata)
        .Add(CapabilityNames.FrameMetadata)
        .Add(CapabilityNames.Sidecars)
        .Add(CapabilityNames.Timecode)
        .Add(CapabilityNames.ClipLayouts, "file", "file-with-sidecars")
        .Build();

    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string DisplayName { get; }

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public abstract IReadOnlyList<string> FileExtensions { get; }

    /// <summary>Long enough for the longest vendor header line (RED's is about 2 900 bytes, ARRI's 3 200).</summary>
    public int HeaderSize => 8192;

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> DecodeParameters { get; } = [];

    /// <summary>The source's name in messages ("Sony NRT XML").</summary>
    internal abstract string SourceName { get; }

    /// <summary>Extensions (lower case) of the media files the sidecars describe, joined to the clip when present.</summary>
    internal abstract IReadOnlyList<string> MediaExtensions { get; }

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
    {
        try
        {
            return Classify(header) == FileRole.None ? DetectionConfidence.None : DetectionConfidence.Certain;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return DetectionConfidence.None;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = request.DetectedFiles.Select(f => (Path: f, Role: RoleOf(f))).Where(f => f.Role != FileRole.None).ToList();
        var detected = new HashSet<string>(request.DetectedFiles, StringComparer.Ordinal);
        var clips = new List<ClipLocation>();
        foreach (var group in files.GroupBy(f => StemOf(f.Path, f.Role), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statics = group.Where(f => f.Role == FileRole.Clip).Select(f => f.Path).ToList();
            var frames = group.Where(f => f.Role == FileRole.Frames).Select(f => f.Path).ToList();
            var media = request.AllFiles.Where(f => !detected.Contains(f) && IsMediaOf(f, group.Key)).ToList();
            if (statics.Count == 0)
            {
                // Per-frame rows alone make a clip that fails to open with the reason, so that it is reported.
                clips.Add(Location(group.Key, frames[0], media, [.. frames.Skip(1)]));
                continue;
            }

            for (var i = 0; i < statics.Count; i++)
            {
                var sidecars = i == 0 ? frames : [];
                var location = Location(group.Key, statics[i], i == 0 ? media : [], sidecars);
                clips.Add(statics.Count == 1 ? location : location with
                {
                    Diagnostics = [Diagnostic.Warning($"{statics.Count} {SourceName} files share the clip name '{group.Key}'; their per-frame files go with the first.", statics[i])],
                });
            }
        }

        return clips;
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        var all = clip.MediaFiles.Concat(clip.Sidecars).Distinct(StringComparer.Ordinal).ToList();
        foreach (var file in all.Where(f => File.Exists(f) && new FileInfo(f).Length == 0))
        {
            throw new InputException($"{Path.GetFileName(file)} is empty.", file, "content", $"{SourceName} metadata");
        }

        var files = all.Select(f => (Path: f, Role: RoleOf(f))).ToList();
        var clipFile = files.FirstOrDefault(f => f.Role == FileRole.Clip).Path;
        var frameFiles = files.Where(f => f.Role == FileRole.Frames).Select(f => f.Path).ToList();
        if (clipFile is null)
        {
            throw new InputException(
                $"Clip '{clip.Name}' has only per-frame {SourceName} metadata; its clip metadata file is not beside it.",
                frameFiles.FirstOrDefault() ?? clip.Path, "clip metadata", $"the {SourceName} clip file with the same name");
        }

        var media = clip.MediaFiles.FirstOrDefault(f => !string.Equals(f, clipFile, StringComparison.Ordinal) && RoleOf(f) == FileRole.None);
        return new MetadataOnlyClipReader(clip, Read(clipFile, frameFiles.FirstOrDefault(), media), SourceName);
    }

    /// <summary>What a file is, from its first bytes.</summary>
    internal abstract FileRole Classify(ReadOnlySpan<byte> header);

    /// <summary>Reads a clip: its clip file, its per-frame file and its media file when present.</summary>
    internal abstract VendorClip Read(string clipFile, string? framesFile, string? mediaFile);

    /// <summary>The name that pairs a clip file with its per-frame file and its media.</summary>
    internal virtual string StemOf(string path, FileRole role)
    {
        var name = Path.GetFileName(path);
        name = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return RoleSuffix().Replace(name, string.Empty);
    }

    private FileRole RoleOf(string path)
    {
        try
        {
            return Classify(SourceFile.ReadHeader(path, HeaderSize));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileRole.None;
        }
    }

    private bool IsMediaOf(string file, string stem)
    {
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        return MediaExtensions.Contains(extension)
               && (string.Equals(name, stem, StringComparison.OrdinalIgnoreCase) || string.Equals(Path.GetFileNameWithoutExtension(name), stem, StringComparison.OrdinalIgnoreCase));
    }

    private ClipLocation Location(string stem, string clipFile, IReadOnlyList<string> media, IReadOnlyList<string> frames)
    {
        var name = MediaExtensions.Contains(Path.GetExtension(stem).TrimStart('.').ToLowerInvariant()) ? Path.GetFileNameWithoutExtension(stem) : stem;
        if (media.Count > 0)
        {
            return new ClipLocation
            {
                Name = name,
                Path = media[0],
                Layout = ClipLayout.FileWithSidecars,
                MediaFiles = [media[0]],
                Sidecars = [clipFile, .. frames],
            };
        }

        return new ClipLocation
        {
            Name = name,
            Path = clipFile,
            Layout = frames.Count > 0 ? ClipLayout.FileWithSidecars : ClipLayout.SingleFile,
            MediaFiles = [clipFile],
            Sidecars = frames,
        };
    }

    /// <summary>The role words vendors and tools put after the clip name ("_Static", ".frames").</summary>
    [GeneratedRegex("[._-](static|frames?|perframe|clip)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleSuffix();
}
