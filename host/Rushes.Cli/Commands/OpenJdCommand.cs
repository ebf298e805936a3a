using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;
using Rushes.Host.Farm;
using Rushes.Host.Farm.OpenJd;
using Rushes.Host.Render.Units;

namespace Rushes.Cli.Commands;

/// <summary>
/// <c>rushes openjd</c>: an Open Job Description (2023-09) job template for the units of a planned job,
/// so that a farm that runs OpenJD (Deadline Cloud, the openjd CLI) runs one task per unit (docs/FARM.md).
/// </summary>
public static class OpenJdCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var units = new Argument<string>("UNITS") { Description = "A units file written by rushes plan." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the template to this file (atomically) instead of stdout; JSON when it ends in .json, else YAML." };
        var format = new Option<string?>("--format") { Description = "'yaml' or 'json' (default: from the --output extension, else yaml)." };
        format.AcceptOnlyFromAmong("yaml", "json");
        var unitsPath = new Option<string?>("--units-path") { Description = "The units file as the workers see it: the UnitsFile parameter's default (default: UNITS made absolute)." };
        var executable = new Option<string>("--executable") { Description = "The rushes command on the workers: the RushesExecutable parameter's default.", DefaultValueFactory = _ => "rushes" };
        var name = new Option<string?>("--name") { Description = "The job's name (default: 'rushes' and the job id)." };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds a task may run before the farm cancels it (default: no limit)." };
        var notify = new Option<int>("--notify-period") { Description = "Seconds between SIGTERM and SIGKILL when the farm cancels a task.", DefaultValueFactory = _ => 60 };
        var command = new Command("openjd", "Write an Open Job Description 2023-09 job template for a planned job: one step, one task per work unit, each running rushes render --units UNITS --unit-index N.")
        {
            units, output, format, unitsPath, executable, name, timeout, notify,
        };
        command.SetAction(run(context =>
        {
            var p = context.ParseResult;
            var file = p.GetValue(units)!;
            // Read as rushes render --units reads it, so a template is only made for a file its tasks accept.
            var set = UnitSetFile.Read(file);
            if (set.Units.Count == 0)
            {
                throw new InputException("The units file has no units.", file, "units", "at least one work unit");
            }

            var summary = new UnitSetSummary
            {
                JobId = set.JobId,
                UnitCount = set.Units.Count,
                Clips = [.. set.Units.Select(u => u.Job.Clip).Distinct(StringComparer.Ordinal)],
                Specs = [.. set.Units.Select(u => u.Job.Spec).Distinct(StringComparer.Ordinal)],
            };
            var template = OpenJdTemplate.Create(summary, new OpenJdTemplateOptions
            {
                UnitsFile = p.GetValue(unitsPath) ?? Path.GetFullPath(file),
                Executable = p.GetValue(executable)!,
                Name = p.GetValue(name),
                TimeoutSeconds = p.GetValue(timeout),
                NotifyPeriodSeconds = p.GetValue(notify),
            });

            var path = p.GetValue(output);
            var json = (p.GetValue(format) ?? (path is not null && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml")) == "json";
            var text = json
                ? template.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n"
                : YamlText.Write(template);
            if (path is null)
            {
                context.Out.Write(text);
                return Task.FromResult(ExitCodes.Ok);
            }

            var target = new DirectoryOutputTarget(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var written = target.Create(Path.GetFileName(path)))
            {
                written.Stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                written.Commit();
            }

            context.Error.WriteLine($"openjd: {summary.UnitCount} task{(summary.UnitCount == 1 ? string.Empty : "s")} (UnitIndex {OpenJdTemplate.IndexRange(summary.UnitCount)}) of job {summary.JobId} written to {path}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
