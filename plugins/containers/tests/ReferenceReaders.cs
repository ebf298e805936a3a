using System.Text.Json.Nodes;
using Rushes.Testing;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>The independent readers the plugin is checked against: ffprobe and exiftool (both installed by .ci/run).</summary>
internal static class ReferenceReaders
{
    /// <summary><c>ffprobe -show_streams -show_format -of json</c>.</summary>
    public static JsonObject Ffprobe(string file)
        => JsonNode.Parse(ReferenceTool.Run("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", file]).EnsureSuccess("ffprobe").StandardOutput)!.AsObject();

    /// <summary><c>exiftool -j -G -n</c>: the one file's tags keyed "Group:Tag", values unformatted.</summary>
    public static JsonObject Exiftool(string file)
        => JsonNode.Parse(ReferenceTool.Run("exiftool", ["-j", "-G", "-n", file]).EnsureSuccess("exiftool").StandardOutput)!.AsArray()[0]!.AsObject();

    /// <summary>A JSON value as invariant text (numbers as written, strings as they are).</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>The first video stream.</summary>
    public static JsonObject VideoStream(JsonObject probe)
        => probe["streams"]!.AsArray().Select(s => s!.AsObject()).First(s => Text(s["codec_type"]) == "video");
}
