using System.CommandLine;
using System.Text.Json.Nodes;
using Rushes.Host.Catalog;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes formats</c>: the camera-format cards of the catalog's clips.</summary>
public static class FormatsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var catalog = CatalogOptions.Catalog();
        var command = new Command("formats", "List the camera-format cards: the catalog's clips grouped by camera letter, model, sensor mode, codec and squeeze.")
        {
            catalog, json,
        };
        command.SetAction(run(async context =>
        {
            var store = await CatalogOptions.OpenAsync(context, catalog);
            var cards = await store.FormatsAsync(context.CancellationToken);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["catalog"] = store.Location.Display,
                    ["formats"] = new JsonArray([.. cards.Select(c => (JsonNode)CatalogJson.ToJson(c))]),
                });
            }
            else
            {
                foreach (var card in cards)
                {
                    context.Out.WriteLine($"{card.Clips,5} clip(s)  camera {card.CameraLetter}  {card.CameraModel}  sensor {card.SensorMode}  codec {card.Codec}  squeeze {card.Squeeze}");
                }

                context.Out.WriteLine($"{cards.Count} camera format(s)");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
