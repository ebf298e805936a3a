using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;
using Rushes.Host.Render.Colour;
using Rushes.Host.Render.Execution;
using Rushes.Host.Render.Planning;
using Rushes.Host.Render.Provenance;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Render;

/// <summary>
/// Runs a render job as a work unit: plan and check everything, then (unless an earlier run completed
/// the unit) decode, frame, colour and write every deliverable in one pass into the unit's staging,
/// rename the files into place, and write each deliverable folder's provenance and ASC MHL generation.
/// </summary>
public sealed class RenderRunner(RenderServices services)
{
    /// <summary>How many frames are decoded and processed at once (docs/RENDER.md states the memory bound).</summary>
    public static int Window { get; } = Math.Clamp(Environment.ProcessorCount / 2, 2, 4);

    public async Task<RenderResult> RunAsync(RenderJob job, IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        progress?.Report(new RenderProgress("plan", 0, 0));
        using var plan = new RenderPlanner(services).Plan(job, cancellationToken);
        using var store = UnitStore.Open(job.Output, plan.Unit.Id);
        services.Logger.LogInformation("Unit {Unit}: {Clip} frames {Frames}, spec {Spec}, {Count} deliverables", plan.Unit.Id, plan.Clip.Location.Name, plan.Frames, plan.Spec.Name, plan.Deliverables.Count);
        if (store.ReadCompleted() is { } completed)
        {
            // Opening the store made the unit's staging folder again; a completed unit leaves none.
            store.ClearStaging();
            progress?.Report(new RenderProgress("done", 0, 0, Message: "already complete"));
            return completed with { Reused = true };
        }

        var results = new Dictionary<DeliverablePlan, DeliverableResult>();
        var pending = new List<DeliverablePlan>();
        foreach (var deliverable in plan.Deliverables)
        {
            if (store.ReadDone(deliverable.Name) is { } done)
            {
                results[deliverable] = done;
            }
            else
            {
                pending.Add(deliverable);
            }
        }

        if (pending.Count > 0)
        {
            try
            {
                var colours = ProbeColour(plan, pending, cancellationToken);
                var loop = new FrameLoop(services, plan, store, pending, colours, progress);
                foreach (var result in await loop.RunAsync(cancellationToken))
                {
                    results[pending.Single(d => d.Name == result.Name)] = result;
                }
            }
            catch (Exception ex) when (ex is InputException or PluginFaultException)
            {
                // A rerun would fail the same way: leave nothing of this unit behind.
                store.ClearStaging();
                throw;
            }
        }

        progress?.Report(new RenderProgress("publish", 0, 0));
        foreach (var deliverable in plan.Deliverables)
        {
            store.Publish(results[deliverable]);
        }

        var delivered = Seal(plan, store, results, started, clock, cancellationToken);
        var final = new RenderResult
        {
            UnitId = plan.Unit.Id,
            Output = store.Output,
            Clip = plan.Clip.Location.Path,
            Frames = plan.Frames.ToString(),
            Spec = plan.Spec.Name,
            Deliverables = delivered,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
        };
        store.WriteCompleted(final);
        store.ClearStaging();
        progress?.Report(new RenderProgress("done", plan.Frames.Count, plan.Frames.Count));
        return final;
    }

    /// <summary>Decodes the first frame once to learn what the decoder gives, so each deliverable's colour compiles before its writer starts.</summary>
    private Dictionary<DeliverablePlan, ColourPlan> ProbeColour(RenderPlan plan, IReadOnlyList<DeliverablePlan> pending, CancellationToken cancellationToken)
    {
        var format = plan.Clip.Format;
        using var first = services.Guard.Invoke(format.Plugin, $"{format.Format.Id}.Decode", () => plan.Reader.Decode(plan.Frames.First, plan.Decode, cancellationToken));
        return pending.ToDictionary(d => d, d => plan.Colour.For(d.Spec, first.ColourEncoding, first.AppliedInputTransformId));
    }

    /// <summary>Provenance in each deliverable's folder, then one ASC MHL generation per folder that asks for it.</summary>
    private List<DeliverableResult> Seal(RenderPlan plan, UnitStore store, Dictionary<DeliverablePlan, DeliverableResult> results, DateTimeOffset started, Stopwatch clock, CancellationToken cancellationToken)
    {
        var inputs = ProvenanceRecord.Inputs(plan);
        var timings = ProvenanceRecord.Timings(started, clock.Elapsed, plan.Frames.Count);
        var delivered = new List<DeliverableResult>();
        foreach (var deliverable in plan.Deliverables)
        {
            var result = results[deliverable];
            if (deliverable.Spec.Sidecars.Contains("provenance"))
            {
                var name = $"{SidecarBuilder.Stem(deliverable.FileName)}.{deliverable.Name}.{plan.Unit.Id[..12]}.provenance.json";
                var (path, size) = ProvenanceRecord.Write(store.Output, name, ProvenanceRecord.For(plan, inputs, deliverable, result, timings));
                result = result with { Files = [.. result.Files, new RenderedFile { Path = path, Kind = "provenance", Size = size, Xxh128 = UnitStore.HashOf(Path.Combine(store.Output, path)) }] };
            }

            delivered.Add(result);
        }

        var sealedFolders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < delivered.Count; i++)
        {
            var folder = delivered[i].Folder;
            var wanted = plan.Deliverables.Where((d, j) => delivered[j].Folder == folder).Any(d => d.Spec.Sidecars.Contains("mhl"));
            if (!wanted || !sealedFolders.Add(folder))
            {
                continue;
            }

            var manifests = MhlSeal.Seal(store.Output, folder, services.Logger, cancellationToken);
            delivered[i] = delivered[i] with
            {
                Files = [.. delivered[i].Files, .. manifests.Select(m => new RenderedFile { Path = m, Kind = "mhl", Size = new FileInfo(Path.Combine(store.Output, m)).Length, Xxh128 = UnitStore.HashOf(Path.Combine(store.Output, m)) })],
            };
        }

        return delivered;
    }
}
