using System.CommandLine;
using System.Text.Json;
using Rushes.Host.Render;
using Rushes.Host.Render.Units;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes plan</c>: split a render job into work units for a queue or a farm (docs/RENDER.md, "Work units").</summary>
public static class PlanCommand
{
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var job = new Option<string>("--job") { Description = "The render job JSON file to split.", Required = true };
        var chunk = new Option<int>("--chunk") { Description = "The most frames of an image sequence a unit renders.", DefaultValueFactory = _ => 24 };
        var output = new Option<string>("--output", "-o") { Description = "The units file to write.", Required = true };
        var command = new Command("plan", "Split a render job into work units of at most --chunk frames, each with its content-derived id.")
        {
            job, chunk, output, json,
        };
        command.SetAction(run(context =>
        {
            var p = context.ParseResult;
            var set = new UnitPlanner(RenderCommand.Services(context)).Plan(RenderJobFile.Read(p.GetValue(job)!), p.GetValue(chunk), context.CancellationToken);
            var path = Path.GetFullPath(p.GetValue(output)!);
            try
            {
                UnitSetFile.Write(set, path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.Environment, $"The units file cannot be written: {ex.Message}", path, "--output", "a writable file path");
            }

            if (p.GetValue(json))
            {
                JsonOutput.Write(context.Out, JsonSerializer.SerializeToNode(new { jobId = set.JobId, units = set.Units.Count, file = path })!);
            }
            else
            {
                context.Out.WriteLine($"job {set.JobId}: {set.Units.Count} units of at most {set.Chunk} frames in {path}");
                foreach (var unit in set.Units)
                {
                    context.Out.WriteLine($"  {unit.Index,4}  {unit.Id}  frames {unit.Frames}  {(unit.Job.Deliverables is null ? "all deliverables" : string.Join(", ", unit.Job.Deliverables))}");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
