using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Timecodes;

namespace Rushes.Host.Editorial.Ale;

/// <summary>
/// An Avid log of normalized clip documents (schema v1, <c>Rushes.Host.Metadata.ClipDocumentV1</c>), with
/// the column names Avid Media Composer maps to bin columns. A field the document has as Missing is an
/// empty cell, never a guess.
/// </summary>
public static class AleExport
{
    /// <summary>The columns written, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["Name", "Tracks", "Start", "End", "Duration", "Tape", "Source File", "Camera", "Scene", "Take", "ASC_SOP", "ASC_SAT"];

    /// <summary>
    /// The log of <paramref name="clips"/>. Its FPS is that of the first clip's timecode; a log counts one
    /// rate, so a clip whose timecode counts another rate is refused, naming it.
    /// <c>End</c> is exclusive (the frame after the last), as Avid logs it: Start + Duration.
    /// </summary>
    public static AleDocument FromClips(IReadOnlyList<JsonObject> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        SmpteRate? rate = null;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var clip in clips)
        {
            var name = ClipDocumentFields.Text(clip, "clip", "name") ?? (ClipDocumentFields.Text(clip, "clip", "file_name") is { } file ? Path.GetFileNameWithoutExtension(file) : null);
            var start = ClipDocumentFields.TimecodeIn(clip);
            var frames = ClipDocumentFields.Integer(clip, "clip", "frame_count");
            if (start is { } tc)
            {
                var clipRate = SmpteRate.Of(tc.Rate, tc.DropFrame);
                rate ??= clipRate;
                if (clipRate.Rate != rate.Rate)
                {
                    throw new InputException($"clip '{name}' counts timecode at {clipRate.Name} fps, and this log at {rate.Name} fps; write it in a log of its own.",
                        name, "timecode.in", $"a timecode at {rate.Name} fps");
                }
            }

            var cdl = clip["colour"]?["cdl"]?["value"] as JsonArray;
            rows.Add(
            [
                name ?? string.Empty,
                "V",
                start?.ToString() ?? string.Empty,
                start is { } s && frames is > 0 ? s.AddFrames(frames.Value).ToString() : string.Empty,
                start is { } d && frames is > 0 ? Timecode.FromFrames(frames.Value, d.Rate, d.DropFrame).ToString() : string.Empty,
                ClipDocumentFields.Text(clip, "clip", "reel") ?? string.Empty,
                ClipDocumentFields.Text(clip, "clip", "file_name") ?? string.Empty,
                ClipDocumentFields.Text(clip, "camera", "letter") ?? string.Empty,
                ClipDocumentFields.Text(clip, "clip", "scene") ?? string.Empty,
                ClipDocumentFields.Text(clip, "clip", "take") ?? string.Empty,
                cdl is { Count: 10 } ? Sop(cdl) : string.Empty,
                cdl is { Count: 10 } ? Number(cdl[9]!) : string.Empty,
            ]);
        }

        var height = clips.Select(c => ClipDocumentFields.Integer(c, "image", "height")).FirstOrDefault(h => h is not null);
        return new AleDocument
        {
            Heading =
            [
                KeyValuePair.Create("FIELD_DELIM", "TABS"),
                KeyValuePair.Create("VIDEO_FORMAT", height switch { 1080 => "1080", 720 => "720", _ => "CUSTOM" }),
                KeyValuePair.Create("AUDIO_FORMAT", "48khz"),
                KeyValuePair.Create("FPS", (rate ?? SmpteRate.Find("24")!).Decimal),
            ],
            Columns = Columns,
            Rows = rows,
        };
    }

    // ASC CDL as ALE writes it: (slope r g b)(offset r g b)(power r g b); the tenth number is saturation.
    private static string Sop(JsonArray cdl)
        => $"({Number(cdl[0]!)} {Number(cdl[1]!)} {Number(cdl[2]!)})({Number(cdl[3]!)} {Number(cdl[4]!)} {Number(cdl[5]!)})({Number(cdl[6]!)} {Number(cdl[7]!)} {Number(cdl[8]!)})";

    private static string Number(JsonNode n) => n.GetValue<double>().ToString("0.0#####", CultureInfo.InvariantCulture);
}
