using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Render.Planning;

namespace Rushes.Host.Render.Units;

/// <summary>
/// Splits a render job into work units of at most a chunk of frames. Image sequences split cleanly:
/// each unit writes its own frames, numbered from the pull's origin. A movie or a still is one file
/// made in one pass, so those deliverables go to a single unit over the whole pull.
/// </summary>
public sealed class UnitPlanner(RenderServices services)
{
    /// <summary>A sanity bound: more units than this is a typo in the chunk size, not a plan.</summary>
    public const int MaxUnits = 100_000;

    public UnitSet Plan(RenderJob job, int chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (chunk < 1)
        {
            throw new InputException($"The chunk size must be at least 1 frame; got {chunk}.", field: "chunk", expected: "a positive number of frames");
        }

        var planner = new RenderPlanner(services);
        FrameRange pull;
        long origin;
        List<string> sequences, whole;
        string jobUnit;
        using (var plan = planner.Plan(job, cancellationToken))
        {
            pull = plan.Frames;
            origin = plan.Deliverables.Count > 0 ? plan.Deliverables[0].SourceOrigin : job.FrameOrigin ?? pull.First;
            sequences = [.. plan.Deliverables.Where(d => d.PerFrame).Select(d => d.Name)];
            whole = [.. plan.Deliverables.Where(d => !d.PerFrame).Select(d => d.Name)];
            jobUnit = plan.Unit.Id;
        }

        var parts = new List<(FrameRange Frames, IReadOnlyList<string>? Deliverables)>();
        if (pull.Count <= chunk || sequences.Count == 0)
        {
            parts.Add((pull, job.Deliverables));
        }
        else
        {
            var count = (pull.Count + chunk - 1) / chunk;
            if (count + (whole.Count > 0 ? 1 : 0) > MaxUnits)
            {
                throw new InputException($"{pull.Count} frames in chunks of {chunk} make {count} units, over the limit of {MaxUnits}.", field: "chunk", expected: $"a chunk of at least {(pull.Count + MaxUnits - 1) / MaxUnits} frames");
            }

            for (var first = pull.First; first <= pull.Last; first += chunk)
            {
                parts.Add((new FrameRange(first, Math.Min(pull.Last, first + chunk - 1)), sequences));
            }

            if (whole.Count > 0)
            {
                parts.Add((pull, whole));
            }
        }

        var units = new List<WorkUnit>(parts.Count);
        foreach (var (frames, deliverables) in parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unitJob = job with { Frames = frames.ToString(), Handles = 0, FrameOrigin = origin, Deliverables = deliverables, Sequence = parts.Count > 1 ? pull.ToString() : null };
            using var plan = planner.Plan(unitJob, cancellationToken);
            units.Add(new WorkUnit { Index = units.Count, Id = plan.Unit.Id, Frames = frames.ToString(), Job = unitJob });
        }

        return new UnitSet
        {
            JobId = UnitIdentity.Text($"{jobUnit}|{chunk}")[..32],
            Chunk = chunk,
            Job = job,
            Units = units,
        };
    }
}
