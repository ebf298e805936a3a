using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rushes.Demo;
using Rushes.Host.Catalog;
using Rushes.Host.Catalog.Ingest;
using Rushes.Host.Clips;
using Rushes.Host.Mhl.Operations;
using Rushes.Host.Render;

namespace Rushes.Cli.Commands;

/// <summary>
/// <c>rushes demo</c>: the main job on an embedded default. It makes a sample camera card, checks it
/// as ingest does (ASC MHL), and renders the vfx-plates and dailies specs from it. Running it again
/// reuses the card and the finished work units, as any rerun of a unit does.
/// </summary>
public static class DemoCommand
{
    private static readonly string[] Specs = ["vfx-plates", "dailies"];

    /// <summary>The demo's embedded catalog, beside the card.</summary>
    public const string CatalogFile = "catalog.db";

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var output = new Option<string>("--out") { Description = "Where the card and the deliverables go.", DefaultValueFactory = _ => "rushes-demo" };
        var frames = new Option<int>("--frames") { Description = "Frames in the sample clip.", DefaultValueFactory = _ => 24 };
        var size = new Option<string>("--size") { Description = "The sample clip's size, WxH (the benchmark uses 4096x2160).", DefaultValueFactory = _ => "2048x1080" };
        var specs = new Option<string[]>("--spec") { Description = "A spec to render (repeatable; default: vfx-plates and dailies). vfx-plates alone needs no ffmpeg.", AllowMultipleArgumentsPerToken = false };
        specs.AcceptOnlyFromAmong(Specs);
        var command = new Command("demo", "Make a sample camera card (a CinemaDNG test-chart clip with real metadata, sealed with ASC MHL), verify it, and render the vfx-plates and dailies specs from it.")
        {
            output, frames, size, specs, json,
        };
        command.SetAction(run(async context =>
        {
            var root = Path.GetFullPath(context.ParseResult.GetValue(output)!);
            var count = context.ParseResult.GetValue(frames);
            if (count is < 1 or > 1000)
            {
                throw new CliException(ExitCodes.Usage, $"--frames {count}: expected 1 to 1000.", field: "--frames", expected: "1 to 1000");
            }

            var (width, height) = Size(context.ParseResult.GetValue(size)!);
            var card = Path.Combine(root, "card");
            var clip = EnsureCard(card, new DemoCardOptions { Frames = count, Width = width, Height = height }, context);
            var check = new MhlService().Verify(card, cancellationToken: context.CancellationToken);
            if (check.Verdict != MhlVerdict.Ok)
            {
                throw new CliException(ExitCodes.CheckFailed, $"The demo card at {card} does not verify against its ASC MHL history ({check.Verdict}); delete {root} and run again.", file: card);
            }

            context.Error.WriteLine($"demo: card {card} verified against its ASC MHL history ({check.Entries.Count} entries)");
            var ingest = await Ingest(card, Path.Combine(root, CatalogFile), context);
            var runner = new RenderRunner(RenderCommand.Services(context, "rushes.demo"));
            var results = new List<RenderResult>();
            var chosen = context.ParseResult.GetValue(specs) is { Length: > 0 } named ? named.Distinct(StringComparer.Ordinal) : Specs;
            foreach (var spec in chosen)
            {
                context.Error.WriteLine($"demo: rendering {spec}");
                results.Add(await runner.RunAsync(new RenderJob
                {
                    Clip = clip,
                    Spec = spec,
                    Variables = new Dictionary<string, string> { ["show"] = "RUSHES", ["shot"] = "DEMO_010_0010" },
                    Output = Path.Combine(root, spec),
                }, cancellationToken: context.CancellationToken));
            }

            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["card"] = card,
                    ["clip"] = clip,
                    ["ingest"] = CatalogJson.ToJson(ingest),
                    ["renders"] = new JsonArray([.. results.Select(r => JsonSerializer.SerializeToNode(r))]),
                });
            }
            else
            {
                Print(context.Out, card, clip, results, ingest);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    // Written beside its final name and renamed into place, so a killed demo never leaves half a card.
    private static (int Width, int Height) Size(string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h) && w is >= 64 and <= 8192 && h is >= 64 and <= 8192 && w % 2 == 0 && h % 2 == 0
            ? (w, h)
            : throw new CliException(ExitCodes.Usage, $"--size {text}: expected WxH, even, 64 to 8192.", field: "--size", expected: "WxH, such as 4096x2160");
    }

    private static string EnsureCard(string card, DemoCardOptions options, CommandContext context)
    {
        var clip = Path.Combine(card, DemoCard.ClipName);
        if (Directory.Exists(card))
        {
            return clip;
        }

        var staging = card + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        context.Error.WriteLine($"demo: writing the sample card ({options.Frames} CinemaDNG frames, {options.Width}x{options.Height}) to {card}");
        Directory.CreateDirectory(Path.GetDirectoryName(card)!);
        DemoCard.Create(staging, options, context.CancellationToken);
        Directory.Move(staging, card);
        return clip;
    }

    // Ingest as 'rushes ingest' does, into the demo's own SQLite catalog. The card was verified against its ASC MHL
    // history just above, so it is not hashed a second time.
    private static async Task<IngestReport> Ingest(string card, string catalogPath, CommandContext context)
    {
        var catalog = await ClipCatalog.OpenAsync(CatalogLocation.Parse(catalogPath), cancellationToken: context.CancellationToken);
        var report = await new CardIngest(context.Get<ClipInspector>()).IngestAsync(card, catalog, new IngestOptions { VerifyMhl = false }, context.CancellationToken);
        if (report.Failed.Count > 0)
        {
            throw new CliException(ExitCodes.CheckFailed, $"The demo card at {card} did not ingest: {report.Failed[0].File}: {report.Failed[0].Reason}", file: report.Failed[0].File);
        }

        context.Error.WriteLine($"demo: ingested {report.Clips.Count} clip(s) into {report.Catalog} ({report.Added} added, {report.Unchanged} unchanged, {report.Updated} updated)");
        return report;
    }

    private static void Print(TextWriter output, string card, string clip, IReadOnlyList<RenderResult> results, IngestReport ingest)
    {
        output.WriteLine($"Sample card: {card} (ASC MHL verified)");
        output.WriteLine($"  clip {Path.GetFileName(clip)}: {Directory.GetFiles(clip, "*.dng").Length} CinemaDNG frames");
        output.WriteLine($"Catalog: {ingest.Catalog} ({ingest.Added} added, {ingest.Unchanged} unchanged, {ingest.Updated} updated)");
        foreach (var stored in ingest.Clips)
        {
            output.WriteLine($"  {stored.Name}  [{stored.Format}]  format {stored.FormatKey}  id {stored.Identity}");
        }

        foreach (var result in results)
        {
            output.WriteLine($"{result.Spec}: unit {result.UnitId}{(result.Reused ? " (already complete)" : string.Empty)}, frames {result.Frames}");
            foreach (var deliverable in result.Deliverables)
            {
                var media = deliverable.Files.Where(f => f.Kind == "media").ToList();
                output.WriteLine($"  {deliverable.Name} ({deliverable.Type}, {deliverable.Width}x{deliverable.Height}, {deliverable.ColourEncoding}): {media.Count} files in {deliverable.Folder}");
                foreach (var file in media.Take(2))
                {
                    output.WriteLine($"    {file.Path}");
                }
            }
        }
    }
}
