using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.History;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Tree;
using Rushes.Host.Mhl.Xml;

namespace Rushes.Host.Mhl.Operations;

/// <summary>One generation of a history, summarised.</summary>
/// <param name="History">The history's folder relative to the root ('.' for the root's own).</param>
/// <param name="Number">The generation number.</param>
/// <param name="Manifest">The manifest's full path.</param>
/// <param name="Creator">Who, when, where.</param>
/// <param name="Process">How.</param>
/// <param name="Files">File entries.</param>
/// <param name="Failed">File entries with a failed hash.</param>
/// <param name="RootHash">The root hash.</param>
/// <param name="References">Nested manifests referred to.</param>
public sealed record GenerationSummary(string History, int Number, string Manifest, CreatorInfo Creator, ProcessType Process, int Files, int Failed,
    IReadOnlyList<DirectoryHash> RootHash, IReadOnlyList<ManifestReference> References);

/// <summary>One generation's record of one file.</summary>
/// <param name="History">The history's folder relative to the root.</param>
/// <param name="Generation">The generation number.</param>
/// <param name="CreationDate">When the generation was made.</param>
/// <param name="Record">The record (its path is relative to the history).</param>
public sealed record FileHistoryEntry(string History, int Generation, DateTimeOffset CreationDate, FileRecord Record);

/// <summary>Options of <see cref="MhlService.Flatten"/>.</summary>
public sealed class MhlFlattenOptions
{
    /// <summary>Authors for <c>creatorinfo</c>.</summary>
    public IReadOnlyList<Author> Authors { get; init; } = [];

    /// <summary>The <c>location</c> element.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>comment</c> element.</summary>
    public string? Comment { get; init; }
}

/// <summary>The result of a flatten.</summary>
/// <param name="Manifest">The manifest written.</param>
/// <param name="Collection">The collection file listing it.</param>
/// <param name="Files">File entries in it.</param>
public sealed record FlattenResult(string Manifest, string Collection, int Files);

public sealed partial class MhlService
{
    /// <summary>Every generation of the history and of the nested ones.</summary>
    public IReadOnlyList<GenerationSummary> Info(string root)
    {
        var history = MhlHistory.Load(root);
        RequireHistory(history);
        return [.. history.All().SelectMany(h => h.Generations.Select(g => new GenerationSummary(
            h.RelativeTo(history), g.Number, g.FilePath, g.Manifest.CreatorInfo, g.Manifest.ProcessInfo.Process,
            g.Manifest.Files.Count(), g.Manifest.Files.Count(f => f.Hashes.Any(x => x.Action == HashAction.Failed)),
            g.Manifest.ProcessInfo.RootHash, g.Manifest.References)))];
    }

    /// <summary>What every generation recorded of one file (a path relative to the root, or a full path), following renames.</summary>
    public IReadOnlyList<FileHistoryEntry> FileHistory(string root, string file)
    {
        var history = MhlHistory.Load(root);
        RequireHistory(history);
        var relative = Path.IsPathRooted(file) ? Layout.Relative(history.RootPath, file) : file.Replace('\\', '/');
        var (owner, ownerPath) = history.Owner(relative);
        var creation = owner.Generations.ToDictionary(g => g.Number, g => g.Manifest.CreatorInfo.CreationDate);
        return [.. owner.Index.Records(ownerPath).Select(r => new FileHistoryEntry(owner.RelativeTo(history), r.Generation, creation[r.Generation], r.Record))];
    }

    /// <summary>
    /// Collects every file record of the history (nested ones included, paths made relative to the root)
    /// into one standalone manifest with process <c>flatten</c>: failed hashes dropped, the earliest hash of
    /// each format kept, size and dates from the latest record, no directory hashes. It is written to
    /// <paramref name="outputFolder"/> as <c>packinglist_&lt;folder&gt;_&lt;time&gt;Z.mhl</c> and listed in
    /// that folder's <c>ascmhl_collection.xml</c>; the history itself is not changed.
    /// </summary>
    public FlattenResult Flatten(string root, string outputFolder, MhlFlattenOptions? options = null)
    {
        options ??= new MhlFlattenOptions();
        Author.CheckAll(options.Authors);
        var start = Environment.Now();
        var history = MhlHistory.Load(root);
        RequireHistory(history);
        var merged = new Dictionary<string, FileRecord>(StringComparer.Ordinal);
        foreach (var scope in history.All())
        {
            var prefix = scope.RelativeTo(history) is "." ? string.Empty : scope.RelativeTo(history) + "/";
            foreach (var record in scope.Generations.SelectMany(g => g.Manifest.Files))
            {
                var path = prefix + record.Path;
                var previous = record.PreviousPath is { } p ? prefix + p : null;

                // A renamed file carries its earlier record (and hashes) over to its new name.
                if (!merged.TryGetValue(path, out var earlier) && previous is not null && merged.Remove(previous, out var renamed))
                {
                    earlier = renamed;
                }

                var hashes = earlier?.Hashes ?? [];
                foreach (var hash in record.Hashes.Where(h => h.Action != HashAction.Failed && hashes.TrueForAll(e => e.Format != h.Format)))
                {
                    hashes.Add(hash);
                }

                merged[path] = new FileRecord
                {
                    Path = path,
                    Size = record.Size ?? earlier?.Size,
                    CreationDate = record.CreationDate ?? earlier?.CreationDate,
                    LastModificationDate = record.LastModificationDate ?? earlier?.LastModificationDate,
                    PreviousPath = previous ?? earlier?.PreviousPath,
                    Hashes = hashes,
                };
            }
        }

        var manifest = new Manifest
        {
            CreatorInfo = new CreatorInfo(start, Environment.HostName, Environment.ToolName, Environment.ToolVersion, options.Authors, options.Location, options.Comment),
            ProcessInfo = new ProcessInfo(ProcessType.Flatten, [], history.LatestIgnorePatterns ?? IgnoreSpec.Defaults),
            Entries = [.. merged.Values.Where(r => r.Hashes.Count > 0).OrderBy(r => r.Path, StringComparer.Ordinal)],
        };

        Directory.CreateDirectory(outputFolder);
        var bytes = ManifestXml.Write(manifest);
        WrittenXml.Check(bytes, outputFolder);
        var file = Path.Combine(Path.GetFullPath(outputFolder), $"packinglist_{new DirectoryInfo(history.RootPath).Name}_{MhlDates.FileStamp(start)}{Layout.Extension}");
        var collection = Path.Combine(Path.GetFullPath(outputFolder), Layout.CollectionFileName);
        var entries = File.Exists(collection) ? ChainXml.Read(File.ReadAllBytes(collection), collection).ToList() : [];
        entries.Add(new ChainEntry(entries.Count + 1, Path.GetFileName(file), Hasher.HashData(HashFormat.C4, bytes)));
        AtomicFile.Write(file, bytes);
        AtomicFile.Write(collection, ChainXml.Write(entries));
        return new FlattenResult(file, collection, manifest.Entries.Count);
    }
}
