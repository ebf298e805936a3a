using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Tree;
using Rushes.Host.Mhl.Xml;

namespace Rushes.Host.Mhl.History;

/// <summary>
/// The <c>ascmhl/</c> history of a folder, with the histories nested below it. Loading checks the chain
/// of custody: the chain exists, numbers its manifests 1..n without gaps, every manifest it names is
/// there with the same C4 ID, no manifest is left out of it, every document validates against the XSD,
/// and parents' references to nested manifests match them.
/// </summary>
public sealed class MhlHistory
{
    private HistoryIndex? _index;

    private MhlHistory(string root, MhlHistory? parent)
    {
        RootPath = root;
        Parent = parent;
    }

    /// <summary>The managed folder.</summary>
    public string RootPath { get; }

    /// <summary>The <c>ascmhl</c> folder.</summary>
    public string FolderPath => Path.Combine(RootPath, Layout.FolderName);

    /// <summary>The chain file.</summary>
    public string ChainPath => Path.Combine(FolderPath, Layout.ChainFileName);

    /// <summary>The generations, oldest first.</summary>
    public IReadOnlyList<Generation> Generations { get; private set; } = [];

    /// <summary>The enclosing history, if nested.</summary>
    public MhlHistory? Parent { get; }

    /// <summary>Histories in folders below, each covering its own files.</summary>
    public IReadOnlyList<MhlHistory> Children { get; private set; } = [];

    /// <summary>Lookups over every generation.</summary>
    internal HistoryIndex Index => _index ??= new HistoryIndex(this);

    /// <summary>The latest generation's ignore patterns, or null.</summary>
    public IReadOnlyList<string>? LatestIgnorePatterns => Generations.Count > 0 ? Generations[^1].Manifest.ProcessInfo.IgnorePatterns : null;

    /// <summary>This history and every nested one, deepest first (the order generations are written in).</summary>
    public IEnumerable<MhlHistory> DeepestFirst() => Children.SelectMany(c => c.DeepestFirst()).Append(this);

    /// <summary>This history and every nested one, this one first.</summary>
    public IEnumerable<MhlHistory> All() => Children.SelectMany(c => c.All()).Prepend(this);

    /// <summary>The root path relative to <paramref name="scope"/>'s root ('.' for itself).</summary>
    public string RelativeTo(MhlHistory scope) => Layout.Relative(scope.RootPath, RootPath);

    /// <summary>Loads the history of a folder (none yet is fine) and its nested histories.</summary>
    /// <exception cref="MhlHistoryException">The history is corrupt.</exception>
    public static MhlHistory Load(string root)
    {
        var history = Load(Path.GetFullPath(root), null);
        history.CheckReferences();
        return history;
    }

    private static MhlHistory Load(string root, MhlHistory? parent)
    {
        var history = new MhlHistory(root, parent);
        history.Generations = Directory.Exists(history.FolderPath) ? history.LoadGenerations() : [];
        var children = new List<MhlHistory>();
        FindChildren(root, history, children);
        history.Children = children;
        return history;
    }

    private static void FindChildren(string folder, MhlHistory history, List<MhlHistory> children)
    {
        foreach (var sub in new DirectoryInfo(folder).EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (sub.Name == Layout.FolderName || sub.LinkTarget is not null)
            {
                continue;
            }

            if (Directory.Exists(Path.Combine(sub.FullName, Layout.FolderName)))
            {
                children.Add(Load(sub.FullName, history));
            }
            else
            {
                FindChildren(sub.FullName, history, children);
            }
        }
    }

    private List<Generation> LoadGenerations()
    {
        if (!File.Exists(ChainPath))
        {
            throw new MhlHistoryException(MhlProblem.MissingChain, ChainPath, $"{FolderPath} has no {Layout.ChainFileName}: the history's chain of custody is missing.");
        }

        var chain = ChainXml.Read(File.ReadAllBytes(ChainPath), ChainPath);
        var generations = new List<Generation>();
        for (var i = 0; i < chain.Count; i++)
        {
            var entry = chain[i];
            if (entry.SequenceNumber != i + 1)
            {
                throw new MhlHistoryException(MhlProblem.ChainGap, ChainPath,
                    $"{ChainPath}: entry {i + 1} has sequencenr {entry.SequenceNumber}, expected {i + 1} (the chain must number its manifests 1, 2, 3... without gaps).");
            }

            var file = Path.Combine(FolderPath, entry.Path);
            if (!File.Exists(file))
            {
                throw new MhlHistoryException(MhlProblem.MissingManifest, file, $"{ChainPath} lists generation {entry.SequenceNumber} as {entry.Path}, which is missing.");
            }

            var bytes = File.ReadAllBytes(file);
            var c4 = Hasher.HashData(HashFormat.C4, bytes);
            if (c4 != entry.C4)
            {
                throw new MhlHistoryException(MhlProblem.ModifiedManifest, file,
                    $"{file} was modified after it was written: its C4 ID is {c4}, the chain records {entry.C4}.");
            }

            generations.Add(new Generation(entry.SequenceNumber, file, c4, ManifestXml.Read(bytes, file)));
        }

        var chained = chain.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(FolderPath).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (Layout.GenerationNumber(name) is not null && !chained.Contains(name))
            {
                throw new MhlHistoryException(MhlProblem.UnchainedManifest, file, $"{file} is not listed in {ChainPath}: the chain has a gap or the manifest was added by hand.");
            }
        }

        return generations;
    }

    private void CheckReferences()
    {
        foreach (var history in All())
        {
            foreach (var generation in history.Generations)
            {
                foreach (var reference in generation.Manifest.References)
                {
                    var target = Path.GetFullPath(Path.Combine(history.RootPath, reference.Path));
                    if (!File.Exists(target))
                    {
                        // A nested folder that is gone is reported as missing files, not as a broken chain.
                        if (Directory.Exists(Path.GetDirectoryName(target)))
                        {
                            throw new MhlHistoryException(MhlProblem.BrokenReference, generation.FilePath,
                                $"{generation.FilePath} refers to the nested manifest {reference.Path}, which is missing.");
                        }

                        continue;
                    }

                    var c4 = Hasher.HashData(HashFormat.C4, File.ReadAllBytes(target));
                    if (c4 != reference.C4)
                    {
                        throw new MhlHistoryException(MhlProblem.BrokenReference, target,
                            $"{generation.FilePath} refers to {reference.Path} with C4 ID {reference.C4}, but that manifest has {c4}.");
                    }
                }
            }
        }
    }

    /// <summary>The history that records a path (relative to this history's root), and the path relative to it.</summary>
    public (MhlHistory History, string Path) Owner(string relativePath)
    {
        foreach (var child in Children)
        {
            var childRoot = child.RelativeTo(this);
            if (relativePath == childRoot)
            {
                return (child, ".");
            }

            if (relativePath.StartsWith(childRoot + "/", StringComparison.Ordinal))
            {
                return child.Owner(relativePath[(childRoot.Length + 1)..]);
            }
        }

        return (this, relativePath);
    }
}
