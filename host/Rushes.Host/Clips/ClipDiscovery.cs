using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;

namespace Rushes.Host.Clips;

/// <summary>A clip found on disk, with the format that claimed it.</summary>
public sealed record DiscoveredClip(RoutedFormat Format, ClipLocation Location);

/// <summary>
/// Finds the clips under a file or folder: every file is routed by content, then each format
/// groups its own files, folder by folder, into clips.
/// </summary>
public sealed class ClipDiscovery(CameraFormatRegistry registry, PluginGuard guard)
{
    /// <summary>Folders never searched: MHL histories, hidden folders, and links (a link up the tree would loop).</summary>
    private static bool IsSkipped(string directory)
    {
        var name = Path.GetFileName(directory);
        return name.StartsWith('.') || string.Equals(name, "ascmhl", StringComparison.OrdinalIgnoreCase)
            || new DirectoryInfo(directory).LinkTarget is not null;
    }

    /// <summary>The clips at a path; for a file, the clip that holds it. Grouping problems are returned as diagnostics.</summary>
    public (IReadOnlyList<DiscoveredClip> Clips, IReadOnlyList<Diagnostic> Problems) Discover(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var (clips, problems) = DiscoverFolder(Path.GetDirectoryName(full)!);
            return ([.. clips.Where(c => c.Location.MediaFiles.Contains(full, StringComparer.Ordinal))], problems);
        }

        if (!Directory.Exists(full))
        {
            throw new InputException($"'{path}' does not exist.", file: path, expected: "a clip file or a folder of clips");
        }

        var all = new List<DiscoveredClip>();
        var allProblems = new List<Diagnostic>();
        var folders = new Stack<string>([full]);
        while (folders.TryPop(out var folder))
        {
            var (clips, problems) = DiscoverFolder(folder);
            all.AddRange(clips);
            allProblems.AddRange(problems);
            foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !IsSkipped(d)).OrderDescending(StringComparer.Ordinal))
            {
                folders.Push(child);
            }
        }

        return (all, allProblems);
    }

    private (List<DiscoveredClip>, List<Diagnostic>) DiscoverFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var problems = new List<Diagnostic>();
        var byFormat = new Dictionary<RoutedFormat, List<string>>();
        foreach (var file in files)
        {
            RoutedFormat? format;
            try
            {
                format = registry.Detect(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(Diagnostic.Warning($"cannot be read: {ex.Message}", file));
                continue;
            }

            if (format is not null)
            {
                (byFormat.TryGetValue(format, out var list) ? list : byFormat[format] = []).Add(file);
            }
        }

        var clips = new List<DiscoveredClip>();
        foreach (var (format, detected) in byFormat)
        {
            var request = new ClipGroupingRequest { Directory = folder, DetectedFiles = detected, AllFiles = files };
            try
            {
                var grouped = guard.Invoke(format.Plugin, $"{format.Format.Id}.GroupClips", () => format.Format.GroupClips(request));
                clips.AddRange(grouped.Select(c => new DiscoveredClip(format, c)));
            }
            catch (PluginFaultException ex)
            {
                problems.Add(Diagnostic.Error(ex.Message, folder));
            }
            catch (InputException ex)
            {
                problems.Add(ex.ToDiagnostic());
            }
        }

        return (clips, problems);
    }
}
