using System.CommandLine;
using System.Text.Json.Nodes;
using Rushes.Contracts.Colour;
using Rushes.Host.Amf;
using Rushes.Host.Amf.Model;
using Rushes.Host.Amf.Pipeline;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes amf validate|show</c>: ACES Metadata Files.</summary>
public static class AmfCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("amf", "Validate ACES Metadata Files and show the colour pipeline they describe.");
        command.Subcommands.Add(Validate(run));
        command.Subcommands.Add(Show(run));
        return command;
    }

    private static Command Validate(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var file = new Argument<string>("file") { Description = "The .amf file." };
        var command = new Command("validate", "Check an AMF against the Academy's XSD and the file-reference rules; exit 1 if it is invalid.") { file, json };
        command.SetAction(run(context =>
        {
            var path = context.ParseResult.GetValue(file)!;
            var validation = AmfReader.ValidateFile(path);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["file"] = Path.GetFullPath(path),
                    ["valid"] = validation.IsValid,
                    ["version"] = validation.Document?.Version,
                    ["schemaChecked"] = validation.SchemaChecked,
                    ["issues"] = new JsonArray([.. validation.Issues.Select(i => (JsonNode)new JsonObject { ["line"] = i.Line, ["column"] = i.Position, ["rule"] = i.Rule, ["message"] = i.Message })]),
                });
            }
            else
            {
                context.Out.WriteLine(validation.IsValid ? $"{path}: valid AMF {validation.Document!.Version}" : $"{path}: invalid ({validation.Issues.Count} issues)");
                foreach (var issue in validation.Issues)
                {
                    context.Out.WriteLine($"  {issue}");
                }
            }

            return Task.FromResult(validation.IsValid ? ExitCodes.Ok : ExitCodes.CheckFailed);
        }));
        return command;
    }

    private static Command Show(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var file = new Argument<string>("file") { Description = "The .amf file." };
        var noOutput = new Option<bool>("--no-output") { Description = "Plan as for ACES plates: leave the output transform to the viewer." };
        var removeApplied = new Option<bool>("--remove-applied-looks") { Description = "Undo looks already in the pixels, to reach clean ACES." };
        var command = new Command("show", "Show the colour pipeline an AMF resolves to, step by step.") { file, noOutput, removeApplied, json };
        command.SetAction(run(context =>
        {
            var path = context.ParseResult.GetValue(file)!;
            var amf = AmfReader.ReadFile(path);
            var options = new AmfPlanOptions { IncludeOutput = !context.ParseResult.GetValue(noOutput), RemoveAppliedLooks = context.ParseResult.GetValue(removeApplied) };
            var steps = AmfPipelinePlanner.Plan(amf, path, options);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["file"] = Path.GetFullPath(path),
                    ["version"] = amf.Version,
                    ["uuid"] = amf.Info.Uuid,
                    ["clipName"] = amf.ClipId?.ClipName,
                    ["transforms"] = new JsonArray([.. amf.Pipeline.Transforms.Select(Describe)]),
                    ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)new JsonObject
                    {
                        ["role"] = s.Role.ToString(),
                        ["transformId"] = s.Transform.TransformId,
                        ["direction"] = s.Transform.Direction == TransformDirection.Inverse ? "inverse" : "forward",
                        ["file"] = s.Transform.FilePath,
                        ["selector"] = s.Transform.Selector,
                        ["parameters"] = new JsonObject([.. s.Transform.Parameters.Given.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))]),
                        ["line"] = s.Line,
                        ["description"] = s.Description,
                    })]),
                    ["archivedPipelines"] = amf.ArchivedPipelines.Count,
                });
            }
            else
            {
                context.Out.WriteLine($"{path}: AMF {amf.Version} {amf.Info.Uuid}{(amf.ClipId is { } c ? $" for clip {c.ClipName}" : string.Empty)}");
                foreach (var t in amf.Pipeline.Transforms)
                {
                    context.Out.WriteLine($"  line {t.Line,4}  {t.Element}{(t.Applied is { } a ? $" applied={a.ToString().ToLowerInvariant()}" : string.Empty)}{(t.Description is { } d ? $"  \"{d}\"" : string.Empty)}");
                }

                context.Out.WriteLine(steps.Count == 0 ? "Pipeline: nothing to apply." : "Pipeline:");
                for (var i = 0; i < steps.Count; i++)
                {
                    context.Out.WriteLine($"  {i + 1}. {steps[i]}");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static JsonNode Describe(AmfTransform t) => new JsonObject
    {
        ["element"] = t.Element,
        ["applied"] = t.Applied,
        ["description"] = t.Description,
        ["transformId"] = t.TransformId,
        ["file"] = t.File,
        ["line"] = t.Line,
        ["parts"] = t.Parts.Count == 0 ? null : new JsonArray([.. t.Parts.Select(Describe)]),
    };
}
