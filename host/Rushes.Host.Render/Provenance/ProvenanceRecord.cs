using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rushes.Contracts.Deliverables;
using Rushes.Host.Render.Planning;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Render.Provenance;

/// <summary>
/// The provenance JSON written in each deliverable's folder: the inputs with their hashes, the plugins
/// and versions, the decode parameters, the AMF and FDL uuids, the spec's hash, what was applied, every
/// file delivered with its hash, and the timings. Only <c>timings</c> differs between runs of a unit.
/// </summary>
internal static class ProvenanceRecord
{
    /// <summary>The inputs part, shared by every deliverable of the unit (clip files hashed once).</summary>
    public static JsonObject Inputs(RenderPlan plan)
    {
        var media = plan.Clip.Location.MediaFiles.Concat(plan.Clip.Location.Sidecars).ToList();
        var hashes = new string[media.Count];
        Parallel.For(0, media.Count, i => hashes[i] = UnitStore.HashOf(media[i]));
        var files = new JsonArray();
        for (var i = 0; i < media.Count; i++)
        {
            files.Add(new JsonObject { ["path"] = media[i], ["size"] = new FileInfo(media[i]).Length, ["xxh128"] = hashes[i] });
        }

        return new JsonObject
        {
            ["clip"] = new JsonObject
            {
                ["name"] = plan.Clip.Location.Name,
                ["path"] = plan.Clip.Location.Path,
                ["cameraFormat"] = plan.Clip.FormatId,
                ["plugin"] = plan.Clip.Format.Plugin.Id,
                ["files"] = files,
            },
            ["frames"] = plan.Frames.ToString(),
            ["handles"] = plan.Job.Handles,
            ["decode"] = new JsonObject([.. plan.Decode.Parameters.Given.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["amf"] = plan.Job.Amf is null ? null : new JsonObject
            {
                ["path"] = plan.Job.Amf,
                ["sha256"] = UnitIdentity.Sha256(plan.Job.Amf),
                ["uuid"] = plan.Colour.Amf?.Info.Uuid,
            },
            ["fdl"] = plan.Job.Fdl is null ? null : new JsonObject
            {
                ["path"] = plan.Job.Fdl,
                ["sha256"] = UnitIdentity.Sha256(plan.Job.Fdl),
                ["uuid"] = plan.FdlUuid,
                ["template"] = plan.Job.Template,
            },
            ["spec"] = new JsonObject
            {
                ["name"] = plan.Spec.Name,
                ["file"] = plan.Spec.SourceFile,
                ["renderedSha256"] = plan.Spec.RenderedHash,
                ["variables"] = new JsonObject([.. plan.Job.Variables.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            },
        };
    }

    public static JsonObject For(RenderPlan plan, JsonObject inputs, DeliverablePlan deliverable, DeliverableResult result, JsonObject timings) => new()
    {
        ["provenance"] = 1,
        ["tool"] = new JsonObject { ["name"] = "rushes", ["version"] = HostInfo.Version.ToString() },
        ["unitId"] = plan.Unit.Id,
        ["inputs"] = inputs.DeepClone(),
        ["plugins"] = new JsonArray([.. plan.Unit.Facts["plugins"]!.AsArray().Select(p => p!.DeepClone())]),
        ["deliverable"] = new JsonObject
        {
            ["name"] = deliverable.Name,
            ["type"] = deliverable.Type.Id,
            ["plugin"] = deliverable.Plugin.Id,
            ["pluginVersion"] = deliverable.Plugin.Manifest?.Version,
            ["options"] = new JsonObject([.. deliverable.Options.Given.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["width"] = result.Width,
            ["height"] = result.Height,
            ["framing"] = result.Framing,
            ["colourEncoding"] = result.ColourEncoding,
            ["colourSteps"] = new JsonArray([.. result.ColourSteps.Select(s => (JsonNode)s)]),
            ["outputFrames"] = deliverable.OutputFrames.ToString(),
            ["failures"] = JsonSerializer.SerializeToNode(result.Failures),
        },
        ["files"] = JsonSerializer.SerializeToNode(result.Files),
        ["timings"] = timings.DeepClone(),
    };

    /// <summary>Writes the record beside the deliverable through a temporary and a rename; returns its relative path and size.</summary>
    public static (string Path, long Size) Write(string output, string relativePath, JsonObject record)
    {
        var target = new DirectoryOutputTarget(output);
        using var file = target.Create(relativePath);
        using (var writer = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true }))
        {
            record.WriteTo(writer);
        }

        file.Stream.WriteByte((byte)'\n');
        return (relativePath, file.Commit());
    }

    public static JsonObject Timings(DateTimeOffset started, TimeSpan elapsed, long frames) => new()
    {
        ["started"] = started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["seconds"] = Math.Round(elapsed.TotalSeconds, 3),
        ["framesPerSecond"] = elapsed.TotalSeconds > 0 ? Math.Round(frames / elapsed.TotalSeconds, 3) : null,
    };
}
