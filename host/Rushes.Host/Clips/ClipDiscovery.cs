using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;

namespace Rushes.Host.Clips;

/// <summary>
/// A clip found on disk. <see cref="Format"/> leads: it gives the clip's info and decodes it. When several formats
/// claim the clip's media (a sidecar format and the media's own), <see cref="Claims"/> lists them all in metadata
/// order and <see cref="Location"/> holds all their files (see <see cref="ClipClaims"/> for the rule).
/// </summary>
public sealed record DiscoveredClip(RoutedFormat Format, ClipLocation Location)
{
    private readonly IReadOnlyList<ClipClaim>? _claims;

    /// <summary>Every format's claim on the clip, in metadata order; the one claim for a clip one format found.</summary>
    public IReadOnlyList<ClipClaim> Claims
    {
        get => _claims ?? [new ClipClaim(Format, Location)];
        init => _claims = value is { Count: > 1 } ? value : null;
    }

    /// <summary>
    /// The camera-format id the catalog stores: the format's own for one claim, else every claim's id in metadata
    /// order joined by '+' ("arri-meta-extract+quicktime-metadata").
    /// </summary>
    public string FormatId => _claims is null ? Format.Format.Id : string.Join('+', _claims.Select(c => c.Format.Format.Id));
}

/// <summary>
/// Finds the clips under a file or folder: every file is routed by content, then each format
/// groups its own files, folder by folder, into clips, and claims on the same media file are joined into one clip.
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

    /// <summary>The clips at a path; for a file, the clip that holds it as media or sidecar. Grouping problems are returned as diagnostics.</summary>
    public (IReadOnlyList<DiscoveredClip> Clips, IReadOnlyList<Diagnostic> Problems) Discover(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var (clips, problems) = DiscoverFolder(Path.GetDirectoryName(full)!);
            // A sidecar names its clip too: the ARRI CSV beside a .mov finds the clip it describes.
            return ([.. ClipClaims.Merge(clips).Where(c => c.Location.MediaFiles.Contains(full, StringComparer.Ordinal) || c.Location.Sidecars.Contains(full, StringComparer.Ordinal))], problems);
        }

        if (!Directory.Exists(full))
        {
            throw new InputException($"'{path}' does not exist.", file: path, expected: "a clip file or a folder of clips");
        }

        var folders = new List<string>();
        var pending = new Stack<string>([full]);
        while (pending.TryPop(out var folder))
        {
            folders.Add(folder);
            foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !IsSkipped(d)).OrderDescending(StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }

        var all = new List<DiscoveredClip>();
        var allProblems = new List<Diagnostic>();
        foreach (var (clips, problems) in DiscoverFolders(folders))
        {
            all.AddRange(clips);
            allProblems.AddRange(problems);
        }

        return (ClipClaims.Merge(all), allProblems);
    }

    /// <summary>
    /// Opens a clip under the plugin guard: through its format, or, for a clip several formats claim, each claim
    /// through its own and the readers joined (<see cref="MergedClipReader"/>). Throws <see cref="InputException"/>
    /// for bad media and <see cref="PluginFaultException"/> for a faulting plugin.
    /// </summary>
    public IClipReader Open(DiscoveredClip clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Claims is [var only])
        {
            return guard.Invoke(only.Format.Plugin, $"{only.Format.Format.Id}.Open", () => only.Format.Format.Open(only.Location, cancellationToken));
        }

        var readers = new List<IClipReader>(clip.Claims.Count);
        try
        {
            foreach (var claim in clip.Claims)
            {
                readers.Add(guard.Invoke(claim.Format.Plugin, $"{claim.Format.Format.Id}.Open", () => claim.Format.Format.Open(claim.Location, cancellationToken)));
            }

            return new MergedClipReader(clip, readers, guard);
        }
        catch
        {
            readers.ForEach(r => r.Dispose());
            throw;
        }
    }

    private (List<DiscoveredClip>, List<Diagnostic>) DiscoverFolder(string folder) => DiscoverFolders([folder])[0];

    /// <summary>
    /// Routes every file of the folders at once, on every core (a card holds thousands of files, each read for its
    /// header), then lets each format group its files folder by folder, in order.
    /// </summary>
    private List<(List<DiscoveredClip>, List<Diagnostic>)> DiscoverFolders(IReadOnlyList<string> folders)
    {
        var listed = folders.Select(f => Directory.EnumerateFiles(f).Where(n => !Path.GetFileName(n).StartsWith('.')).Order(StringComparer.Ordinal).ToList()).ToList();
        var files = listed.SelectMany(l => l).ToArray();
        var detected = new (RoutedFormat? Format, Diagnostic? Problem)[files.Length];
        var formats = registry.Formats;
        Parallel.For(0, files.Length, i =>
        {
            try
            {
                detected[i] = (registry.Detect(files[i], formats), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                detected[i] = (null, Diagnostic.Warning($"cannot be read: {ex.Message}", files[i]));
            }
        });

        var results = new List<(List<DiscoveredClip>, List<Diagnostic>)>(folders.Count);
        var next = 0;
        for (var f = 0; f < folders.Count; f++)
        {
            results.Add(Group(folders[f], listed[f], detected.AsSpan(next, listed[f].Count)));
            next += listed[f].Count;
        }

        return results;
    }

    private (List<DiscoveredClip>, List<Diagnostic>) Group(string folder, List<string> files, ReadOnlySpan<(RoutedFormat? Format, Diagnostic? Problem)> detected)
    {
        var problems = new List<Diagnostic>();
        var byFormat = new Dictionary<RoutedFormat, List<string>>();
        for (var i = 0; i < files.Count; i++)
        {
            if (detected[i].Problem is { } problem)
            {
                problems.Add(problem);
            }
            else if (detected[i].Format is { } format)
            {
                (byFormat.TryGetValue(format, out var list) ? list : byFormat[format] = []).Add(files[i]);
            }
        }

        var clips = new List<DiscoveredClip>();
        foreach (var (format, claimed) in byFormat)
        {
            var request = new ClipGroupingRequest { Directory = folder, DetectedFiles = claimed, AllFiles = files };
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
