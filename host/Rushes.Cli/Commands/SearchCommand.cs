using System.CommandLine;
using System.Text.Json.Nodes;
using Rushes.Host.Catalog;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes search</c>: clips in the catalog by reel, source timecode, camera and any normalized field.</summary>
public static class SearchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var catalog = CatalogOptions.Catalog();
        var reel = new Option<string?>("--reel") { Description = "The reel (camera roll), exactly." };
        var tc = new Option<string?>("--tc") { Description = "Source timecode HH:MM:SS:FF or a range HH:MM:SS:FF-HH:MM:SS:FF; clips that overlap it, each read at its own rate." };
        var camera = new Option<string?>("--camera") { Description = "A camera letter, model or serial, exactly." };
        var where = new Option<string[]>("--where")
        {
            Description = "FIELD=VALUE on the normalized v1 document, such as exposure.iso=800 or clip.capture_fps=24000/1001 (repeatable; all must hold).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("search", "Find clips in the catalog by reel, timecode, camera or any normalized field.")
        {
            reel, tc, camera, where, catalog, json,
        };
        command.SetAction(run(async context =>
        {
            var query = new ClipQuery
            {
                Reel = context.ParseResult.GetValue(reel),
                Camera = context.ParseResult.GetValue(camera),
                Timecode = Parse(context.ParseResult.GetValue(tc), TimecodeRange.Parse, "--tc", "HH:MM:SS:FF or HH:MM:SS:FF-HH:MM:SS:FF"),
                Where = [.. (context.ParseResult.GetValue(where) ?? []).Select(w => Parse(w, FieldCondition.Parse, "--where", "FIELD=VALUE, such as camera.serial=10234")!)],
            };
            var store = await CatalogOptions.OpenAsync(context, catalog);
            var clips = await store.SearchAsync(query, context.CancellationToken);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["catalog"] = store.Location.Display,
                    ["count"] = clips.Count,
                    ["clips"] = new JsonArray([.. clips.Select(c => (JsonNode)CatalogJson.ToJson(c))]),
                });
            }
            else
            {
                Table(context.Out, clips);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static T? Parse<T>(string? text, Func<string, T> parse, string field, string expected)
        where T : class
    {
        try
        {
            return text is null ? null : parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliException(ExitCodes.Usage, ex.Message, field: field, expected: expected);
        }
    }

    private static void Table(TextWriter output, IReadOnlyList<ClipRecord> clips)
    {
        string[] header = ["REEL", "CLIP", "CAM", "MODEL", "TC IN", "TC OUT", "FPS", "FORMAT", "PATH"];
        var rows = clips.Select(c => new[]
        {
            c.Reel ?? "-", c.Name, c.CameraLetter ?? "-", c.CameraModel ?? "-", c.TimecodeIn?.ToString() ?? "-", c.TimecodeOut?.ToString() ?? "-",
            c.FrameRate?.ToString() ?? "-", c.Format, c.Path,
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }

        output.WriteLine($"{clips.Count} clip(s)");
    }
}
