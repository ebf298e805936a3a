using System.Text.Json.Nodes;

namespace Rushes.Host.Editorial.Matching;

/// <summary>Matches as JSON, for <c>rushes match --json</c>: one object per event, matched or with its reason.</summary>
public static class MatchJson
{
    /// <summary>The matches as a JSON array.</summary>
    public static JsonArray ToJson(IEnumerable<EventMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return new JsonArray([.. matches.Select(m => (JsonNode)Match(m))]);
    }

    private static JsonObject Match(EventMatch m)
    {
        var node = new JsonObject
        {
            ["event"] = m.Event.Number,
            ["line"] = m.Event.Line,
            ["reel"] = m.Event.Reel,
            ["clip_name"] = m.Event.ClipName,
            ["source_in"] = m.Event.SourceIn.ToString(),
            ["source_out"] = m.Event.SourceOut.ToString(),
            ["outcome"] = m.Outcome.ToString().ToLowerInvariant(),
            ["shot"] = m.Shot,
        };
        if (m.Clip is { } clip)
        {
            node["clip"] = new JsonObject { ["id"] = clip.Id, ["path"] = clip.Path, ["reel"] = clip.Reel, ["clip_name"] = clip.ClipName };
            node["matched_by"] = m.MatchedBy;
            node["frames"] = m.Frames?.ToString();
            node["frames_with_handles"] = m.FramesWithHandles?.ToString();
            node["handles"] = m.Handles;
            node["head_handles"] = m.HeadHandles;
            node["tail_handles"] = m.TailHandles;
            node["clamped"] = m.Clamped;
        }

        if (m.Reason is not null)
        {
            node["reason"] = m.Reason;
        }

        if (m.Candidates.Count > 0)
        {
            node["candidates"] = new JsonArray([.. m.Candidates.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["reel"] = c.Reel,
                ["clip_name"] = c.ClipName,
                ["timecode_in"] = c.TimecodeIn.ToString(),
                ["timecode_out"] = c.TimecodeOut.ToString(),
            })]);
        }

        return node;
    }
}
