using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.History;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Tree;
using Rushes.Host.Mhl.Xml;

namespace Rushes.Host.Mhl.Operations;

/// <summary>
/// Collects the entries of a new generation for every history an operation touched, then writes them
/// deepest history first, so that each parent can refer to its children's new manifests by C4 ID.
/// Every file goes to a temporary name first and is renamed into place.
/// </summary>
internal sealed class GenerationWriter(MhlHistory root)
{
    private readonly Dictionary<MhlHistory, List<ManifestEntry>> _entries = [];
    private readonly Dictionary<MhlHistory, IReadOnlyList<DirectoryHash>> _rootHashes = [];

    public void Add(MhlHistory history, ManifestEntry entry) => Entries(history).Add(entry);

    public void SetRootHash(MhlHistory history, IReadOnlyList<DirectoryHash> hashes)
    {
        Entries(history);
        _rootHashes[history] = hashes;
    }

    public FileRecord? FindFile(MhlHistory history, string path)
        => _entries.GetValueOrDefault(history)?.OfType<FileRecord>().FirstOrDefault(f => f.Path == path);

    public DirectoryRecord? FindDirectory(MhlHistory history, string path)
        => _entries.GetValueOrDefault(history)?.OfType<DirectoryRecord>().FirstOrDefault(f => f.Path == path);

    /// <summary>Writes the generations; returns the manifests' paths.</summary>
    public List<string> Write(CreatorInfo creator, ProcessType process, IReadOnlyList<string> extraIgnore)
    {
        var written = new List<string>();
        var references = new Dictionary<MhlHistory, List<ManifestReference>>();
        foreach (var history in root.DeepestFirst())
        {
            var refs = references.GetValueOrDefault(history) ?? [];
            if (!_entries.ContainsKey(history) && refs.Count == 0)
            {
                continue;
            }

            var manifest = new Manifest
            {
                CreatorInfo = creator,
                ProcessInfo = new ProcessInfo(process, _rootHashes.GetValueOrDefault(history) ?? [], new IgnoreSpec(history.LatestIgnorePatterns, extraIgnore).Patterns),
                Entries = _entries.GetValueOrDefault(history) ?? [],
                References = refs,
            };
            var bytes = ManifestXml.Write(manifest);
            WrittenXml.Check(bytes, history.FolderPath);
            var number = history.Generations.Count + 1;
            var folderName = new DirectoryInfo(history.RootPath).Name;
            var file = Path.Combine(history.FolderPath, Layout.GenerationFileName(number, folderName, creator.CreationDate));
            var c4 = Hasher.HashData(HashFormat.C4, bytes);
            var chain = history.Generations.Select(g => new ChainEntry(g.Number, g.FileName, g.C4)).Append(new ChainEntry(number, Path.GetFileName(file), c4));

            Directory.CreateDirectory(history.FolderPath);
            if (File.Exists(file))
            {
                throw new IOException($"{file} already exists, but the chain does not list it: the history changed while this generation was being made.");
            }

            AtomicFile.Write(file, bytes);
            var chainBytes = ChainXml.Write(chain);
            WrittenXml.Check(chainBytes, history.ChainPath);
            AtomicFile.Write(history.ChainPath, chainBytes);
            written.Add(file);
            if (history.Parent is { } parent)
            {
                if (!references.TryGetValue(parent, out var list))
                {
                    references[parent] = list = [];
                }

                list.Add(new ManifestReference(Layout.Relative(parent.RootPath, file), c4));
            }
        }

        return written;
    }

    private List<ManifestEntry> Entries(MhlHistory history)
    {
        if (!_entries.TryGetValue(history, out var list))
        {
            _entries[history] = list = [];
        }

        return list;
    }
}

/// <summary>Everything written is validated against the XSD first: a document that would not validate is a fault here.</summary>
internal static class WrittenXml
{
    public static void Check(byte[] bytes, string path)
    {
        if (ValidatedXml.Problems(bytes, path) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"Rushes produced an ASC MHL document that does not validate ({string.Join("; ", problems)}); nothing was written.");
        }
    }
}

/// <summary>Writes a file through a temporary name in the same folder, so readers never see half of it.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
