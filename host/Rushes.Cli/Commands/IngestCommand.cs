using System.CommandLine;
using Rushes.Host.Catalog.Ingest;
using Rushes.Host.Clips;

namespace Rushes.Cli.Commands;

/// <summary>
/// <c>rushes ingest CARD</c>: verify the card's ASC MHL history, find and normalize its clips through every
/// camera-format plugin, and store them in the catalog. Re-ingesting a card changes nothing.
/// </summary>
public static class IngestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var catalog = CatalogOptions.Catalog();
        var card = new Argument<string>("card") { Description = "The camera card folder (sealed with ASC MHL)." };
        var noMhl = new Option<bool>("--no-mhl") { Description = "Ingest without verifying the card against its ASC MHL history (no chain of custody)." };
        var command = new Command("ingest", "Verify a card's ASC MHL history, then normalize its clips' camera metadata and store them in the catalog.")
        {
            card, catalog, noMhl, json,
        };
        command.SetAction(run(async context =>
        {
            var store = await CatalogOptions.OpenAsync(context, catalog);
            var options = new IngestOptions { VerifyMhl = !context.ParseResult.GetValue(noMhl) };
            var report = await new CardIngest(context.Get<ClipInspector>()).IngestAsync(context.ParseResult.GetValue(card)!, store, options, context.CancellationToken);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, CatalogJson.ToJson(report));
            }
            else
            {
                Print(context.Out, report);
            }

            return report.Failed.Count > 0 ? IngestExitCodes.PartialFailure : IngestExitCodes.Ingested;
        }));
        return command;
    }

    private static void Print(TextWriter output, IngestReport report)
    {
        output.WriteLine(report.MhlVerifiedFiles is { } files
            ? $"Card {report.Card}: {files} file(s) verified against its ASC MHL history"
            : $"Card {report.Card}: ASC MHL not checked (--no-mhl)");
        foreach (var clip in report.Clips)
        {
            output.WriteLine($"  {clip.Outcome.ToString().ToLowerInvariant(),-9} {clip.Name}  [{clip.Format}]  {clip.FormatKey}");
        }

        foreach (var failure in report.Failed)
        {
            output.WriteLine($"  failed    {failure.File}: {failure.Reason}");
        }

        output.WriteLine($"{report.Added} added, {report.Unchanged} unchanged, {report.Updated} updated, {report.Failed.Count} failed; catalog {report.Catalog}");
    }
}
