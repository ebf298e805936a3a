using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Rushes.Host.Specs;
using Rushes.Host.Specs.Model;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes spec list|render</c>: the shows' deliverable specs.</summary>
public static class SpecCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("spec", "List deliverable specs, and render one with a job's variables to check it.");
        command.Subcommands.Add(List(run));
        command.Subcommands.Add(Render(run));
        return command;
    }

    /// <summary>
    /// The spec folders: <c>Specs:Paths</c> from the settings (a show's own folders first), then the
    /// <c>specs/</c> folder shipped beside rushes.
    /// </summary>
    public static SpecLibrary Library(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.Get<IConfiguration>().GetSection("Specs:Paths").Get<string[]>() ?? [];
        return new SpecLibrary([.. configured, Path.Combine(AppContext.BaseDirectory, "specs")]);
    }

    private static Command List(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var command = new Command("list", "Every spec found in the spec folders.") { json };
        command.SetAction(run(context =>
        {
            var library = Library(context);
            var specs = library.List();
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["folders"] = new JsonArray([.. library.Folders.Select(f => (JsonNode)f)]),
                    ["specs"] = new JsonArray([.. specs.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["file"] = s.File })]),
                });
            }
            else
            {
                foreach (var (name, file) in specs)
                {
                    context.Out.WriteLine($"{name,-16} {file}");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Render(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var spec = new Argument<string>("spec") { Description = "A spec name (vfx-plates) or a .sbn/.yaml/.json file." };
        var variables = new Option<string[]>("--var") { Description = "A template variable, NAME=VALUE; repeatable.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("render", "Render a spec with the given variables, validate it and print it.") { spec, variables, json };
        command.SetAction(run(context =>
        {
            var library = Library(context);
            var file = library.Resolve(context.ParseResult.GetValue(spec)!);
            var vars = SpecVariables.From(RenderCommand.Pairs(context.ParseResult.GetValue(variables) ?? [], "--var"));
            var text = library.Render(file, vars, context.CancellationToken);
            var model = Rushes.Host.Specs.Reading.SpecReader.Read(text, file);
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, ToJson(model, text));
            }
            else
            {
                context.Out.Write(text);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static JsonObject ToJson(DeliverableSpec spec, string text) => new()
    {
        ["file"] = spec.SourceFile,
        ["name"] = spec.Name,
        ["description"] = spec.Description,
        ["renderedHash"] = spec.RenderedHash,
        ["deliverables"] = new JsonArray([.. spec.Deliverables.Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["type"] = d.Type,
            ["options"] = new JsonObject([.. d.Options.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))]),
            ["colour"] = new JsonObject { ["output"] = d.Colour.Output, ["looks"] = d.Colour.ApplyLooks },
            ["framing"] = d.Framing is null ? null : new JsonObject
            {
                ["template"] = d.Framing.Template, ["templateId"] = d.Framing.TemplateId, ["width"] = d.Framing.Width,
                ["height"] = d.Framing.Height, ["fit"] = d.Framing.Fit, ["filter"] = d.Framing.Filter,
            },
            ["naming"] = d.Naming.Text,
            ["perFrame"] = d.Naming.HasFrame,
            ["frameOffset"] = d.FrameOffset,
            ["sidecars"] = new JsonArray([.. d.Sidecars.Select(s => (JsonNode)s)]),
            ["onFailure"] = d.OnFailure.ToString(),
        })]),
        ["text"] = text,
    };
}
