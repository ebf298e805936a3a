using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Rushes.Contracts.Deliverables;
using Rushes.Host.Amf;
using Rushes.Host.Amf.Model;
using Rushes.Host.Amf.Pipeline;
using Rushes.Host.Fdl;
using Rushes.Host.Render.Colour;
using Rushes.Host.Render.Planning;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Render.Execution;

/// <summary>
/// The sidecars a writer commits beside a deliverable's media: the AMF of what is in the pixels, the
/// framing's result FDL, and the AMF's CDL as <c>.cc</c> or <c>.cdl</c>. Each is the same bytes on every
/// run of the same unit: uuids are derived from the unit and the times from the inputs.
/// </summary>
internal static class SidecarBuilder
{
    public static IReadOnlyList<Sidecar> For(RenderPlan plan, DeliverablePlan deliverable, ColourPlan colour, ILogger logger)
    {
        var sidecars = new List<Sidecar>();
        var stem = Stem(deliverable.FileName);
        foreach (var kind in deliverable.Spec.Sidecars)
        {
            switch (kind)
            {
                case "amf":
                    sidecars.Add(Text(kind, stem + ".amf", AmfWriter.Write(Amf(plan, deliverable, colour))));
                    break;
                case "fdl" when deliverable.Framing.Application is { } framing:
                    sidecars.Add(Text(kind, stem + ".fdl", FdlWriter.Write(framing.Document)));
                    break;
                case "cdl" or "cc" when FirstCdl(plan) is { } cdl:
                    sidecars.Add(Text(kind, $"{stem}.{kind}", CdlXml(cdl, Path.GetFileName(stem), kind == "cdl")));
                    break;
                case "fdl" or "cdl" or "cc":
                    logger.LogInformation("Deliverable {Deliverable}: no {Kind} sidecar, as the job has no {What}", deliverable.Name, kind, kind == "fdl" ? "framing to record" : "CDL in its AMF");
                    break;
            }
        }

        return sidecars;
    }

    /// <summary>The deliverable's AMF: the job's (or the default) with what this render applied marked applied.</summary>
    public static AmfDocument Amf(RenderPlan plan, DeliverablePlan deliverable, ColourPlan colour)
    {
        var output = deliverable.Spec.Colour.Output;
        var viewing = output is not (ColourIntent.None or ColourIntent.Camera);
        var when = Instant(plan);
        var seed = $"{plan.Unit.RenderId}|{deliverable.Name}";
        var source = plan.Colour.Amf ?? Stable(AmfDefaults.For(colour.InputTransformId, viewing, when), seed + "|default");
        if (viewing)
        {
            // The output this deliverable applied, whatever the source AMF proposed.
            var transforms = source.Pipeline.Transforms.Where(t => t.Element != AmfElements.OutputTransform).ToList();
            transforms.Add(new AmfTransform { Element = AmfElements.OutputTransform, Applied = false, TransformId = output });
            source = source with { Pipeline = source.Pipeline with { Transforms = transforms } };
        }

        var derived = AmfDeliverable.Derive(source, new AmfPlanOptions { IncludeOutput = viewing, IncludeLooks = deliverable.Spec.Colour.ApplyLooks }, when,
            ClipId(plan), $"{deliverable.Name} of {plan.Clip.Location.Name}, rendered by Rushes");
        if (output == ColourIntent.Camera)
        {
            // Camera-log pixels: the input transform is still to be applied by whoever reads them.
            derived = derived with
            {
                Pipeline = derived.Pipeline with
                {
                    Transforms = [.. derived.Pipeline.Transforms.Select(t => t.Element == AmfElements.InputTransform ? t with { Applied = false } : t)],
                },
            };
        }

        return Stable(derived, seed);
    }

    /// <summary>The document with uuids derived from <paramref name="seed"/> in place of random ones.</summary>
    private static AmfDocument Stable(AmfDocument document, string seed) => document with
    {
        Info = document.Info with { Uuid = $"urn:uuid:{StableUuid.From(seed + "|amf")}" },
        Pipeline = document.Pipeline with { Info = document.Pipeline.Info with { Uuid = $"urn:uuid:{StableUuid.From(seed + "|pipeline")}" } },
    };

    /// <summary>The AMF clip id: the sequence's pattern (its frame digits as <c>#</c>) and range, or the clip's file.</summary>
    private static AmfClipId ClipId(RenderPlan plan)
    {
        var location = plan.Clip.Location;
        var first = Path.GetFileName(location.MediaFiles[0]);
        var digits = System.Text.RegularExpressions.Regex.Match(first, @"(\d+)(\.[^.]*)?$");
        if (location.Layout == Contracts.CameraFormats.ClipLayout.FrameSequence && digits.Success)
        {
            var pattern = first[..digits.Groups[1].Index] + new string('#', digits.Groups[1].Length) + digits.Groups[2].Value;
            var frames = plan.Reader.Info.Frames;
            return new AmfClipId { ClipName = location.Name, Sequence = new AmfSequence(pattern, "#", frames.First, frames.Last) };
        }

        return new AmfClipId { ClipName = location.Name, File = first };
    }

    /// <summary>The file name without its frame number and extension, with its folder: <c>A/B/SHOT_PL01_v001</c>.</summary>
    internal static string Stem(string fileName)
    {
        var slash = fileName.LastIndexOf('/');
        var name = fileName[(slash + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = dot > 0 ? name[..dot] : name;
        return slash < 0 ? stem : fileName[..(slash + 1)] + stem;
    }

    // No clock: the newest clip file's time, or the AMF's own, so reruns write the same bytes.
    private static DateTimeOffset Instant(RenderPlan plan)
    {
        if (plan.Colour.Amf?.Info.DateTime.Modified is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written))
        {
            return written;
        }

        return plan.Clip.Location.MediaFiles.Select(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
    }

    private static AmfCdl? FirstCdl(RenderPlan plan) => plan.Colour.Amf?.Pipeline.Looks.Select(l => l.Cdl).FirstOrDefault(c => c is not null);

    /// <summary>An ASC CDL v1.01 ColorCorrection (<c>.cc</c>), or one inside a ColorDecisionList (<c>.cdl</c>).</summary>
    private static string CdlXml(AmfCdl cdl, string id, bool list)
    {
        XNamespace ns = AmfElements.CdlNamespace;
        static string Triple(IReadOnlyList<double> v) => string.Join(' ', v.Select(x => x.ToString("0.######", CultureInfo.InvariantCulture)));
        var correction = new XElement(ns + "ColorCorrection", new XAttribute("id", id),
            new XElement(ns + "SOPNode",
                new XElement(ns + "Slope", Triple(cdl.Slope)),
                new XElement(ns + "Offset", Triple(cdl.Offset)),
                new XElement(ns + "Power", Triple(cdl.Power))),
            new XElement(ns + "SatNode", new XElement(ns + "Saturation", cdl.Saturation.ToString("0.######", CultureInfo.InvariantCulture))));
        var root = list ? new XElement(ns + "ColorDecisionList", new XElement(ns + "ColorDecision", correction)) : correction;
        return new XDeclaration("1.0", "UTF-8", null) + Environment.NewLine + root + Environment.NewLine;
    }

    private static Sidecar Text(string kind, string name, string text) => new() { Kind = kind, FileName = name, Content = Encoding.UTF8.GetBytes(text) };
}
