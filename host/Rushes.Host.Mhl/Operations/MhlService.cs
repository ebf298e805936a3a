using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.History;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Tree;

namespace Rushes.Host.Mhl.Operations;

/// <summary>
/// ASC MHL operations on a folder: create a generation, verify, diff, info and flatten. Results come back
/// as data (one outcome per path); nothing is printed. A corrupt history throws
/// <see cref="MhlHistoryException"/>.
/// </summary>
public sealed partial class MhlService(MhlEnvironment environment)
{
    /// <summary>A service with the system clock and this computer's name.</summary>
    public MhlService()
        : this(MhlEnvironment.System)
    {
    }

    /// <summary>The clock, host and tool recorded in what this service writes.</summary>
    public MhlEnvironment Environment { get; } = environment;

    /// <summary>
    /// Hashes every file under <paramref name="root"/>, compares with earlier generations (verified or failed;
    /// new files original; missing ones reported), and writes a new generation in every history touched,
    /// nested ones included, with its chain entry.
    /// </summary>
    public MhlReport Create(string root, MhlCreateOptions? options = null, IProgress<MhlProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MhlCreateOptions();
        Author.CheckAll(options.Authors);
        var start = Environment.Now();
        var requested = (options.Formats.Count > 0 ? options.Formats : [HashFormat.Xxh128]).Distinct().Order().ToList();
        var survey = Survey.Take(root, options.IgnorePatterns, cancellationToken);
        var report = new MhlReport { Root = survey.History.RootPath };
        if (options.FailFast && survey.QuickCheck() is { Count: > 0 } early)
        {
            var stopped = new MhlReport { Root = report.Root, StoppedBeforeHashing = true };
            stopped.Entries.AddRange(early);
            return stopped;
        }

        foreach (var file in survey.Files)
        {
            file.Needed.UnionWith(FormatsToCompute(file, requested));
        }

        var renameCandidates = options.DetectRenames ? PrepareRenames(survey) : [];
        survey.HashAll(options.Parallelism, progress, cancellationToken);

        var writer = new GenerationWriter(survey.History);
        var outcomes = new Dictionary<string, EntryOutcome>(StringComparer.Ordinal);
        var hashDate = Environment.Now();
        EmitDirectory(survey.Tree, survey, writer, requested, options.NoDirectoryHashes, outcomes, hashDate);

        var missing = survey.Missing.ToList();
        if (options.DetectRenames)
        {
            ApplyRenames(survey, writer, renameCandidates, missing, outcomes);
        }

        var creator = new CreatorInfo(start, Environment.HostName, Environment.ToolName, Environment.ToolVersion, options.Authors, options.Location, options.Comment);
        report.Written.AddRange(writer.Write(creator, options.Process, options.IgnorePatterns));
        report.Entries.AddRange(survey.Files.Select(f => outcomes[f.Node.RelativePath]));
        report.Entries.AddRange(missing.Select(m => new EntryOutcome(m.Path, EntryStatus.Missing, m.IsDirectory)));
        return report;
    }

    /// <summary>
    /// The formats one read of a file computes (reference <c>seal_file_path</c>): the recorded formats that
    /// were asked for, or else the first recorded one so that the file is still verified, then the new ones.
    /// </summary>
    private static List<HashFormat> FormatsToCompute(SurveyedFile file, List<HashFormat> requested)
    {
        var existing = HistoryIndex.Formats(file.Records);
        var formats = existing.Where(requested.Contains).ToList();
        if (formats.Count == 0 && existing.Count > 0)
        {
            formats.Add(existing[0]);
        }

        formats.AddRange(requested.Where(f => !formats.Contains(f)));
        return formats;
    }

    private static DirectoryDigests EmitDirectory(TreeNode folder, Survey survey, GenerationWriter writer, List<HashFormat> formats, bool noDirectoryHashes,
        Dictionary<string, EntryOutcome> outcomes, DateTimeOffset hashDate)
    {
        var builders = noDirectoryHashes ? [] : formats.Select(f => new DirectoryHashBuilder(f)).ToList();
        foreach (var child in folder.Children.Where(c => c.IsDirectory))
        {
            var digests = EmitDirectory(child, survey, writer, formats, noDirectoryHashes, outcomes, hashDate);
            foreach (var builder in builders)
            {
                var digest = digests[builder.Format];
                builder.AddDirectory(child.Name, digest.Content, digest.Structure);
            }
        }

        foreach (var child in folder.Children.Where(c => !c.IsDirectory))
        {
            var file = survey.ByNode[child];
            var (record, outcome) = RecordFile(file, formats, hashDate);
            writer.Add(file.Owner, record);
            outcomes[child.RelativePath] = outcome;
            foreach (var builder in builders)
            {
                builder.AddFile(child.Name, file.Computed[builder.Format]);
            }
        }

        var result = new DirectoryDigests(builders.Select(b => b.Finish()));
        var hashes = result.Values.Select(d => new DirectoryHash(d.Format, d.Content, d.Structure, hashDate)).ToList();
        var (owner, ownerPath) = survey.History.Owner(folder.RelativePath);
        if (ownerPath == ".")
        {
            writer.SetRootHash(owner, hashes);
            if (owner.Parent is { } parent)
            {
                writer.Add(parent, new DirectoryRecord { Path = owner.RelativeTo(parent), LastModificationDate = folder.LastModified, Hashes = hashes });
            }
        }
        else
        {
            writer.Add(owner, new DirectoryRecord { Path = ownerPath, LastModificationDate = folder.LastModified, Hashes = hashes });
        }

        return result;
    }

    /// <summary>The new record of one file and its outcome: original, or verified/failed against the first hash of each format.</summary>
    private static (FileRecord Record, EntryOutcome Outcome) RecordFile(SurveyedFile file, List<HashFormat> requested, DateTimeOffset hashDate)
    {
        var record = new FileRecord { Path = file.OwnerPath, Size = file.Node.Size, LastModificationDate = file.Node.LastModified };
        var mismatches = new List<Mismatch>();
        if (!file.Known)
        {
            record.Hashes.AddRange(requested.Select(f => new FileHash(f, file.Computed[f], HashAction.Original, hashDate)));
            return (record, new EntryOutcome(file.Node.RelativePath, EntryStatus.Original) { Hashes = file.Computed });
        }

        var existing = HistoryIndex.Formats(file.Records);
        var allVerified = true;
        foreach (var format in existing.Where(file.Computed.ContainsKey))
        {
            var first = HistoryIndex.FirstHash(file.Records, format)!;
            var actual = file.Computed[format];
            var ok = first.Value == actual;
            allVerified &= ok;
            record.Hashes.Add(new FileHash(format, actual, ok ? HashAction.Verified : HashAction.Failed, hashDate));
            if (!ok)
            {
                mismatches.Add(new Mismatch(format.Name(), first.Value, actual));
            }
        }

        // A format new to this file is recorded as verified only once a recorded format verified.
        if (allVerified)
        {
            record.Hashes.AddRange(requested.Where(f => !existing.Contains(f)).Select(f => new FileHash(f, file.Computed[f], HashAction.Verified, hashDate)));
        }

        var status = mismatches.Count > 0 ? EntryStatus.Failed : EntryStatus.Verified;
        return (record, new EntryOutcome(file.Node.RelativePath, status) { Hashes = file.Computed, Mismatches = mismatches });
    }

    /// <summary>
    /// For rename detection: each missing file's first recorded hash, and the new files (same history,
    /// same size when recorded) that must also be hashed in that format.
    /// </summary>
    private static List<(string Path, MhlHistory Owner, string OwnerPath, FileHash Hash)> PrepareRenames(Survey survey)
    {
        var candidates = new List<(string, MhlHistory, string, FileHash)>();
        var newFiles = survey.Files.Where(f => !f.Known).ToList();
        foreach (var (path, isDirectory) in survey.Missing.Where(m => !m.IsDirectory))
        {
            var (owner, ownerPath) = survey.History.Owner(path);
            var records = owner.Index.Records(ownerPath);
            if (records.Count == 0 || records.SelectMany(r => r.Record.Hashes).FirstOrDefault(h => h.Action != HashAction.Failed) is not { } first)
            {
                continue;
            }

            var size = records[^1].Record.Size;
            foreach (var file in newFiles.Where(f => f.Owner == owner && (size is null || size == f.Node.Size)))
            {
                file.Needed.Add(first.Format);
            }

            candidates.Add((path, owner, ownerPath, first));
        }

        return candidates;
    }

    private static void ApplyRenames(Survey survey, GenerationWriter writer, List<(string Path, MhlHistory Owner, string OwnerPath, FileHash Hash)> candidates,
        List<(string Path, bool IsDirectory)> missing, Dictionary<string, EntryOutcome> outcomes)
    {
        var taken = new HashSet<SurveyedFile>();
        var folderMoves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, owner, ownerPath, hash) in candidates)
        {
            var match = survey.Files.FirstOrDefault(f => !f.Known && f.Owner == owner && !taken.Contains(f)
                && f.Computed.TryGetValue(hash.Format, out var value) && value == hash.Value);
            if (match is null)
            {
                continue;
            }

            taken.Add(match);
            writer.FindFile(owner, match.OwnerPath)!.PreviousPath = ownerPath;
            outcomes[match.Node.RelativePath] = outcomes[match.Node.RelativePath] with { PreviousPath = path };
            missing.RemoveAll(m => m.Path == path);

            // A folder whose files all moved to one new folder was renamed too.
            var (oldFolder, newFolder) = CommonMove(path, match.Node.RelativePath);
            if (oldFolder is not null)
            {
                folderMoves[oldFolder] = newFolder!;
            }
        }

        foreach (var (oldFolder, newFolder) in folderMoves)
        {
            if (missing.Any(m => m.Path.StartsWith(oldFolder + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            var (owner, ownerPath) = survey.History.Owner(newFolder);
            if (writer.FindDirectory(owner, ownerPath) is { } record && missing.RemoveAll(m => m.Path == oldFolder && m.IsDirectory) > 0)
            {
                record.PreviousPath = survey.History.Owner(oldFolder).Path;
            }
        }
    }

    /// <summary>The folders that differ between an old and a new path with the same file name, e.g. B/x → C/x gives (B, C).</summary>
    private static (string? Old, string? New) CommonMove(string oldPath, string newPath)
    {
        var oldParts = oldPath.Split('/');
        var newParts = newPath.Split('/');
        if (oldParts[^1] != newParts[^1] || oldParts.Length != newParts.Length || oldParts.Length < 2)
        {
            return (null, null);
        }

        var oldFolder = string.Join('/', oldParts[..^1]);
        var newFolder = string.Join('/', newParts[..^1]);
        return oldFolder == newFolder ? (null, null) : (oldFolder, newFolder);
    }

    private sealed class DirectoryDigests(IEnumerable<DirectoryDigest> digests) : Dictionary<HashFormat, DirectoryDigest>(digests.ToDictionary(d => d.Format));
}
