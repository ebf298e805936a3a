using Microsoft.Extensions.Logging;
using Rushes.Host.Mhl.Operations;
using Rushes.Host.Render.Planning;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Render.Provenance;

/// <summary>Seals a deliverable folder with a new ASC MHL generation over everything delivered in it.</summary>
internal static class MhlSeal
{
    /// <summary>Rushes' own bookkeeping never belongs in a delivery's manifest.</summary>
    private static readonly string[] Ignored = [UnitStore.StagingFolder + "/", UnitStore.UnitsFolder + "/", Contracts.Deliverables.DirectoryOutputTarget.TemporaryPrefix + "*"];

    /// <summary>Creates the generation; returns the MHL files written, relative to <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Seal(string output, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Path.Combine(output, folder));
        // Units of one pull run at once on a fleet and seal the same folder: one generation at a time.
        // The lock stays in the units' bookkeeping folder, named by the delivered folder.
        using var folderLock = FolderLock.Acquire(Path.Combine(output, UnitStore.UnitsFolder, $"mhl-{UnitIdentity.Text(folder.Replace('\\', '/'))[..16]}.lock"), cancellationToken);
        var report = new MhlService().Create(root, new MhlCreateOptions { IgnorePatterns = Ignored }, cancellationToken: cancellationToken);
        if (report.Verdict != MhlVerdict.Ok)
        {
            logger.LogWarning("The ASC MHL history of {Folder} reports {Verdict}: a file differs from an earlier generation", folder, report.Verdict);
        }

        return [.. report.Written.Select(w => Path.GetRelativePath(output, Path.GetFullPath(w)).Replace('\\', '/'))];
    }
}
