using Microsoft.Extensions.Logging;
using Rushes.Contracts.CameraFormats;
using Rushes.Host.Plugins;

namespace Rushes.Host.Routing;

/// <summary>
/// Routes files to camera formats by content: the header is read once, at the largest size any
/// format asks for, and every loaded format is asked about it (the ImageSharp detector model).
/// A format that throws is taken out of service and the others still answer.
/// </summary>
public sealed class CameraFormatRegistry(PluginManager plugins, PluginGuard guard, ILogger<CameraFormatRegistry> logger)
{
    /// <summary>No format may ask for more than this many header bytes.</summary>
    public const int MaxHeaderSize = 1 << 20;

    /// <summary>The camera formats of loaded plugins.</summary>
    public IReadOnlyList<RoutedFormat> Formats
        => [.. plugins.Components<ICameraFormat>().Select(pc => new RoutedFormat(pc.Plugin, pc.Component))];

    /// <summary>The format that claims a file most surely, or null when none does.</summary>
    public RoutedFormat? Detect(string path) => Detect(path, Formats);

    /// <summary>As <see cref="Detect(string)"/>, among <paramref name="formats"/> taken once from <see cref="Formats"/> for many files.</summary>
    public RoutedFormat? Detect(string path, IReadOnlyList<RoutedFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (formats.Count == 0)
        {
            return null;
        }

        var headerSize = Math.Clamp(formats.Max(f => SafeHeaderSize(f)), 0, MaxHeaderSize);
        var header = new byte[headerSize];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan))
        {
            read = stream.ReadAtLeast(header, headerSize, throwOnEndOfStream: false);
        }

        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        RoutedFormat? best = null;
        var bestScore = 0;
        foreach (var format in formats)
        {
            DetectionConfidence confidence;
            try
            {
                confidence = guard.Invoke(format.Plugin, $"{format.Format.Id}.Detect", () =>
                {
                    var own = Math.Min(read, Math.Clamp(format.Format.HeaderSize, 0, MaxHeaderSize));
                    return format.Format.Detect(header.AsSpan(0, own), name);
                });
            }
            catch (PluginFaultException ex)
            {
                logger.LogWarning("Skipping camera format {Format}: {Reason}", format.Format.Id, ex.Message);
                continue;
            }

            // Content decides; a matching extension only breaks ties.
            var score = ((int)confidence * 2) + (format.Format.FileExtensions.Contains(extension) ? 1 : 0);
            if (confidence != DetectionConfidence.None && score > bestScore)
            {
                best = format;
                bestScore = score;
            }
        }

        return best;
    }

    private int SafeHeaderSize(RoutedFormat format)
    {
        try
        {
            return guard.Invoke(format.Plugin, $"{format.Format.Id}.HeaderSize", () => format.Format.HeaderSize);
        }
        catch (PluginFaultException)
        {
            return 0;
        }
    }
}

/// <summary>A camera format with the plugin that provides it.</summary>
public sealed record RoutedFormat(PluginRecord Plugin, ICameraFormat Format);
