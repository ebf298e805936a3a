using System.CommandLine;
using System.Text.Json.Nodes;
using Rushes.Cli.Commands;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Cli;

/// <summary>
/// The rushes command line. Every command follows the same conventions: results on stdout (one JSON
/// document with --json), logs and progress on stderr, the exit codes in <see cref="ExitCodes"/>, and
/// errors that name the file, the field and what was expected, with a stack trace only under --verbose.
/// </summary>
public static class CliApp
{
    /// <summary>Runs a command line to its exit code; <paramref name="stdin"/> defaults to the console's.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, TextReader? stdin = null)
    {
        var root = BuildCommands(stdout, stderr, cancellationToken, stdin);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"rushes: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'rushes --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.CommandResult.Command.Name == WorkerCommand.Name)
        {
            // A worker handles its own signals: it finishes or releases its units before it exits.
            invocation.ProcessTerminationTimeout = null;
        }

        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The command tree.</summary>
    public static RootCommand BuildCommands(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, TextReader? stdin = null)
    {
        var root = new RootCommand("Rushes: verify, inspect, decode, frame, colour and deliver studio camera files.");
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Plugins);
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Set);

        Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run =
            body => async (parse, token) =>
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
                return await RunGuardedAsync(parse, stdout, stderr, stdin ?? Console.In, body, linked.Token);
            };

        root.Subcommands.Add(VersionCommand.Create(run));
        root.Subcommands.Add(PluginsCommand.Create(run));
        root.Subcommands.Add(InspectCommand.Create(run));
        root.Subcommands.Add(IngestCommand.Create(run));
        root.Subcommands.Add(SearchCommand.Create(run));
        root.Subcommands.Add(FormatsCommand.Create(run));
        root.Subcommands.Add(MatchCommand.Create(run));
        root.Subcommands.Add(FdlCommand.Create(run));
        root.Subcommands.Add(AmfCommand.Create(run));
        root.Subcommands.Add(MhlCommand.Create(run));
        root.Subcommands.Add(ColorCommand.Create(run));
        root.Subcommands.Add(SpecCommand.Create(run));
        root.Subcommands.Add(DemoCommand.Create(run));
        root.Subcommands.Add(RenderCommand.Create(run));
        root.Subcommands.Add(PlanCommand.Create(run));
        root.Subcommands.Add(SubmitCommand.Create(run));
        root.Subcommands.Add(WorkerCommand.Create(run));
        root.Subcommands.Add(StatusCommand.Create(run));
        root.Subcommands.Add(OpenJdCommand.Create(run));
        return root;
    }

    private static async Task<int> RunGuardedAsync(ParseResult parse, TextWriter stdout, TextWriter stderr, TextReader stdin, Func<CommandContext, Task<int>> body, CancellationToken token)
    {
        var context = new CommandContext(parse, stdout, stderr, () => HostFactory.Build(parse), token) { In = stdin };
        try
        {
            return await body(context);
        }
        catch (Exception ex)
        {
            return Report(ex, parse, stdout, stderr);
        }
        finally
        {
            context.DisposeHost();
        }
    }

    /// <summary>Turns an exception into its message, its exit code and, with --json, a JSON error document.</summary>
    internal static int Report(Exception ex, ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var (code, kind, message, file, field, expected) = ex switch
        {
            CliException c => (c.ExitCode, Kind(c.ExitCode), c.Message, c.File, c.Field, c.Expected),
            InputException i => (ExitCodes.Input, "input", i.Message, i.File, i.Field, i.Expected),
            PluginManifestException m => (ExitCodes.Environment, "environment", m.Message, m.File, m.Field, m.Expected),
            PluginFaultException p => (ExitCodes.PluginFault, "plugin-fault", p.Message, null, null, null),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled", "Cancelled.", null, null, null),
            Rushes.Host.Catalog.Ingest.IngestRefusedException r => (RefusalExitCode(r.Refusal), RefusalKind(r.Refusal), r.Message, r.Card, "ascmhl", "a card whose every file verifies against its ASC MHL history (or --no-mhl)"),
            Rushes.Host.Catalog.CatalogException c => (ExitCodes.Environment, "environment", c.Message, c.Catalog, "--catalog", c.Expected),
            Rushes.Host.Render.Units.RenderOutputException r => (ExitCodes.Environment, "environment", r.Message, r.Path, "--out", "a folder this process can write, not held by another render of the same unit"),
            UnauthorizedAccessException or IOException => (ExitCodes.Environment, "environment", ex.Message, null, null, null),
            _ => (ExitCodes.Internal, "internal", $"internal error: {ex.GetType().Name}: {ex.Message} (run with --verbose for details, and please report it)", null, null, null),
        };

        var diagnostic = Diagnostic.Error(message, file, field, expected);
        stderr.WriteLine($"rushes: error: {diagnostic}");
        if (parse.GetValue(GlobalOptions.Verbose))
        {
            stderr.WriteLine(ex.ToString());
        }

        if (WantsJson(parse))
        {
            JsonOutput.Write(stdout, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["kind"] = kind,
                    ["exitCode"] = code,
                    ["message"] = message,
                    ["file"] = file,
                    ["field"] = field,
                    ["expected"] = expected,
                },
            });
        }

        return code;
    }

    private static int RefusalExitCode(Rushes.Host.Catalog.Ingest.IngestRefusal refusal) => refusal switch
    {
        Rushes.Host.Catalog.Ingest.IngestRefusal.NoHistory => MhlExitCodes.NoHistory,
        Rushes.Host.Catalog.Ingest.IngestRefusal.CorruptHistory => MhlExitCodes.CorruptHistory,
        Rushes.Host.Catalog.Ingest.IngestRefusal.Missing => MhlExitCodes.Missing,
        Rushes.Host.Catalog.Ingest.IngestRefusal.Unknown => MhlExitCodes.Unknown,
        _ => MhlExitCodes.Failed,
    };

    private static string RefusalKind(Rushes.Host.Catalog.Ingest.IngestRefusal refusal) => refusal switch
    {
        Rushes.Host.Catalog.Ingest.IngestRefusal.NoHistory => "no-history",
        Rushes.Host.Catalog.Ingest.IngestRefusal.CorruptHistory => "corrupt-history",
        Rushes.Host.Catalog.Ingest.IngestRefusal.Missing => "mhl-missing",
        Rushes.Host.Catalog.Ingest.IngestRefusal.Unknown => "mhl-unknown",
        _ => "mhl-failed",
    };

    private static string Kind(int exitCode) => exitCode switch
    {
        ExitCodes.Usage => "usage",
        ExitCodes.Input => "input",
        MhlExitCodes.CorruptHistory => "corrupt-history",
        MhlExitCodes.NoHistory => "no-history",
        _ => "environment",
    };

    private static bool WantsJson(ParseResult parse)
        => parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--json") is Option<bool> json && parse.GetValue(json);
}
