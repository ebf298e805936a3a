using System.Text.Json.Nodes;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Timecodes;

namespace Rushes.Host.Editorial;

/// <summary>
/// Reads fields of a normalized clip document (schema v1, <c>Rushes.Host.Metadata.ClipDocumentV1</c>):
/// <c>{"group": {"field": {"value": …} or {"missing": reason}}}</c>. A Missing field reads as null.
/// </summary>
internal static class ClipDocumentFields
{
    public static string? Text(JsonObject clip, string group, string field)
        => clip[group]?[field]?["value"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    public static long? Integer(JsonObject clip, string group, string field)
        => clip[group]?[field]?["value"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>The timecode in, at its own rate and counting.</summary>
    public static Timecode? TimecodeIn(JsonObject clip)
    {
        if (clip["timecode"]?["in"] is not JsonObject tc || tc["value"] is not JsonValue label || !label.TryGetValue<string>(out var text)
            || tc["rate"] is not JsonObject r || r["num"]?.GetValue<long>() is not { } num || r["denom"]?.GetValue<long>() is not { } denom
            || num <= 0 || denom <= 0)
        {
            return null;
        }

        return TimecodeMath.Parse(text, new FrameRate(num, denom), tc["drop_frame"]?.GetValue<bool>() ?? false);
    }
}
