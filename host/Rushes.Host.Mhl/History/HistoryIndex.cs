using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Model;

namespace Rushes.Host.Mhl.History;

/// <summary>Lookups over every generation of one history, following renames back to earlier names.</summary>
internal sealed class HistoryIndex
{
    private readonly Dictionary<string, List<(int Generation, FileRecord Record)>> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Generation, DirectoryRecord Record)>> _directories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _previous = new(StringComparer.Ordinal);
    private readonly List<(int Generation, DirectoryHash Hash)> _root = [];
    private readonly Dictionary<string, (int Generation, bool IsDirectory)> _lastSeen = new(StringComparer.Ordinal);

    public HistoryIndex(MhlHistory history)
    {
        foreach (var generation in history.Generations)
        {
            foreach (var entry in generation.Manifest.Entries)
            {
                if (entry is FileRecord file)
                {
                    Add(_files, file.Path, (generation.Number, file));
                }
                else if (entry is DirectoryRecord directory)
                {
                    Add(_directories, directory.Path, (generation.Number, directory));
                }

                if (entry.PreviousPath is { } previous && previous != entry.Path)
                {
                    _previous[entry.Path] = previous;
                    Renames.Add((generation.Number, previous, entry.Path));
                }

                _lastSeen[entry.Path] = (generation.Number, entry is DirectoryRecord);
            }

            _root.AddRange(generation.Manifest.ProcessInfo.RootHash.Select(h => (generation.Number, h)));
        }
    }

    /// <summary>Every recorded rename, oldest first.</summary>
    public List<(int Generation, string Previous, string Path)> Renames { get; } = [];

    /// <summary>
    /// Every path any generation records (files and folders), under the name it has now: renames recorded
    /// after the path was last seen are followed.
    /// </summary>
    public IEnumerable<(string Path, bool IsDirectory)> CurrentPaths()
    {
        foreach (var (path, (generation, isDirectory)) in _lastSeen)
        {
            var current = path;
            foreach (var rename in Renames)
            {
                if (rename.Generation > generation && rename.Previous == current)
                {
                    current = rename.Path;
                }
            }

            yield return (current, isDirectory);
        }
    }

    /// <summary>True when a path is a recorded file.</summary>
    public bool IsFile(string path) => _files.ContainsKey(path);

    /// <summary>The records of a file under this name and, through renames, its earlier names; oldest first.</summary>
    public List<(int Generation, FileRecord Record)> Records(string path)
    {
        var found = new List<(int, FileRecord)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var name = path; name is not null && seen.Add(name); name = _previous.GetValueOrDefault(name))
        {
            if (_files.TryGetValue(name, out var records))
            {
                found.AddRange(records);
            }
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    /// <summary>The first trustworthy (original or verified) hash of a format, or null.</summary>
    public static FileHash? FirstHash(List<(int Generation, FileRecord Record)> records, HashFormat format)
        => records.Select(r => r.Record.Find(format)).FirstOrDefault(h => h is not null && h.Action != HashAction.Failed);

    /// <summary>The formats recorded for a file, in the order they first appear.</summary>
    public static List<HashFormat> Formats(List<(int Generation, FileRecord Record)> records)
        => [.. records.SelectMany(r => r.Record.Hashes).Where(h => h.Action != HashAction.Failed).Select(h => h.Format).Distinct()];

    /// <summary>
    /// The hashes of a folder ("." for the root) in the latest generation that recorded any: the state the
    /// folder was last sealed in (an older generation in another format may predate a rename).
    /// </summary>
    public (int Generation, IReadOnlyList<DirectoryHash> Hashes)? LatestDirectoryHashes(string path)
    {
        if (path == ".")
        {
            if (_root.Count == 0)
            {
                return null;
            }

            var last = _root[^1].Generation;
            return (last, [.. _root.Where(r => r.Generation == last).Select(r => r.Hash)]);
        }

        if (_directories.TryGetValue(path, out var records) && records.LastOrDefault(r => r.Record.Hashes.Count > 0) is { Record: not null } latest)
        {
            return (latest.Generation, latest.Record.Hashes);
        }

        return null;
    }

    /// <summary>Every format any directory or root hash is recorded in.</summary>
    public IEnumerable<HashFormat> DirectoryFormats
        => _directories.Values.SelectMany(l => l).SelectMany(r => r.Record.Hashes).Select(h => h.Format).Concat(_root.Select(r => r.Hash.Format)).Distinct();

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
