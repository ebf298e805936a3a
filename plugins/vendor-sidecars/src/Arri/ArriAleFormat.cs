using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Arri;

/// <summary>
/// The ALE an ARRI camera (or ARRI's tools) writes for a card: an Avid Log Exchange file with a row per clip and
/// ARRI's camera columns. Recognised by content: "Heading" first, and a column line with ARRI's camera model,
/// serial number and sensor rate columns. Every row is a clip; a media file named by its Source File beside the
/// ALE becomes the clip's path, else the ALE is.
/// </summary>
public sealed class ArriAleFormat : ICameraFormat
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Metadata)
        .Add(CapabilityNames.Sidecars)
        .Add(CapabilityNames.Timecode)
        .Add(CapabilityNames.ClipLayouts, "file", "file-with-sidecars")
        .Build();

    /// <inheritdoc />
    public string Id => "arri-ale";

    /// <inheritdoc />
    public string DisplayName => "ARRI ALE (metadata only)";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["ale"];

    /// <summary>Enough for the heading and the column line (ARRI's has some 180 columns, about 3 KB).</summary>
    public int HeaderSize => 16384;

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> DecodeParameters { get; } = [];

    /// <inheritdoc />
    public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName)
    {
        if (AleFile.ColumnsOf(SourceFile.FirstLines(header)) is not { } columns)
        {
            return DetectionConfidence.None;
        }

        var loose = columns.Select(AleFile.Loose).ToHashSet(StringComparer.Ordinal);
        var arri = loose.Contains("CAMERAMODEL") && (loose.Contains("CAMERASERIALNUMBER") || loose.Contains("CAMERASN")) && loose.Contains("SENSORFPS");
        return arri ? DetectionConfidence.Certain : DetectionConfidence.None;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clips = new List<ClipLocation>();
        foreach (var path in request.DetectedFiles)
        {
            AleFile ale;
            try
            {
                ale = AleFile.Read(path);
            }
            catch (InputException)
            {
                // The ALE stays a clip, whose opening fails with the reason, so that it is reported.
                clips.Add(new ClipLocation { Name = Path.GetFileNameWithoutExtension(path), Path = path, Layout = ClipLayout.SingleFile, MediaFiles = [path] });
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (line, row) in ale.Rows)
            {
                var name = ArriAleReader.NameOf(ale, row) ?? $"{Path.GetFileNameWithoutExtension(path)} line {line}";
                var diagnostics = seen.Add(name) ? [] : new[] { Diagnostic.Warning($"{Path.GetFileName(path)} has more than one row for clip '{name}'; the first is read.", path, $"line {line}") };
                var source = ArriAleReader.SourceFileOf(ale, row);
                var media = source is null ? null : request.AllFiles.FirstOrDefault(f => string.Equals(Path.GetFileName(f), source, StringComparison.OrdinalIgnoreCase));
                clips.Add(media is not null
                    ? new ClipLocation { Name = name, Path = media, Layout = ClipLayout.FileWithSidecars, MediaFiles = [media], Sidecars = [path], Diagnostics = diagnostics }
                    : new ClipLocation { Name = name, Path = path, Layout = ClipLayout.SingleFile, MediaFiles = [path], Diagnostics = diagnostics });
            }
        }

        return clips;
    }

    /// <inheritdoc />
    public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        cancellationToken.ThrowIfCancellationRequested();
        var alePath = clip.Sidecars.Concat(clip.MediaFiles).FirstOrDefault(IsAle)
            ?? throw new InputException($"Clip '{clip.Name}' has no ARRI ALE among its files.", clip.Path, "sidecars", "the ARRI ALE that lists the clip");
        var media = clip.MediaFiles.FirstOrDefault(f => !string.Equals(f, alePath, StringComparison.Ordinal));
        return new MetadataOnlyClipReader(clip, ArriAleReader.Read(AleFile.Read(alePath), clip.Name, media), "ARRI ALE");
    }

    private bool IsAle(string path)
    {
        try
        {
            return File.Exists(path) && Detect(SourceFile.ReadHeader(path, HeaderSize), path) != DetectionConfidence.None;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
