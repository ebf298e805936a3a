using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rushes.Host.Clips;
using Rushes.Host.Colour;
using Rushes.Host.Plugins;
using Rushes.Host.Render;
using Rushes.Host.Render.Units;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes render</c>: one work unit, from the command line or a job file (docs/RENDER.md).</summary>
public static class RenderCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var job = new Option<string?>("--job") { Description = "A render job JSON file (docs/RENDER.md) instead of the options below." };
        var units = new Option<string?>("--units") { Description = "A units file from 'rushes plan': render one of its units (see --unit-index)." };
        var unitIndex = new Option<int?>("--unit-index") { Description = $"The unit of --units to render, from 0; without it, the first of {string.Join(", ", FarmIndex.Variables)} that is set." };
        var clip = new Option<string?>("--clip") { Description = "The clip: a file, or a file or folder of a frame sequence." };
        var frames = new Option<string?>("--frames") { Description = "Source frames A-B (default: all)." };
        var handles = new Option<int>("--handles") { Description = "Frames added at each end of --frames." };
        var amf = new Option<string?>("--amf") { Description = "An ACES Metadata File (default: the camera's input transform, as Netflix's default)." };
        var fdl = new Option<string?>("--fdl") { Description = "The clip's ASC FDL." };
        var template = new Option<string?>("--template") { Description = "A canvas template id of --fdl, for deliverables whose spec gives no framing." };
        var spec = new Option<string?>("--spec") { Description = "A spec name (vfx-plates) or a spec file." };
        var variables = new Option<string[]>("--var") { Description = "A spec variable, NAME=VALUE; repeatable.", AllowMultipleArgumentsPerToken = false };
        var decode = new Option<string[]>("--decode") { Description = "A decode parameter of the clip's camera format, NAME=VALUE; repeatable.", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "The output folder." };
        var progress = new Option<string>("--progress") { Description = "Progress on stderr: 'bar' (default), 'json' (one JSON object a line) or 'none'.", DefaultValueFactory = _ => "bar" };
        progress.AcceptOnlyFromAmong("bar", "json", "none");
        var command = new Command("render", "Render a clip (or a frame range of it) to every deliverable of a spec: decode, frame, colour and write in one pass, as a unit that is safe to kill and rerun.")
        {
            job, units, unitIndex, clip, frames, handles, amf, fdl, template, spec, variables, decode, output, progress, json,
        };
        command.SetAction(run(async context =>
        {
            var p = context.ParseResult;
            RenderJob renderJob;
            var fromFile = p.GetValue(job) is not null || p.GetValue(units) is not null;
            if (fromFile && (p.GetValue(clip) is not null || p.GetValue(spec) is not null || p.GetValue(output) is not null))
            {
                throw new CliException(ExitCodes.Usage, "--job and --units take every parameter from their file; leave out --clip, --spec and --out.", field: p.GetValue(job) is null ? "--units" : "--job", expected: "--job FILE or --units FILE alone, or --clip, --spec and --out");
            }

            if (p.GetValue(job) is not null && p.GetValue(units) is not null)
            {
                throw new CliException(ExitCodes.Usage, "Give --job or --units, not both.", field: "--units", expected: "one of --job and --units");
            }

            if (p.GetValue(units) is { } unitsFile)
            {
                var index = p.GetValue(unitIndex) ?? FarmIndex.FromEnvironment()
                    ?? throw new CliException(ExitCodes.Usage, "--units needs --unit-index, or a farm's array index in the environment.", field: "--unit-index", expected: $"--unit-index N, or one of {string.Join(", ", FarmIndex.Variables)}");
                renderJob = UnitSetFile.Select(UnitSetFile.Read(unitsFile), index, unitsFile).Job;
            }
            else if (p.GetValue(job) is { } jobFile)
            {
                renderJob = RenderJobFile.Read(jobFile);
            }
            else
            {
                renderJob = new RenderJob
                {
                    Clip = p.GetValue(clip) ?? throw Missing("--clip"),
                    Frames = p.GetValue(frames),
                    Handles = p.GetValue(handles),
                    Amf = p.GetValue(amf),
                    Fdl = p.GetValue(fdl),
                    Template = p.GetValue(template),
                    Spec = p.GetValue(spec) ?? throw Missing("--spec"),
                    Variables = Pairs(p.GetValue(variables) ?? [], "--var"),
                    Output = p.GetValue(output) ?? throw Missing("--out"),
                    Decode = Pairs(p.GetValue(decode) ?? [], "--decode"),
                };
            }

            var services = Services(context);
            var reporter = new ProgressReporter(context.Error, p.GetValue(progress)!);
            var result = await new RenderRunner(services).RunAsync(renderJob, reporter, context.CancellationToken);
            reporter.Finish();
            if (p.GetValue(json))
            {
                JsonOutput.Write(context.Out, JsonSerializer.SerializeToNode(result)!);
            }
            else
            {
                Print(context.Out, result);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What a render needs from the host, for every command that renders or plans.</summary>
    internal static RenderServices Services(CommandContext context, string logger = "rushes.render") => new(
        context.Get<PluginManager>(),
        context.Get<PluginGuard>(),
        context.Get<ClipDiscovery>(),
        context.Get<ColourTransformRegistry>(),
        context.Get<ColourProcessorCompiler>(),
        SpecCommand.Library(context),
        context.Get<ILoggerFactory>().CreateLogger(logger));

    private static CliException Missing(string option)
        => new(ExitCodes.Usage, $"{option} is required without --job.", field: option, expected: "--job FILE, or --clip PATH --spec NAME --out DIR");

    /// <summary>Parses repeated <c>NAME=VALUE</c> options (<c>--var</c>, <c>--decode</c>).</summary>
    internal static Dictionary<string, string> Pairs(IEnumerable<string> assignments, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException(ExitCodes.Usage, $"{option} '{assignment}': expected NAME=VALUE.", field: option, expected: "NAME=VALUE");
            }

            pairs[assignment[..equals]] = assignment[(equals + 1)..];
        }

        return pairs;
    }

    private static void Print(TextWriter output, RenderResult result)
    {
        output.WriteLine($"unit {result.UnitId}{(result.Reused ? " (already complete)" : string.Empty)}: {result.Clip} frames {result.Frames}, spec {result.Spec}");
        foreach (var deliverable in result.Deliverables)
        {
            var media = deliverable.Files.Count(f => f.Kind == "media");
            output.WriteLine($"  {deliverable.Name} ({deliverable.Type}, {deliverable.Width}x{deliverable.Height}, {deliverable.ColourEncoding}): {media} media files, {deliverable.Files.Count - media} sidecars in {deliverable.Folder}");
            foreach (var failure in deliverable.Failures)
            {
                output.WriteLine($"    frame {failure.SourceFrame}: {failure.Action}: {failure.Message}");
            }
        }
    }

    /// <summary>Reports synchronously, in order, to stderr: a line redrawn in place, or JSON lines.</summary>
    private sealed class ProgressReporter(TextWriter error, string mode) : IProgress<RenderProgress>
    {
        private readonly Lock _gate = new();
        private bool _open;

        public void Report(RenderProgress value)
        {
            lock (_gate)
            {
                if (mode == "json")
                {
                    error.WriteLine(new JsonObject
                    {
                        ["stage"] = value.Stage,
                        ["done"] = value.FramesDone,
                        ["total"] = value.FramesTotal,
                        ["frame"] = value.SourceFrame,
                        ["message"] = value.Message,
                    }.ToJsonString());
                    error.Flush();
                }
                else if (mode == "bar" && value.Stage == "render" && value.FramesTotal > 0)
                {
                    const int Width = 30;
                    var filled = (int)(Width * value.FramesDone / value.FramesTotal);
                    error.Write($"\rrender [{new string('#', filled)}{new string('.', Width - filled)}] {value.FramesDone}/{value.FramesTotal} frames");
                    error.Flush();
                    _open = true;
                }
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                if (_open)
                {
                    error.WriteLine();
                    _open = false;
                }
            }
        }
    }
}
