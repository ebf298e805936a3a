using System.Collections.Concurrent;
using System.Globalization;
using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.History;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Tree;
using Rushes.Host.Mhl.Xml;

namespace Rushes.Host.Mhl.Operations;

/// <summary>A file on disk, the history that covers it and what that history recorded of it.</summary>
internal sealed class SurveyedFile(TreeNode node, MhlHistory owner, string ownerPath, List<(int Generation, FileRecord Record)> records)
{
    public TreeNode Node { get; } = node;

    public MhlHistory Owner { get; } = owner;

    /// <summary>The path relative to the owning history's root.</summary>
    public string OwnerPath { get; } = ownerPath;

    public List<(int Generation, FileRecord Record)> Records { get; } = records;

    public bool Known => Records.Count > 0;

    /// <summary>The formats to compute in the one read of the file.</summary>
    public HashSet<HashFormat> Needed { get; } = [];

    public IReadOnlyDictionary<HashFormat, string> Computed { get; set; } = new Dictionary<HashFormat, string>();
}

/// <summary>
/// The first step of every operation: load the history, list the tree, pair each file with its records,
/// and find the recorded paths that are missing. No hashing.
/// </summary>
internal sealed class Survey
{
    private Survey(MhlHistory history, IgnoreSpec ignore, TreeNode tree, List<SurveyedFile> files, List<(string Path, bool IsDirectory)> missing)
    {
        History = history;
        Ignore = ignore;
        Tree = tree;
        Files = files;
        Missing = missing;
        ByNode = files.ToDictionary(f => f.Node);
    }

    /// <summary>The surveyed file of a tree node.</summary>
    public Dictionary<TreeNode, SurveyedFile> ByNode { get; }

    public MhlHistory History { get; }

    public IgnoreSpec Ignore { get; }

    public TreeNode Tree { get; }

    /// <summary>Files in traversal order.</summary>
    public List<SurveyedFile> Files { get; }

    /// <summary>Recorded paths (relative to the root) not on disk, sorted.</summary>
    public List<(string Path, bool IsDirectory)> Missing { get; }

    public static Survey Take(string root, IReadOnlyList<string> extraIgnore, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root} is not a folder.");
        }

        var history = MhlHistory.Load(root);
        var ignore = new IgnoreSpec(history.LatestIgnorePatterns, extraIgnore);
        var tree = TreeWalker.Walk(history.RootPath, ignore, cancellationToken);
        var files = tree.Files().Select(node =>
        {
            var (owner, path) = history.Owner(node.RelativePath);
            return new SurveyedFile(node, owner, path, owner.Index.Records(path));
        }).ToList();

        var found = tree.Descendants().Select(n => n.RelativePath).ToHashSet(StringComparer.Ordinal);
        var missing = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var scope in history.All())
        {
            var prefix = scope.RelativeTo(history) is "." ? string.Empty : scope.RelativeTo(history) + "/";
            foreach (var (path, isDirectory) in scope.Index.CurrentPaths())
            {
                var full = path == "." ? scope.RelativeTo(history) : prefix + path;
                if (full != "." && !found.Contains(full) && !ignore.IsIgnored(full, isDirectory))
                {
                    missing[full] = isDirectory;
                }
            }
        }

        return new Survey(history, ignore, tree, files, [.. missing.Select(m => (m.Key, m.Value))]);
    }

    /// <summary>Size and modification-date differences from the latest record, found without hashing.</summary>
    public List<EntryOutcome> QuickCheck()
    {
        var failed = new List<EntryOutcome>();
        foreach (var file in Files.Where(f => f.Known))
        {
            var latest = file.Records[^1].Record;
            var mismatches = new List<Mismatch>();
            if (latest.Size is { } size && size != file.Node.Size)
            {
                mismatches.Add(new Mismatch("size", size.ToString(CultureInfo.InvariantCulture), file.Node.Size.ToString(CultureInfo.InvariantCulture)));
            }

            if (latest.LastModificationDate is { } date && date != file.Node.LastModified)
            {
                mismatches.Add(new Mismatch("lastmodificationdate", MhlDates.Format(date), MhlDates.Format(file.Node.LastModified)));
            }

            if (mismatches.Count > 0)
            {
                failed.Add(new EntryOutcome(file.Node.RelativePath, EntryStatus.Failed) { Mismatches = mismatches });
            }
        }

        return failed;
    }

    /// <summary>Hashes every file that needs it, in parallel, one read per file for all its formats.</summary>
    public void HashAll(int parallelism, IProgress<MhlProgress>? progress, CancellationToken cancellationToken)
    {
        var work = Files.Where(f => f.Needed.Count > 0).OrderByDescending(f => f.Node.Size).ToList();
        var total = work.Sum(f => f.Node.Size);
        long bytesDone = 0;
        var filesDone = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        var errors = new ConcurrentBag<Exception>();
        Parallel.ForEach(work, options, file =>
        {
            try
            {
                file.Computed = FileHasher.Hash(file.Node.FullPath, file.Needed, null, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new IOException($"{file.Node.FullPath} could not be read: {ex.Message}", ex));
                return;
            }

            var done = Interlocked.Increment(ref filesDone);
            var bytes = Interlocked.Add(ref bytesDone, file.Node.Size);
            progress?.Report(new MhlProgress(done, work.Count, bytes, total, file.Node.RelativePath));
        });

        if (!errors.IsEmpty)
        {
            throw errors.First();
        }
    }
}
