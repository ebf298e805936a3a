namespace Rushes.Host.Mhl.Tree;

/// <summary>
/// Lists what a history covers: names sorted ordinally (the reference sorts Python strings), ignored
/// paths and every <c>ascmhl</c> folder left out, folder links not followed.
/// </summary>
public static class TreeWalker
{
    /// <summary>The tree under a folder.</summary>
    public static TreeNode Walk(string root, IgnoreSpec ignore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        var info = new DirectoryInfo(root);
        var node = new TreeNode { Name = info.Name, RelativePath = ".", FullPath = info.FullName, IsDirectory = true, LastModified = Stamp(info) };
        Fill(node, ignore, cancellationToken);
        return node;
    }

    private static void Fill(TreeNode folder, IgnoreSpec ignore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new DirectoryInfo(folder.FullPath).GetFileSystemInfos();
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var isDirectory = entry is DirectoryInfo;
            var relative = folder.RelativePath == "." ? entry.Name : $"{folder.RelativePath}/{entry.Name}";
            if ((isDirectory && (entry.Name == Layout.FolderName || entry.LinkTarget is not null)) || ignore.Matches(relative, isDirectory))
            {
                continue;
            }

            var child = new TreeNode
            {
                Name = entry.Name,
                RelativePath = relative,
                FullPath = entry.FullName,
                IsDirectory = isDirectory,
                Size = entry is FileInfo file ? SizeOf(file) : 0,
                LastModified = Stamp(entry),
            };
            if (isDirectory)
            {
                Fill(child, ignore, cancellationToken);
            }

            folder.Children.Add(child);
        }
    }

    private static long SizeOf(FileInfo file) => file.LinkTarget is null ? file.Length : new FileInfo(file.ResolveLinkTarget(true)?.FullName ?? file.FullName).Length;

    private static DateTimeOffset Stamp(FileSystemInfo entry)
        => Xml.MhlDates.WholeSeconds(new DateTimeOffset(entry.LastWriteTimeUtc, TimeSpan.Zero));
}
