using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Host.Colour;

namespace Rushes.Cli.Commands;

/// <summary>
/// <c>rushes color</c>: the colour transforms of the loaded plugins (<c>list</c>), and a chain of them
/// applied to RGB triples (<c>eval</c>), for checks and for users.
/// </summary>
public static class ColorCommand
{
    /// <summary>Most triples one eval reads, so that a runaway pipe cannot exhaust memory.</summary>
    internal const int MaxTriples = 1_000_000;

    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("color", "Colour transforms: list them, or evaluate a chain of them on RGB triples.");
        command.Aliases.Add("colour");
        command.Subcommands.Add(List(run));
        command.Subcommands.Add(Eval(run));
        return command;
    }

    private static Command List(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var command = new Command("list", "List every colour transform: id, aliases, category, invertible, and the plugin that provides it.") { json };
        command.SetAction(run(context =>
        {
            var registry = context.Get<ColourTransformRegistry>();
            var transforms = registry.Transforms;
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["transforms"] = new JsonArray([.. transforms.Select(t => (JsonNode)Describe(t))]),
                    ["conflicts"] = new JsonArray([.. registry.Conflicts.Select(c => (JsonNode)new JsonObject
                    {
                        ["name"] = c.Name,
                        ["kept"] = new JsonObject { ["id"] = c.Kept.Info.Id, ["plugin"] = c.Kept.Plugin.Id },
                        ["ignored"] = new JsonObject { ["id"] = c.Ignored.Info.Id, ["plugin"] = c.Ignored.Plugin.Id },
                    })]),
                });
            }
            else
            {
                WriteList(context.Out, registry);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Eval(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var json = GlobalOptions.Json();
        var transforms = new Option<string[]>("--transform", "-t")
        {
            Description = "A transform id or alias, applied in the order given (repeatable). Parameters follow an '@': "
                + "ID@ei=1600, and file=PATH, selector=ID for file-based transforms, separated by commas.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var inverse = new Option<bool>("--inverse") { Description = "Apply the inverse of the whole chain: the transforms in reverse order, each inverted." };
        var values = new Argument<string[]>("rgb")
        {
            Description = "RGB triples (R G B R G B ...). Without them, triples are read from stdin, separated by spaces, commas or new lines. Put '--' before negative values.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("eval", "Apply a chain of colour transforms to RGB triples and print the results.") { transforms, inverse, json, values };
        command.SetAction(run(context =>
        {
            var parse = context.ParseResult;
            var chain = parse.GetValue(transforms)!.Select(ParseTransform).ToList();
            if (parse.GetValue(inverse))
            {
                chain = [.. chain.AsEnumerable().Reverse().Select(d => d with { Direction = d.Direction == TransformDirection.Forward ? TransformDirection.Inverse : TransformDirection.Forward })];
            }

            var given = parse.GetValue(values) ?? [];
            var input = given.Length > 0
                ? ReadTriples(given, fromStdin: false)
                : ReadTriples(Words(context.In), fromStdin: true);

            var compiler = context.Get<ColourProcessorCompiler>();
            var registry = context.Get<ColourTransformRegistry>();
            var processor = compiler.Compile(chain);
            var output = (float[])input.Clone();
            ColourApplier.ApplyInterleaved(processor, output, output.Length / 3, 1, 3, context.CancellationToken);

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["chain"] = new JsonArray([.. chain.Select(d =>
                    {
                        var t = registry.Resolve(d.TransformId);
                        return (JsonNode)new JsonObject
                        {
                            ["id"] = t.Info.Id,
                            ["requested"] = d.TransformId,
                            ["direction"] = d.Direction.ToString(),
                            ["parameters"] = new JsonObject([.. d.Parameters.Given.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                            ["plugin"] = t.Plugin.Id,
                        };
                    })]),
                    ["cacheId"] = processor.CacheId,
                    ["results"] = new JsonArray([.. Enumerable.Range(0, input.Length / 3).Select(i => (JsonNode)new JsonObject
                    {
                        ["in"] = Triple(input, i),
                        ["out"] = Triple(output, i),
                    })]),
                });
            }
            else
            {
                for (var i = 0; i < output.Length; i += 3)
                {
                    context.Out.WriteLine(string.Join(' ', output.AsSpan(i, 3).ToArray().Select(Format)));
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>Parses "ID" or "ID@name=value,name=value" into a description.</summary>
    internal static TransformDescription ParseTransform(string text)
    {
        var at = text.LastIndexOf('@');
        var id = (at < 0 ? text : text[..at]).Trim();
        if (id.Length == 0)
        {
            throw new CliException(ExitCodes.Usage, $"'{text}' names no transform.", field: "--transform", expected: "a transform id or alias, optionally followed by @name=value,...");
        }

        var description = new TransformDescription { TransformId = id };
        if (at < 0)
        {
            return description;
        }

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var pair in text[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException(ExitCodes.Usage, $"'{pair}' in '{text}' is not a parameter.", field: "--transform", expected: "name=value, such as ei=1600 or file=look.cdl");
            }

            var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
            switch (name.ToLowerInvariant())
            {
                case "file":
                    description = description with { FilePath = Path.GetFullPath(value) };
                    break;
                case "selector":
                    description = description with { Selector = value };
                    break;
                default:
                    parameters.Add(KeyValuePair.Create(name, value));
                    break;
            }
        }

        return description with { Parameters = new ParameterValues(parameters) };
    }

    private static float[] ReadTriples(IEnumerable<string> words, bool fromStdin)
    {
        var values = new List<float>();
        var index = 0;
        foreach (var word in words)
        {
            if (!float.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new CliException(fromStdin ? ExitCodes.Input : ExitCodes.Usage, $"'{word}' (value {index + 1}) is not a number.",
                    file: fromStdin ? "<stdin>" : null, field: "rgb", expected: "decimal numbers such as 0.18, -0.05 or 1e-3");
            }

            if (values.Count >= MaxTriples * 3)
            {
                throw new CliException(ExitCodes.Input, $"More than {MaxTriples} triples.", file: fromStdin ? "<stdin>" : null, field: "rgb", expected: $"at most {MaxTriples} triples per run");
            }

            values.Add(value);
            index++;
        }

        if (values.Count == 0 || values.Count % 3 != 0)
        {
            throw new CliException(fromStdin ? ExitCodes.Input : ExitCodes.Usage,
                values.Count == 0 ? "No RGB values were given, on the command line or on stdin." : $"{values.Count} values are not whole RGB triples.",
                file: fromStdin ? "<stdin>" : null, field: "rgb", expected: "R G B triples: a multiple of 3 numbers");
        }

        return [.. values];
    }

    private static IEnumerable<string> Words(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            foreach (var word in line.Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
            }
        }
    }

    private static JsonArray Triple(float[] values, int i)
        => new(JsonValue.Create((double)values[i * 3]), JsonValue.Create((double)values[(i * 3) + 1]), JsonValue.Create((double)values[(i * 3) + 2]));

    private static string Format(float value) => value.ToString("G9", CultureInfo.InvariantCulture);

    private static JsonObject Describe(RegisteredTransform t) => new()
    {
        ["id"] = t.Info.Id,
        ["aliases"] = new JsonArray([.. t.Info.Aliases.Select(a => (JsonNode)a)]),
        ["category"] = t.Info.Category.ToString(),
        ["invertible"] = t.Info.Invertible,
        ["requiresFile"] = t.Info.RequiresFile,
        ["parameters"] = new JsonArray([.. t.Info.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["type"] = p.Type.ToString(),
            ["default"] = p.Default,
            ["minimum"] = p.Minimum,
            ["maximum"] = p.Maximum,
        })]),
        ["description"] = t.Info.Description,
        ["plugin"] = t.Plugin.Id,
    };

    private static void WriteList(TextWriter output, ColourTransformRegistry registry)
    {
        var transforms = registry.Transforms;
        if (transforms.Count == 0)
        {
            output.WriteLine("No colour transforms: no loaded plugin provides any (see 'rushes plugins').");
            return;
        }

        foreach (var group in transforms.GroupBy(t => t.Info.Category).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key}:");
            foreach (var t in group)
            {
                var flags = string.Join(", ", new[] { t.Info.Invertible ? "invertible" : "forward only", t.Info.RequiresFile ? "reads a file" : null }
                    .Concat(t.Info.Parameters.Select(p => $"{p.Name}={p.Default ?? "?"}"))
                    .OfType<string>());
                output.WriteLine($"  {t.Info.Id}  [{t.Plugin.Id}; {flags}]");
                foreach (var alias in t.Info.Aliases)
                {
                    output.WriteLine($"      = {alias}");
                }
            }
        }

        foreach (var conflict in registry.Conflicts)
        {
            output.WriteLine($"warning: '{conflict.Name}' of {conflict.Ignored.Plugin.Id} is ignored: {conflict.Kept.Plugin.Id} has it");
        }
    }
}
