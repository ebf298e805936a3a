using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Rushes.Contracts.Plugins;
using Rushes.Host;
using Rushes.Host.Plugins;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes plugins</c>: every plugin found, with its status and the reason for it.</summary>
public static class PluginsCommand
{
    /// <summary>Builds the command and its <c>allow-list</c> subcommand.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var strict = new Option<bool>("--strict") { Description = "Exit with code 4 when any plugin is not Loaded." };
        var command = new Command("plugins", "List plugins: id, kinds, version, contracts version, status, reason, capabilities, folder.") { json, strict };
        command.SetAction(run(context =>
        {
            var manager = context.Get<PluginManager>();
            var plugins = manager.Plugins;
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["host"] = new JsonObject { ["version"] = HostInfo.Version.ToString(), ["contractsVersion"] = HostInfo.ContractsVersion.ToString() },
                    ["searchPaths"] = new JsonArray([.. manager.SearchPaths.Select(p => (JsonNode)p)]),
                    ["plugins"] = new JsonArray([.. plugins.Select(ToJson)]),
                });
            }
            else
            {
                WriteTable(context.Out, manager);
            }

            return Task.FromResult(context.ParseResult.GetValue(strict) && plugins.Any(p => !p.IsLoaded) ? ExitCodes.Environment : ExitCodes.Ok);
        }));

        var output = new Option<string?>("--output", "-o") { Description = "Write the allow-list to this file (atomically) instead of stdout." };
        var allowList = new Command("allow-list", "Print an allow-list that pins every plugin loaded now, by the SHA-256 of its manifest.") { output };
        allowList.SetAction(run(context =>
        {
            var pins = context.Get<PluginManager>().Plugins.Where(p => p.IsLoaded).Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id,
                ["version"] = p.Manifest!.Version,
                ["manifestSha256"] = p.ManifestSha256,
            });
            var document = new JsonObject { ["plugins"] = new JsonArray([.. pins]) };
            if (context.ParseResult.GetValue(output) is { } path)
            {
                using var text = new StringWriter();
                JsonOutput.Write(text, document);
                var target = new Rushes.Contracts.Deliverables.DirectoryOutputTarget(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using var file = target.Create(Path.GetFileName(path));
                file.Stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
                file.Commit();
            }
            else
            {
                JsonOutput.Write(context.Out, document);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        command.Subcommands.Add(allowList);
        return command;
    }

    private static JsonNode ToJson(PluginRecord plugin) => new JsonObject
    {
        ["id"] = plugin.Id,
        ["kinds"] = new JsonArray([.. plugin.Kinds.Select(k => (JsonNode)PluginKindNames.ToName(k))]),
        ["version"] = plugin.Manifest?.Version,
        ["contractsVersion"] = plugin.Manifest?.ContractsVersion,
        ["status"] = plugin.Status.ToString(),
        ["reason"] = plugin.Reason,
        ["publisher"] = plugin.Manifest?.Publisher,
        ["folder"] = plugin.Directory,
        ["manifestSha256"] = plugin.ManifestSha256,
        ["components"] = new JsonArray([.. plugin.Components.Select(c => (JsonNode)new JsonObject
        {
            ["kind"] = PluginKindNames.ToName(c.Kind),
            ["id"] = c.Id,
            ["name"] = c.DisplayName,
            ["capabilities"] = CapabilitiesJson(c.Capabilities),
        })]),
        ["capabilities"] = CapabilitiesJson(Merge(plugin.Components.Select(c => c.Capabilities))),
    };

    private static Capabilities Merge(IEnumerable<Capabilities> all)
    {
        var builder = Capabilities.Create();
        foreach (var (feature, values) in all.SelectMany(c => c.Features))
        {
            builder.Add(feature, [.. values]);
        }

        return builder.Build();
    }

    private static JsonObject CapabilitiesJson(Capabilities capabilities)
    {
        var node = new JsonObject();
        foreach (var (feature, values) in capabilities.Features)
        {
            node[feature] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }

        return node;
    }

    private static void WriteTable(TextWriter output, PluginManager manager)
    {
        var plugins = manager.Plugins;
        if (plugins.Count == 0)
        {
            output.WriteLine($"No plugins found in: {string.Join(", ", manager.SearchPaths)}");
            return;
        }

        var rows = plugins.Select(p => new[]
        {
            p.Id,
            string.Join(",", p.Kinds.Select(PluginKindNames.ToName)),
            p.Manifest?.Version ?? "-",
            p.Manifest?.ContractsVersion ?? "-",
            p.Status.ToString(),
        }).ToList();
        string[] headers = ["ID", "KINDS", "VERSION", "CONTRACTS", "STATUS"];
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var (row, plugin) in rows.Zip(plugins))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            if (!plugin.IsLoaded)
            {
                output.WriteLine($"    reason: {plugin.Reason}");
            }

            foreach (var component in plugin.Components)
            {
                output.WriteLine($"    {PluginKindNames.ToName(component.Kind)} '{component.Id}': {component.DisplayName}");
            }
        }
    }
}
