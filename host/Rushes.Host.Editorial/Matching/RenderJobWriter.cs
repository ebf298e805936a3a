using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rushes.Host.Editorial.Matching;

/// <summary>
/// Turns matched events into <c>rushes render --job</c> files (docs/RENDER.md): <c>clip</c> is the clip's
/// path, <c>frames</c> the event's frames with their handles already added and clamped, and
/// <c>handles</c> always 0, because the renderer wants the whole handled range inside the clip and a
/// clamp may leave the two ends with different handles, which one number cannot say. The variables are
/// the caller's, plus <c>shot</c> (<see cref="EventMatch.Shot"/>), <c>event</c>, <c>reel</c> and <c>clip_name</c>.
/// </summary>
public static class RenderJobWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The job of one matched event.</summary>
    public static JsonObject ToJob(EventMatch match, string spec, string output, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (match is not { Outcome: MatchOutcome.Matched, Clip: { } clip, FramesWithHandles: { } frames })
        {
            throw new ArgumentException($"event {match.Event.Number} did not match ({match.Outcome}): {match.Reason}", nameof(match));
        }

        var vars = new JsonObject();
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            vars[key] = value;
        }

        vars["shot"] = match.Shot;
        vars["event"] = match.Event.Number.ToString("000", CultureInfo.InvariantCulture);
        vars["reel"] = match.Event.Reel;
        if (match.Event.ClipName is { } clipName)
        {
            vars["clip_name"] = clipName;
        }

        return new JsonObject
        {
            ["clip"] = clip.Path,
            ["frames"] = frames.ToString(),
            ["handles"] = 0,
            ["spec"] = spec,
            ["variables"] = vars,
            ["output"] = output,
        };
    }

    /// <summary>
    /// Writes one job file per matched event into <paramref name="directory"/> (created if needed), named
    /// <c>evt007.json</c>, or <c>evt007b.json</c> for the second side of a dissolve; each is written to a
    /// temporary name and renamed into place. Events that did not match get no file. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<EventMatch> matches, string directory, string spec, string output, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var seen = new Dictionary<int, int>();
        foreach (var match in matches)
        {
            var side = seen[match.Event.Number] = seen.GetValueOrDefault(match.Event.Number) + 1;
            if (match.Outcome != MatchOutcome.Matched)
            {
                continue;
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"evt{match.Event.Number:000}{(side > 1 ? ((char)('a' + side - 1)).ToString() : string.Empty)}.json");
            var path = Path.Combine(directory, name);
            WriteAtomically(path, ToJob(match, spec, output, variables).ToJsonString(Indented) + "\n");
            written.Add(path);
        }

        return written;
    }

    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".rushes-tmp-{Guid.NewGuid():N}-{Path.GetFileName(full)}");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
