using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.History;
using Rushes.Host.Mhl.Tree;

namespace Rushes.Host.Mhl.Operations;

public sealed partial class MhlService
{
    /// <summary>
    /// Hashes every file and compares it with every format recorded for it, reporting failed, unknown
    /// (extra) and missing files; optionally recomputes directory and root hashes. Writes nothing.
    /// </summary>
    public MhlReport Verify(string root, MhlVerifyOptions? options = null, IProgress<MhlProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MhlVerifyOptions();
        var survey = Survey.Take(root, options.IgnorePatterns, cancellationToken);
        RequireHistory(survey.History);
        if (options.FailFast && survey.QuickCheck() is { Count: > 0 } early)
        {
            var stopped = new MhlReport { Root = survey.History.RootPath, StoppedBeforeHashing = true };
            stopped.Entries.AddRange(early);
            return stopped;
        }

        var directoryFormats = options.DirectoryHashes
            ? survey.History.All().SelectMany(h => h.Index.DirectoryFormats).Distinct().Order().ToList()
            : [];
        foreach (var file in survey.Files)
        {
            file.Needed.UnionWith(HistoryIndex.Formats(file.Records));
            file.Needed.UnionWith(directoryFormats);
        }

        survey.HashAll(options.Parallelism, progress, cancellationToken);
        var report = new MhlReport { Root = survey.History.RootPath };
        foreach (var file in survey.Files)
        {
            report.Entries.Add(Compare(file));
        }

        if (directoryFormats.Count > 0)
        {
            VerifyDirectory(survey.Tree, survey, directoryFormats, report);
        }

        report.Entries.AddRange(survey.Missing.Select(m => new EntryOutcome(m.Path, EntryStatus.Missing, m.IsDirectory)));
        return report;
    }

    private static EntryOutcome Compare(SurveyedFile file)
    {
        if (!file.Known)
        {
            return new EntryOutcome(file.Node.RelativePath, EntryStatus.Unknown) { Hashes = file.Computed };
        }

        var mismatches = new List<Mismatch>();
        foreach (var format in HistoryIndex.Formats(file.Records))
        {
            var expected = HistoryIndex.FirstHash(file.Records, format)!.Value;
            if (file.Computed[format] != expected)
            {
                mismatches.Add(new Mismatch(format.Name(), expected, file.Computed[format]));
            }
        }

        return new EntryOutcome(file.Node.RelativePath, mismatches.Count > 0 ? EntryStatus.Failed : EntryStatus.Verified) { Hashes = file.Computed, Mismatches = mismatches };
    }

    private static Dictionary<HashFormat, DirectoryDigest> VerifyDirectory(TreeNode folder, Survey survey, List<HashFormat> formats, MhlReport report)
    {
        var builders = formats.Select(f => new DirectoryHashBuilder(f)).ToList();
        foreach (var child in folder.Children)
        {
            if (child.IsDirectory)
            {
                var digests = VerifyDirectory(child, survey, formats, report);
                builders.ForEach(b => b.AddDirectory(child.Name, digests[b.Format].Content, digests[b.Format].Structure));
            }
            else
            {
                var file = survey.ByNode[child];
                builders.ForEach(b => b.AddFile(child.Name, file.Computed[b.Format]));
            }
        }

        var result = builders.Select(b => b.Finish()).ToDictionary(d => d.Format);
        var (owner, ownerPath) = survey.History.Owner(folder.RelativePath);
        var mismatches = new List<Mismatch>();
        var recorded = owner.Index.LatestDirectoryHashes(ownerPath);
        var compared = false;
        foreach (var expected in recorded?.Hashes ?? [])
        {
            if (!result.TryGetValue(expected.Format, out var digest))
            {
                continue;
            }

            compared = true;
            if (expected.Content != digest.Content)
            {
                mismatches.Add(new Mismatch($"content {digest.Format.Name()}", expected.Content, digest.Content));
            }

            if (expected.Structure != digest.Structure)
            {
                mismatches.Add(new Mismatch($"structure {digest.Format.Name()}", expected.Structure, digest.Structure));
            }
        }

        if (compared)
        {
            report.Entries.Add(new EntryOutcome(folder.RelativePath, mismatches.Count > 0 ? EntryStatus.Failed : EntryStatus.Verified, IsDirectory: true)
            {
                Hashes = result.ToDictionary(r => r.Key, r => r.Value.Content),
                Mismatches = mismatches,
            });
        }

        return result;
    }

    /// <summary>Lists unknown files (on disk, not recorded) and missing ones (recorded, not on disk) without hashing.</summary>
    public MhlReport Diff(string root, IReadOnlyList<string>? ignorePatterns = null, CancellationToken cancellationToken = default)
    {
        var survey = Survey.Take(root, ignorePatterns ?? [], cancellationToken);
        RequireHistory(survey.History);
        var report = new MhlReport { Root = survey.History.RootPath };
        report.Entries.AddRange(survey.Files.Where(f => !f.Known).Select(f => new EntryOutcome(f.Node.RelativePath, EntryStatus.Unknown)));
        report.Entries.AddRange(survey.Missing.Select(m => new EntryOutcome(m.Path, EntryStatus.Missing, m.IsDirectory)));
        return report;
    }

    private static void RequireHistory(MhlHistory history)
    {
        if (!history.All().Any(h => h.Generations.Count > 0))
        {
            throw new MhlHistoryException(MhlProblem.NoHistory, history.RootPath, $"{history.RootPath} has no ASC MHL history (no {Layout.FolderName}/ folder with generations).");
        }
    }
}
