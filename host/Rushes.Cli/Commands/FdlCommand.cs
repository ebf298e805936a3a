using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Host.Fdl;
using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes fdl validate|apply|frame</c>: ASC Framing Decision Lists.</summary>
public static class FdlCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("fdl", "Validate ASC FDL files, apply canvas templates, and derive framing decisions.");
        command.Subcommands.Add(Validate(run));
        command.Subcommands.Add(Apply(run));
        command.Subcommands.Add(Frame(run));
        return command;
    }

    private static Command Validate(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var file = new Argument<string>("file") { Description = "The .fdl file." };
        var command = new Command("validate", "Check an FDL against the ASC schema and the spec's cross-checks; exit 1 if it is invalid.") { file, json };
        command.SetAction(run(context =>
        {
            var path = context.ParseResult.GetValue(file)!;
            var validation = FdlReader.ValidateFile(path);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["file"] = Path.GetFullPath(path),
                    ["valid"] = validation.IsValid,
                    ["schemaChecked"] = validation.SchemaChecked,
                    ["issues"] = new JsonArray([.. validation.Issues.Select(i => (JsonNode)new JsonObject { ["path"] = i.Path, ["rule"] = i.Rule, ["message"] = i.Message })]),
                });
            }
            else
            {
                context.Out.WriteLine(validation.IsValid ? $"{path}: valid ASC FDL {validation.Document!.Version}" : $"{path}: invalid ({validation.Issues.Count} issues)");
                foreach (var issue in validation.Issues)
                {
                    context.Out.WriteLine($"  {issue.Path}: {issue.Message}");
                }
            }

            return Task.FromResult(validation.IsValid ? ExitCodes.Ok : ExitCodes.CheckFailed);
        }));
        return command;
    }

    private static Command Apply(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var fdl = new Option<string>("--fdl") { Description = "The source FDL.", Required = true };
        var templateFile = new Option<string>("--template") { Description = "The FDL holding the canvas template.", Required = true };
        var templateId = new Option<string?>("--template-id") { Description = "Which canvas template (default: the first)." };
        var contextLabel = new Option<string?>("--context") { Description = "The source context, by label (default: the first with canvases)." };
        var canvasId = new Option<string?>("--canvas") { Description = "The source canvas, by id or label (default: the context's first)." };
        var intentId = new Option<string?>("--intent") { Description = "The framing intent, by id (default: the document's default, else the canvas's first decision)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the resulting FDL.", Required = true };
        var command = new Command("apply", "Apply a canvas template to a source canvas and framing decision, as the ASC reference algorithm does.")
        {
            fdl, templateFile, templateId, contextLabel, canvasId, intentId, output, json,
        };
        command.SetAction(run(context =>
        {
            var p = context.ParseResult;
            var sourcePath = p.GetValue(fdl)!;
            var source = FdlReader.ReadFile(sourcePath);
            var templates = FdlReader.ReadFile(p.GetValue(templateFile)!);
            var template = Select(templates.CanvasTemplates, t => t.Id, p.GetValue(templateId), p.GetValue(templateFile)!, "canvas_templates", "--template-id");

            var label = p.GetValue(contextLabel);
            var sourceContext = label is null
                ? source.Contexts.FirstOrDefault(c => c.Canvases.Count > 0) ?? throw new CliException(ExitCodes.Input, $"{sourcePath} has no context with a canvas.", sourcePath, "contexts", "a context with at least one canvas")
                : source.Contexts.FirstOrDefault(c => c.Label == label) ?? throw new CliException(ExitCodes.Input, $"{sourcePath} has no context labelled '{label}'; it has: {string.Join(", ", source.Contexts.Select(c => $"'{c.Label}'"))}.", sourcePath, "contexts[].label", "an existing context label");
            var wantedCanvas = p.GetValue(canvasId);
            var canvas = wantedCanvas is not null && sourceContext.Canvases.FirstOrDefault(c => c.Id != wantedCanvas && c.Label == wantedCanvas) is { } byLabel
                ? byLabel
                : Select(sourceContext.Canvases, c => c.Id, wantedCanvas, sourcePath, "canvases", "--canvas");
            var intent = p.GetValue(intentId) ?? source.DefaultFramingIntent;
            var decision = intent is null
                ? (canvas.FramingDecisions.Count > 0 ? canvas.FramingDecisions[0] : null) ?? throw new CliException(ExitCodes.Input, $"canvas '{canvas.Id}' in {sourcePath} has no framing decision.", sourcePath, "framing_decisions", "a framing decision")
                : canvas.FramingDecisions.FirstOrDefault(d => d.FramingIntentId == intent) ?? throw new CliException(ExitCodes.Input, $"canvas '{canvas.Id}' in {sourcePath} has no framing decision for intent '{intent}'.", sourcePath, "framing_decisions[].framing_intent_id", "a decision for the intent");

            var result = CanvasTemplateApplier.Apply(source, sourceContext, canvas, decision, template);
            var outPath = p.GetValue(output)!;
            FdlWriter.WriteFile(result.Document, outPath);
            if (p.GetValue(json))
            {
                JsonOutput.Write(context.Out, Summary(result, outPath));
            }
            else
            {
                var f = result.FramingDecision;
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{outPath}: canvas {result.Canvas.Dimensions}, scale {result.ScaleFactor:0.######}, framing {f.Dimensions} at {f.AnchorPoint}, content at {result.ContentTranslation}"));
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Frame(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var canvasSize = new Option<string>("--canvas") { Description = "Canvas size, WxH (e.g. 4448x3096).", Required = true };
        var squeeze = new Option<double>("--squeeze") { Description = "Anamorphic squeeze.", DefaultValueFactory = _ => 1 };
        var aspect = new Option<string>("--intent") { Description = "Intended aspect ratio, W:H (e.g. 2.39:1 or 16:9).", Required = true };
        var protection = new Option<double>("--protection") { Description = "Protection as a fraction (0 to 1).", DefaultValueFactory = _ => 0 };
        var command = new Command("frame", "Derive a framing decision from an intent on a canvas and print it as an FDL.") { canvasSize, squeeze, aspect, protection, json };
        command.SetAction(run(context =>
        {
            var p = context.ParseResult;
            var size = ParseSize(p.GetValue(canvasSize)!);
            var ratio = ParseAspect(p.GetValue(aspect)!);
            var sq = p.GetValue(squeeze);
            var prot = p.GetValue(protection);
            if (sq <= 0 || !double.IsFinite(sq))
            {
                throw new CliException(ExitCodes.Usage, $"--squeeze {sq} must be a positive number.", field: "--squeeze", expected: "a squeeze such as 1, 1.3, 1.8 or 2");
            }

            if (prot is < 0 or >= 1)
            {
                throw new CliException(ExitCodes.Usage, $"--protection {prot} is outside [0, 1).", field: "--protection", expected: "a fraction such as 0.1");
            }

            var intent = new FramingIntent { Id = "1", AspectRatio = ratio, Protection = prot };
            var canvas = new Canvas { Id = "1", SourceCanvasId = "1", Dimensions = size, AnamorphicSqueeze = sq };
            var decision = FramingFromIntent.Derive(canvas, intent);
            var document = new FdlDocument
            {
                Uuid = Guid.NewGuid().ToString(),
                Version = FdlVersion.Current,
                FdlCreator = "Rushes",
                DefaultFramingIntent = "1",
                FramingIntents = [intent],
                Contexts = [new FdlContext { Label = "rushes fdl frame", Canvases = [canvas with { FramingDecisions = [decision] }] }],
            };
            var text = FdlWriter.Write(document);
            if (p.GetValue(json))
            {
                JsonOutput.Write(context.Out, JsonNode.Parse(text)!);
            }
            else
            {
                context.Out.Write(text);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static T Select<T>(IReadOnlyList<T> items, Func<T, string> id, string? wanted, string file, string field, string option)
    {
        if (items.Count == 0)
        {
            throw new CliException(ExitCodes.Input, $"{file} has no {field}.", file, field, $"at least one entry in {field}");
        }

        return wanted is null
            ? items[0]
            : items.FirstOrDefault(i => id(i) == wanted) ?? throw new CliException(ExitCodes.Input, $"{file} has no {field} entry '{wanted}' ({option}); it has: {string.Join(", ", items.Select(i => $"'{id(i)}'"))}.", file, field, "an existing id");
    }

    private static IntDimensions ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0 && w <= 1 << 20 && h <= 1 << 20
            ? new IntDimensions(w, h)
            : throw new CliException(ExitCodes.Usage, $"--canvas '{text}' is not a size.", field: "--canvas", expected: "WxH in pixels, e.g. 4448x3096");
    }

    private static IntDimensions ParseAspect(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w) && decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0 && w < 100_000 && h < 100_000)
        {
            // Intents are integers in the schema: 2.39:1 becomes 239:100.
            var scale = 1m;
            while ((w * scale) % 1 != 0 || (h * scale) % 1 != 0)
            {
                scale *= 10;
                if (scale > 10_000)
                {
                    break;
                }
            }

            return new IntDimensions((int)decimal.Round(w * scale), (int)decimal.Round(h * scale));
        }

        throw new CliException(ExitCodes.Usage, $"--intent '{text}' is not an aspect ratio.", field: "--intent", expected: "W:H, e.g. 2.39:1 or 16:9");
    }

    private static JsonObject Summary(TemplateApplication result, string path)
    {
        var f = result.FramingDecision;
        return new JsonObject
        {
            ["output"] = Path.GetFullPath(path),
            ["canvas"] = new JsonObject
            {
                ["id"] = result.Canvas.Id,
                ["dimensions"] = Size(result.Canvas.Dimensions.Width, result.Canvas.Dimensions.Height),
                ["effectiveDimensions"] = Size(result.Canvas.EffectiveDimensions!.Value.Width, result.Canvas.EffectiveDimensions.Value.Height),
                ["effectiveAnchorPoint"] = Point(result.Canvas.EffectiveAnchorPoint!.Value),
                ["anamorphicSqueeze"] = result.Canvas.AnamorphicSqueeze,
            },
            ["framingDecision"] = new JsonObject
            {
                ["id"] = f.Id,
                ["dimensions"] = Size(f.Dimensions.Width, f.Dimensions.Height),
                ["anchorPoint"] = Point(f.AnchorPoint),
                ["protectionDimensions"] = f.ProtectionDimensions is { } pd ? Size(pd.Width, pd.Height) : null,
                ["protectionAnchorPoint"] = f.ProtectionAnchorPoint is { } pa ? Point(pa) : null,
            },
            ["scaleFactor"] = result.ScaleFactor,
            ["scaledBoundingBox"] = Size(result.ScaledBoundingBox.Width, result.ScaledBoundingBox.Height),
            ["contentTranslation"] = Point(result.ContentTranslation),
        };
    }

    private static JsonObject Size(double w, double h) => new() { ["width"] = w, ["height"] = h };

    private static JsonObject Point(AnchorPoint p) => new() { ["x"] = p.X, ["y"] = p.Y };

}
