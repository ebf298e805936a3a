using System.CommandLine;
using System.Text.Json.Nodes;
using Rushes.Contracts.Time;
using Rushes.Host.Catalog;
using Rushes.Host.Editorial.Edl;
using Rushes.Host.Editorial.Matching;
using Rushes.Host.Editorial.Timecodes;

namespace Rushes.Cli.Commands;

/// <summary>
/// <c>rushes match</c>: each event of an EDL against the catalog, by reel name and source timecode,
/// and optionally a <c>rushes render --job</c> file per matched event (docs/EDITORIAL.md).
/// </summary>
public static class MatchCommand
{
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var catalog = CatalogOptions.Catalog();
        var edl = new Argument<string>("edl") { Description = "The EDL (CMX3600 and its Avid, Premiere and Resolve dialects)." };
        var handles = new Option<int>("--handles") { Description = "Frames added at each end of every event, clamped to its clip." };
        var fps = new Option<string?>("--fps") { Description = $"The EDL's timecode rate ({string.Join(", ", SmpteRate.All.Select(r => r.Decimal).Distinct())}, or N/D); default: the rate most of the catalog's clips have." };
        var jobOut = new Option<string?>("--job-out") { Description = "Write a render job file per matched event into this folder (evt001.json...)." };
        var spec = new Option<string>("--spec") { Description = "The spec of the written jobs.", DefaultValueFactory = _ => "vfx-plates" };
        var output = new Option<string?>("--out") { Description = "The output folder of the written jobs (default: renders/ beside --job-out)." };
        var variables = new Option<string[]>("--var") { Description = "A spec variable for the written jobs, NAME=VALUE; repeatable.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("match", "Match an EDL's events to catalogued clips by reel and source timecode, with handles; optionally write their render jobs.")
        {
            edl, handles, fps, catalog, jobOut, spec, output, variables, json,
        };
        command.SetAction(run(async context =>
        {
            var p = context.ParseResult;
            if (p.GetValue(handles) < 0)
            {
                throw new CliException(ExitCodes.Usage, $"--handles must not be negative; got {p.GetValue(handles)}.", field: "--handles", expected: "0 or more frames");
            }

            var store = await CatalogOptions.OpenAsync(context, catalog);
            var rate = await RateAsync(p.GetValue(fps), store, context.CancellationToken);
            var document = EdlParser.ReadFile(p.GetValue(edl)!, rate);
            var matches = new EventMatcher(new CatalogClipLookup(store, context.CancellationToken), p.GetValue(handles)).MatchAll(document);

            IReadOnlyList<string> jobs = [];
            if (p.GetValue(jobOut) is { } folder)
            {
                var renders = p.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, "renders");
                jobs = RenderJobWriter.WriteAll(matches, Path.GetFullPath(folder), p.GetValue(spec)!, Path.GetFullPath(renders), RenderCommand.Pairs(p.GetValue(variables) ?? [], "--var"));
            }

            var matched = matches.Count(m => m.Outcome == MatchOutcome.Matched);
            var unmatched = matches.Count(m => m.Outcome is not (MatchOutcome.Matched or MatchOutcome.Skipped));
            if (p.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["edl"] = Path.GetFullPath(p.GetValue(edl)!),
                    ["catalog"] = store.Location.Display,
                    ["fps"] = rate.ToString(),
                    ["handles"] = p.GetValue(handles),
                    ["matched"] = matched,
                    ["unmatched"] = unmatched,
                    ["events"] = MatchJson.ToJson(matches),
                    ["jobs"] = new JsonArray([.. jobs.Select(j => (JsonNode)j)]),
                });
            }
            else
            {
                foreach (var match in matches)
                {
                    context.Out.WriteLine(match.Outcome == MatchOutcome.Matched
                        ? $"{match.Event.Number,4}  {match.Event.Reel,-16} {match.Clip!.ClipName ?? match.Clip.Id}  frames {match.FramesWithHandles}{(match.Clamped ? $" (handles clamped: {match.HeadHandles} head, {match.TailHandles} tail)" : string.Empty)}"
                        : $"{match.Event.Number,4}  {match.Event.Reel,-16} {match.Outcome}: {match.Reason}");
                }

                context.Out.WriteLine($"{matched} matched, {unmatched} not matched{(jobs.Count > 0 ? $"; {jobs.Count} render jobs in {p.GetValue(jobOut)}" : string.Empty)}");
            }

            // Events that name media but found no clip are a partial failure a pipeline must see.
            return unmatched == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }));
        return command;
    }

    /// <summary>The EDL's rate: as given, or the timecode rate most catalogued clips share, or 24.</summary>
    private static async Task<FrameRate> RateAsync(string? text, IClipCatalog catalog, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return await catalog.CommonTimecodeRateAsync(cancellationToken) ?? FrameRate.Fps24;
        }

        if (SmpteRate.All.FirstOrDefault(r => r.Decimal == text.Trim()) is { } named)
        {
            return named.Rate;
        }

        return FrameRate.TryParse(text, out var rate)
            ? rate
            : throw new CliException(ExitCodes.Usage, $"--fps '{text}' is not a frame rate.", field: "--fps", expected: "a rate such as 23.976, 24, 25, 29.97, 59.94, or N/D such as 24000/1001");
    }
}
