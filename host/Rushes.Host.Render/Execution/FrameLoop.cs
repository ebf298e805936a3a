using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Host.Colour;
using Rushes.Host.Plugins;
using Rushes.Host.Render.Colour;
using Rushes.Host.Render.Planning;
using Rushes.Host.Render.Units;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Render.Execution;

/// <summary>
/// The one pass over the frames: up to <see cref="RenderRunner.Window"/> frames are decoded, framed and
/// coloured at once (each of those steps also splits its frame across cores), and the writers take
/// them strictly in frame order. A frame's pixels are returned to the pool as soon as every writer has
/// it, so memory stays flat whatever the clip's length. Per-frame deliverables whose file a killed run
/// already staged skip that frame; a frame no deliverable needs is not decoded.
/// </summary>
internal sealed class FrameLoop(RenderServices services, RenderPlan plan, UnitStore store, IReadOnlyList<DeliverablePlan> pending,
    IReadOnlyDictionary<DeliverablePlan, ColourPlan> colours, IProgress<RenderProgress>? progress)
{
    private readonly Dictionary<DeliverablePlan, HashSet<long>> _staged = [];
    private readonly Dictionary<DeliverablePlan, List<FrameFailure>> _failures = [];

    public async Task<IReadOnlyList<DeliverableResult>> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var deliverable in pending)
        {
            _failures[deliverable] = [];
            _staged[deliverable] = deliverable.PerFrame
                ? [.. plan.Frames.Frames().Where(f => store.IsStaged(deliverable.FileNameFor(f)))]
                : [];
        }

        var frames = plan.Frames.Frames().Where(f => pending.Any(d => Needs(d, f))).ToList();
        var writers = new Dictionary<DeliverablePlan, IDeliverableWriter>();
        try
        {
            foreach (var deliverable in pending)
            {
                writers[deliverable] = services.Guard.Invoke(deliverable.Plugin, $"{deliverable.Type.Id}.CreateWriter", () => deliverable.Type.CreateWriter(Request(deliverable)));
            }

            await WriteFramesAsync(frames, writers, cancellationToken);
            var results = new List<DeliverableResult>();
            foreach (var deliverable in pending)
            {
                var writer = writers[deliverable];
                var written = services.Guard.Invoke(deliverable.Plugin, $"{deliverable.Type.Id}.Complete", () => writer.Complete(cancellationToken));
                var result = Result(deliverable, written);
                store.WriteDone(result);
                results.Add(result);
            }

            return results;
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                writer.Dispose();
            }
        }
    }

    private bool Needs(DeliverablePlan deliverable, long frame) =>
        !_staged[deliverable].Contains(frame) && (!deliverable.Still || deliverable.OutputFrame(frame) == deliverable.OutputFrames.First);

    private async Task WriteFramesAsync(List<long> frames, Dictionary<DeliverablePlan, IDeliverableWriter> writers, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = new Queue<Task<FrameWork>>();
        var next = 0;
        void Fill()
        {
            while (queue.Count < RenderRunner.Window && next < frames.Count)
            {
                var frame = frames[next++];
                queue.Enqueue(Task.Run(() => Prepare(frame, stop.Token), stop.Token));
            }
        }

        try
        {
            Fill();
            var done = 0;
            while (queue.Count > 0)
            {
                using var work = await queue.Dequeue();
                Fill();
                foreach (var deliverable in pending.Where(d => Needs(d, work.SourceFrame)))
                {
                    Write(deliverable, writers[deliverable], work, cancellationToken);
                }

                progress?.Report(new RenderProgress("render", ++done, frames.Count, work.SourceFrame));
            }
        }
        catch
        {
            await stop.CancelAsync();
            while (queue.TryDequeue(out var task))
            {
                try
                {
                    (await task).Dispose();
                }
                catch (Exception)
                {
                    // The first failure is the one to report; the rest were cancelled with it.
                }
            }

            throw;
        }
    }

    /// <summary>Decodes one frame and makes each deliverable's pixels from it (on a pool thread).</summary>
    private FrameWork Prepare(long frame, CancellationToken cancellationToken)
    {
        var work = new FrameWork(frame);
        var wanting = pending.Where(d => Needs(d, frame)).ToList();
        var format = plan.Clip.Format;
        DecodedFrame decoded;
        try
        {
            decoded = services.Guard.Invoke(format.Plugin, $"{format.Format.Id}.Decode", () => plan.Reader.Decode(frame, plan.Decode, cancellationToken));
        }
        catch (Exception ex) when (ex is InputException or PluginFaultException)
        {
            wanting.ForEach(d => work.Errors[d] = ex);
            return work;
        }

        using (decoded)
        {
            work.Metadata = decoded.Metadata;
            if (decoded.Image is not PlanarImage source)
            {
                var error = new InputException($"The decoder gave frame {frame} as a mosaic, not RGB.", plan.Clip.Location.Path, "output", "RGB pixels");
                wanting.ForEach(d => work.Errors[d] = error);
                return work;
            }

            var shared = new Dictionary<string, PlanarImage>(StringComparer.Ordinal);
            foreach (var deliverable in wanting)
            {
                try
                {
                    var colour = plan.Colour.For(deliverable.Spec, decoded.ColourEncoding, decoded.AppliedInputTransformId);
                    var key = deliverable.Framing.Key + "|" + colour.Processor.CacheId;
                    if (!shared.TryGetValue(key, out var image))
                    {
                        image = deliverable.Framing.Apply(source);
                        work.Own(image);
                        ColourApplier.Apply(colour.Processor, image, cancellationToken);
                        shared[key] = image;
                    }

                    work.Images[deliverable] = image;
                }
                catch (Exception ex) when (ex is InputException or PluginFaultException)
                {
                    work.Errors[deliverable] = ex;
                }
            }
        }

        return work;
    }

    private void Write(DeliverablePlan deliverable, IDeliverableWriter writer, FrameWork work, CancellationToken cancellationToken)
    {
        if (work.Errors.TryGetValue(deliverable, out var error))
        {
            Fail(deliverable, writer, work, error, cancellationToken);
            return;
        }

        try
        {
            Send(deliverable, writer, work, work.Images[deliverable], cancellationToken);
        }
        catch (InputException ex)
        {
            Fail(deliverable, writer, work, ex, cancellationToken);
        }
    }

    /// <summary>What the deliverable's failure policy says to do with a frame that failed.</summary>
    private void Fail(DeliverablePlan deliverable, IDeliverableWriter writer, FrameWork work, Exception error, CancellationToken cancellationToken)
    {
        var frame = work.SourceFrame;
        switch (deliverable.Spec.OnFailure)
        {
            case FailurePolicy.BlackFrame:
                using (var black = new PlanarImage(deliverable.Framing.Width, deliverable.Framing.Height))
                {
                    black.Clear();
                    Send(deliverable, writer, work, black, cancellationToken);
                }

                _failures[deliverable].Add(new FrameFailure { SourceFrame = frame, OutputFrame = deliverable.OutputFrame(frame), Action = "black-frame", Message = error.Message });
                break;
            case FailurePolicy.Skip:
                _failures[deliverable].Add(new FrameFailure { SourceFrame = frame, OutputFrame = deliverable.OutputFrame(frame), Action = "skip", Message = error.Message });
                break;
            default:
                if (error is InputException input)
                {
                    throw new InputException($"Deliverable '{deliverable.Name}', source frame {frame}: {input.Message}", input.File, input.Field, input.Expected);
                }

                throw error;
        }
    }

    private void Send(DeliverablePlan deliverable, IDeliverableWriter writer, FrameWork work, PlanarImage image, CancellationToken cancellationToken)
    {
        var frame = work.SourceFrame;
        var output = new DeliverableFrame
        {
            Image = image,
            FrameNumber = deliverable.OutputFrame(frame),
            SourceFrame = frame,
            FileName = deliverable.PerFrame ? deliverable.FileNameFor(frame) : deliverable.Still ? deliverable.FileName : null,
            Timecode = work.Metadata?.Timecode ?? plan.TimecodeOf(frame),
            Metadata = work.Metadata,
        };
        services.Guard.Invoke(deliverable.Plugin, $"{deliverable.Type.Id}.WriteFrame", () => writer.WriteFrame(output, cancellationToken));
    }

    private DeliverableRequest Request(DeliverablePlan deliverable)
    {
        var colour = colours[deliverable];
        var sidecars = SidecarBuilder.For(plan, deliverable, colour, services.Logger);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clip-name"] = plan.Clip.Location.Name,
            ["comments"] = $"Rushes render {plan.Unit.RenderId}",
            // Writers that stamp a creation time take this one, so that a rerun gives the same bytes:
            // the newest source file's time, which is part of the unit's identity.
            ["creation-time"] = plan.Clip.Location.MediaFiles.Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.UnixEpoch).Max().ToString("O", CultureInfo.InvariantCulture),
        };
        // The whole sequence's length, which a unit of a chunked pull cannot learn from its own frames (DPX states it).
        attributes["sequence-length"] = plan.Sequence.Count.ToString(CultureInfo.InvariantCulture);
        if (deliverable.Tokens.TryGetValue("reel", out var reel))
        {
            attributes["reel"] = reel;
        }

        if (deliverable.Spec.Sidecars.Contains("amf"))
        {
            attributes["amf-uuid"] = SidecarBuilder.Amf(plan, deliverable, colour).Info.Uuid!;
        }
        else if (plan.Colour.Amf?.Info.Uuid is { } uuid)
        {
            attributes["amf-uuid"] = uuid;
        }

        return new DeliverableRequest
        {
            Output = store.StagingTarget,
            FileName = deliverable.FileName,
            Options = deliverable.Options,
            Width = deliverable.Framing.Width,
            Height = deliverable.Framing.Height,
            PixelAspectRatio = deliverable.Framing.Application is null ? plan.Reader.Info.PixelAspectRatio : 1,
            Frames = deliverable.OutputFrames,
            FrameRate = plan.FrameRate,
            StartTimecode = plan.TimecodeOf(plan.Frames.First),
            ColourEncoding = colour.OutputEncoding,
            ClipMetadata = plan.Reader.Metadata,
            Attributes = attributes,
            Sidecars = sidecars,
        };
    }

    private DeliverableResult Result(DeliverablePlan deliverable, IReadOnlyList<WrittenFile> written)
    {
        var files = written.Select(w => Record(w.RelativePath, w.Kind, w.Frames?.ToString())).ToList();
        foreach (var frame in _staged[deliverable])
        {
            var output = deliverable.OutputFrame(frame);
            files.Add(Record(deliverable.FileNameFor(frame), "media", $"{output}-{output}"));
        }

        var colour = colours[deliverable];
        return new DeliverableResult
        {
            Name = deliverable.Name,
            Type = deliverable.Type.Id,
            Folder = Folder(deliverable.FileName),
            Width = deliverable.Framing.Width,
            Height = deliverable.Framing.Height,
            ColourEncoding = colour.OutputEncoding,
            ColourSteps = colour.StepNames,
            Framing = deliverable.Framing.Description,
            Files = [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)],
            Failures = _failures[deliverable],
        };
    }

    private RenderedFile Record(string relativePath, string kind, string? frames)
    {
        var path = relativePath.Replace('\\', '/');
        var staged = store.StagedPath(path);
        return new RenderedFile { Path = path, Kind = kind, Frames = frames, Size = new FileInfo(staged).Length, Xxh128 = UnitStore.HashOf(staged) };
    }

    internal static string Folder(string fileName)
    {
        var slash = fileName.LastIndexOf('/');
        return slash < 0 ? "." : fileName[..slash];
    }
}
