using System.Globalization;
using System.Text.Json.Nodes;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// An EDL as JSON, for <c>--json</c> output and golden files: every event with its timecodes as labels and
/// frame counts, its transition, retime, clip name, source file and locators.
/// </summary>
public static class EdlJson
{
    /// <summary>The document as a JSON object.</summary>
    public static JsonObject ToJson(EdlDocument edl)
    {
        ArgumentNullException.ThrowIfNull(edl);
        return new JsonObject
        {
            ["title"] = edl.Title,
            ["rate"] = edl.Rate.ToString(),
            ["fcm"] = edl.FrameCodeMode,
            ["drop_frame"] = edl.DropFrame,
            ["events"] = new JsonArray([.. edl.Events.Select(Event)]),
            ["warnings"] = new JsonArray([.. edl.Warnings.Select(w => (JsonNode)JsonValue.Create($"{w.Field}: {w.Message}"))]),
        };
    }

    private static JsonObject Event(EdlEvent e)
    {
        var read = e.SourceRead;
        var node = new JsonObject
        {
            ["number"] = e.Number,
            ["line"] = e.Line,
            ["reel"] = e.Reel,
            ["track"] = e.Track,
            ["transition"] = e.Transition.Kind.ToString().ToLowerInvariant(),
            ["transition_frames"] = e.Transition.Frames,
            ["transition_code"] = e.Transition.Code,
            ["source_in"] = e.SourceIn.ToString(),
            ["source_out"] = e.SourceOut.ToString(),
            ["record_in"] = e.RecordIn.ToString(),
            ["record_out"] = e.RecordOut.ToString(),
            ["source_frames"] = e.SourceFrames,
            ["record_frames"] = e.RecordFrames,
            ["transition_out_frames"] = e.TransitionOutFrames,
            ["source_read"] = new JsonObject
            {
                ["first"] = read.First.ToString(),
                ["last"] = read.Count > 0 ? read.Last.ToString() : null,
                ["count"] = read.Count,
                ["reverse"] = read.Reverse,
            },
            ["audio_only"] = e.IsAudioOnly,
            ["generated"] = e.IsGenerated,
            ["clip_name"] = e.ClipName,
            ["source_file"] = e.SourceFile,
        };
        if (e.Retime is { } r)
        {
            node["retime"] = new JsonObject
            {
                ["reel"] = r.Reel,
                ["fps"] = r.FramesPerSecond.ToString(CultureInfo.InvariantCulture),
                ["source_in"] = r.SourceIn.ToString(),
            };
        }

        if (e.Locators.Count > 0)
        {
            node["locators"] = new JsonArray([.. e.Locators.Select(l => (JsonNode)new JsonObject { ["record"] = l.Record.ToString(), ["colour"] = l.Colour, ["text"] = l.Text })]);
        }

        Optional(node, "fdl_uuid", e.FdlUuid);
        Optional(node, "fdl_framing_decision_id", e.FdlFramingDecisionId);
        Optional(node, "amf_uuid", e.AmfUuid);
        return node;
    }

    private static void Optional(JsonObject node, string key, string? value)
    {
        if (value is not null)
        {
            node[key] = value;
        }
    }
}
