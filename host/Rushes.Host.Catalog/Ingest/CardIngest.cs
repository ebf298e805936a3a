using System.Text.Json.Nodes;
using Rushes.Contracts.Time;
using Rushes.Host.Clips;
using Rushes.Host.Metadata;
using Rushes.Host.Mhl;
using Rushes.Host.Mhl.Operations;

namespace Rushes.Host.Catalog.Ingest;

/// <summary>
/// Ingests a camera card: checks its chain of custody (ASC MHL), finds its clips through every camera-format plugin,
/// normalizes each to the clip schema v1, validates it, and stores it. A clip that fails is reported with its file
/// and the reason, and the others are stored; re-ingesting the same card changes nothing.
/// </summary>
public sealed class CardIngest(ClipInspector inspector)
{
    /// <summary>How many paths a refusal names before it says "and N more".</summary>
    private const int Named = 5;

    /// <summary>Ingests <paramref name="card"/> into <paramref name="catalog"/>.</summary>
    public async Task<IngestReport> IngestAsync(string card, IClipCatalog catalog, IngestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new IngestOptions();
        var root = Path.GetFullPath(card);
        if (!Directory.Exists(root))
        {
            throw new Contracts.Plugins.InputException($"The card '{card}' is not a folder.", file: card, expected: "a camera card folder");
        }

        var verified = options.VerifyMhl ? VerifyCard(root, cancellationToken) : (int?)null;
        var (clips, problems) = inspector.Inspect(root, Read, options.Parallelism, cancellationToken);
        var failed = problems.Select(p => new FailedClip(p.File ?? root, p.Message, null)).ToList();
        var entries = new List<CatalogEntry>();
        foreach (var inspection in clips)
        {
            var location = inspection.Clip.Location;
            var format = inspection.Clip.FormatId;
            var read = inspection.Result;
            if (!inspection.Succeeded)
            {
                failed.Add(new FailedClip(inspection.Failure!.File ?? location.Path, inspection.Failure.Message, format));
                continue;
            }

            if (read.Violations is { Count: > 0 } violations)
            {
                failed.Add(new FailedClip(location.Path, $"its normalized document does not validate against the clip schema v1: {string.Join("; ", violations.Take(Named))}", format));
                continue;
            }

            // The camera's clip name where the source gives one; the format's name for the clip otherwise.
            var name = read.Document["clip"]?["name"]?["value"]?.GetValue<string>() ?? location.Name;
            entries.Add(CatalogEntry.Create(read.Document, location.Path, name, format, read.Frames, root));
        }

        var outcomes = await catalog.UpsertAsync(entries, cancellationToken);
        return new IngestReport
        {
            Card = root,
            Catalog = catalog.Location.Display,
            MhlVerifiedFiles = verified,
            Clips = [.. entries.Select((e, i) => new IngestedClip(e.Identity, e.Name, e.Path, e.Format, outcomes[i], e.FormatKey))],
            Failed = failed,
        };
    }

    /// <summary>Normalizes and validates while the clip is open, so that both run on every core with the opening.</summary>
    private static (JsonObject Document, FrameRange Frames, IReadOnlyList<string> Violations) Read(DiscoveredClip clip, Contracts.CameraFormats.IClipReader reader)
    {
        var document = ClipDocumentV1.Build(reader.Metadata, ClipInspector.MediaName(clip.Location));
        return (document, reader.Info.Frames, ClipSchemaValidator.Validate(document));
    }

    /// <summary>Verifies every file against the history; returns how many verified, or refuses the card.</summary>
    private static int VerifyCard(string root, CancellationToken cancellationToken)
    {
        MhlReport report;
        try
        {
            report = new MhlService().Verify(root, cancellationToken: cancellationToken);
        }
        catch (MhlHistoryException ex)
        {
            throw ex.Problem == MhlProblem.NoHistory
                ? new IngestRefusedException(IngestRefusal.NoHistory, root,
                    $"The card {root} has no ASC MHL history, so its files cannot be shown to be the ones shot; seal it where it was offloaded (rushes mhl create), or ingest with --no-mhl.")
                : new IngestRefusedException(IngestRefusal.CorruptHistory, root, $"The card's ASC MHL history cannot be trusted ({ex.Problem}): {ex.Message}");
        }

        var (refusal, status, what) = report.Verdict switch
        {
            MhlVerdict.Failed => (IngestRefusal.Failed, EntryStatus.Failed, "differ from their recorded hashes"),
            MhlVerdict.Missing => (IngestRefusal.Missing, EntryStatus.Missing, "are recorded in the ASC MHL history but missing"),
            MhlVerdict.Unknown => (IngestRefusal.Unknown, EntryStatus.Unknown, "are on the card but not in its ASC MHL history"),
            _ => ((IngestRefusal?)null, EntryStatus.Verified, string.Empty),
        };
        if (refusal is { } reason)
        {
            var paths = report.With(status).Select(e => e.Path).ToList();
            var named = string.Join(", ", paths.Take(Named)) + (paths.Count > Named ? $" and {paths.Count - Named} more" : string.Empty);
            throw new IngestRefusedException(reason, root, $"The card {root} does not verify: {paths.Count} file(s) {what} ({named}). Nothing was ingested.");
        }

        return report.With(EntryStatus.Verified).Count(e => !e.IsDirectory);
    }
}
