using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Acme.RushesPlugin.CameraFormat;

/// <summary>
/// An example camera format: "ACME raw", one uncompressed clip of 16-bit RGB frames per file
/// (see <see cref="AcmeRawHeader"/> for the layout). Stateless, so one instance serves every thread.
/// </summary>
public sealed class AcmeRawFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Decode)
        .Add(CapabilityNames.Metadata)
        .Add(CapabilityNames.FrameMetadata)
        .Add(CapabilityNames.Resolutions, "full", "half", "quarter")
        .Add(CapabilityNames.Compressions, "uncompressed")
        .Add(CapabilityNames.ClipLayouts, "file")
        .Build();

    /// <inheritdoc />
    public string Id => "acme-raw";

    /// <inheritdoc />
    public string DisplayName => "ACME raw (example format)";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["araw"];

    /// <inheritdoc />
    public int HeaderSize => AcmeRawHeader.Signature.Length;

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> DecodeParameters => Parameters;

    /// <summary>The decode parameters: none, since the samples are stored ready to use. Declare yours here.</summary>
    internal static IReadOnlyList<ParameterDefinition> Parameters { get; } = [];

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
        => header.StartsWith(AcmeRawHeader.Signature) ? DetectionConfidence.Certain : DetectionConfidence.None;

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Every file is a whole clip.
        return [.. request.DetectedFiles.Select(file => new ClipLocation
        {
            Name = Path.GetFileNameWithoutExtension(file),
            Path = file,
            Layout = ClipLayout.SingleFile,
            MediaFiles = [file],
        })];
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        if (clip.MediaFiles.Count != 1)
        {
            throw new InputException($"Clip '{clip.Name}' has {clip.MediaFiles.Count} media files.", clip.Path, "mediaFiles", "exactly one .araw file");
        }

        var file = clip.MediaFiles[0];
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new InputException($"The file cannot be opened: {ex.Message}", file, "file", "a readable ACME raw file", ex);
        }

        try
        {
            var length = RandomAccess.GetLength(handle);
            Span<byte> header = stackalloc byte[AcmeRawHeader.Size];
            var read = AcmeRawClipReader.ReadFully(handle, header, 0);
            var parsed = AcmeRawHeader.Parse(header[..read], length, file);
            return new AcmeRawClipReader(clip, handle, parsed, length);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
