using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf.Pipeline;

/// <summary>
/// The AMF v2 written beside a deliverable. It says exactly what is in the pixels: the transforms
/// this render applied are marked applied, the rest stay for the viewer. It has a new uuid, the clip
/// id, and the pipeline it came from archived.
/// </summary>
public static class AmfDeliverable
{
    /// <summary>Derives the deliverable's AMF from the one the render followed.</summary>
    public static AmfDocument Derive(AmfDocument source, AmfPlanOptions applied, DateTimeOffset now, AmfClipId? clip = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(applied);
        var transforms = source.Pipeline.Transforms.Select(t => t.Element switch
        {
            AmfElements.InputTransform => t with { Applied = true },
            AmfElements.LookTransform when t.Applied == true && applied.RemoveAppliedLooks => t with { Applied = false },
            AmfElements.LookTransform when t.Applied == false && applied.IncludeLooks => t with { Applied = true },
            AmfElements.OutputTransform when applied.IncludeOutput => t with { Applied = true },
            _ => t,
        }).ToList();

        var info = new AmfInfo
        {
            Description = description ?? source.Info.Description,
            Authors = source.Info.Authors,
            DateTime = AmfDateTime.At(now),
            Uuid = AmfWriter.NewUuid(),
        };
        return new AmfDocument
        {
            Version = "2.0",
            Info = info,
            ClipId = clip ?? source.ClipId,
            Pipeline = new AmfPipeline
            {
                Info = source.Pipeline.Info with { DateTime = AmfDateTime.At(now), Uuid = AmfWriter.NewUuid() },
                SystemVersion = source.Pipeline.SystemVersion,
                Transforms = transforms,
            },
            ArchivedPipelines = [source.Pipeline, .. source.ArchivedPipelines],
        };
    }
}
