namespace Rushes.Host.Mhl.Tree;

/// <summary>A file or folder found under a history's root.</summary>
public sealed class TreeNode
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The path relative to the scope root, '/' separated; "." for the root.</summary>
    public required string RelativePath { get; init; }

    /// <summary>The full path on disk.</summary>
    public required string FullPath { get; init; }

    /// <summary>True for a folder.</summary>
    public bool IsDirectory { get; init; }

    /// <summary>The size of a file.</summary>
    public long Size { get; init; }

    /// <summary>The last write time, whole seconds, UTC.</summary>
    public DateTimeOffset LastModified { get; init; }

    /// <summary>Children sorted by name (ordinal), ignored ones left out.</summary>
    public List<TreeNode> Children { get; } = [];

    /// <summary>Every file below, depth first.</summary>
    public IEnumerable<TreeNode> Files()
        => Children.SelectMany(c => c.IsDirectory ? c.Files() : [c]);

    /// <summary>Every node below (not this one).</summary>
    public IEnumerable<TreeNode> Descendants()
        => Children.SelectMany(c => c.IsDirectory ? c.Descendants().Prepend(c) : [c]);
}
