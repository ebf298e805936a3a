using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// Reads CMX3600 EDLs as Avid Media Composer, Premiere Pro and Resolve write them: long reel names,
/// <c>FROM</c>/<c>TO CLIP NAME</c> and <c>SOURCE FILE</c> comments, dissolves and wipes written as event
/// pairs, <c>M2</c> motion effects, and drop-frame counting by <c>FCM</c> or by <c>;</c> separators.
/// Lines it cannot use become warnings with their line number; the rest of the list still reads.
/// </summary>
public static partial class EdlParser
{
    /// <summary>An EDL of a feature is a few hundred kilobytes; anything past this is refused before reading.</summary>
    public const long MaxFileBytes = 64L << 20;

    private const string Tc = @"(\d{1,2}[:;.]\d{2}[:;.]\d{2}[:;.]\d{2})";

    [GeneratedRegex(@"^(\d{1,6})\s+(\S+)\s+(\S+)\s+(C|D|W\d{3}|K[BO]?)\s+(?:(\d{1,4})\s+)?" + Tc + @"\s+" + Tc + @"\s+" + Tc + @"\s+" + Tc + @"\s*$")]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^M2\s+(\S+)\s+(-?\d+(?:\.\d+)?)\s+" + Tc + @"\s*$")]
    private static partial Regex RetimeLine();

    [GeneratedRegex(@"^\*\s*([A-Z][A-Z0-9 _-]*?)\s*:\s*(.*)$")]
    private static partial Regex KeyedComment();

    /// <summary>Reads an EDL file whose timecodes count at <paramref name="rate"/>.</summary>
    public static EdlDocument ReadFile(string path, FrameRate rate)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException("no such EDL file.", path, null, "an existing .edl file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"the file is {info.Length} bytes; an EDL may be at most {MaxFileBytes} bytes.", path, null, $"at most {MaxFileBytes} bytes");
        }

        // EDLs are ASCII by the standard; editors write UTF-8 or Latin-1 clip names. Invalid UTF-8 falls back to Latin-1.
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        return Parse(text, rate, path);
    }

    /// <summary>Parses EDL text.</summary>
    public static EdlDocument Parse(string text, FrameRate rate, string name = "<edl>")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (rate.TimecodeBase <= 0)
        {
            throw new InputException($"frame rate {rate} cannot count timecode.", name, "rate", "a frame rate such as 24, 23.976 or 29.97");
        }

        string? title = null;
        bool? dropFrame = null;
        var events = new List<EdlEvent>();
        var warnings = new List<Diagnostic>();
        var group = new List<int>();
        var namedIndex = -1;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', ' ', '\t');
            var number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            void Warn(string message) => warnings.Add(Diagnostic.Warning(message, name, $"line {number}"));

            if (line.StartsWith("TITLE:", StringComparison.OrdinalIgnoreCase))
            {
                title = line[6..].Trim();
                continue;
            }

            if (line.StartsWith("FCM:", StringComparison.OrdinalIgnoreCase))
            {
                var mode = line[4..].Trim().ToUpperInvariant();
                dropFrame = mode.StartsWith("DROP", StringComparison.Ordinal);
                if (dropFrame == true && !rate.SupportsDropFrame)
                {
                    Warn($"FCM says drop frame, but {rate} has no drop-frame counting; counting non-drop.");
                    dropFrame = false;
                }

                continue;
            }

            if (EventLine().Match(line) is { Success: true } e)
            {
                var df = dropFrame ?? false;
                if (!TryTimecode(e.Groups[6].Value, rate, df, out var sourceIn, out var error)
                    || !TryTimecode(e.Groups[7].Value, rate, df, out var sourceOut, out error)
                    || !TryTimecode(e.Groups[8].Value, rate, df, out var recordIn, out error)
                    || !TryTimecode(e.Groups[9].Value, rate, df, out var recordOut, out error))
                {
                    Warn($"event skipped: {error}");
                    continue;
                }

                if (sourceOut < sourceIn || recordOut < recordIn)
                {
                    Warn("event skipped: an out point comes before its in point.");
                    continue;
                }

                var eventNumber = int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture);
                if (group.Count == 0 || events[group[0]].Number != eventNumber)
                {
                    group.Clear();
                    namedIndex = -1;
                }

                group.Add(events.Count);
                events.Add(new EdlEvent
                {
                    Number = eventNumber,
                    Reel = e.Groups[2].Value,
                    Track = e.Groups[3].Value,
                    Transition = Transition(e.Groups[4].Value, e.Groups[5].Value),
                    SourceIn = sourceIn,
                    SourceOut = sourceOut,
                    RecordIn = recordIn,
                    RecordOut = recordOut,
                    Line = number,
                });
                continue;
            }

            if (group.Count == 0)
            {
                if (!line.StartsWith('*'))
                {
                    Warn($"not an EDL line before the first event: '{Shorten(line)}'.");
                }

                continue;
            }

            if (RetimeLine().Match(line) is { Success: true } m)
            {
                var df = dropFrame ?? false;
                if (!TryTimecode(m.Groups[3].Value, rate, df, out var retimeIn, out var error))
                {
                    Warn($"M2 skipped: {error}");
                    continue;
                }

                var reel = m.Groups[1].Value;
                var target = group.LastOrDefault(g => events[g].Reel == reel, -1);
                if (target < 0)
                {
                    Warn($"M2 for reel '{reel}' follows no event of that reel.");
                    continue;
                }

                events[target] = events[target] with { Retime = new EdlRetime(reel, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), retimeIn) };
                continue;
            }

            if (line.StartsWith('*'))
            {
                var comment = line[1..].Trim();
                var last = group[^1];
                events[last] = events[last] with { Comments = [.. events[last].Comments, comment] };
                if (KeyedComment().Match(line) is not { Success: true } c)
                {
                    continue;
                }

                var value = c.Groups[2].Value.Trim();
                switch (c.Groups[1].Value.ToUpperInvariant())
                {
                    case "FROM CLIP NAME":
                        namedIndex = group[0];
                        events[namedIndex] = events[namedIndex] with { ClipName = value };
                        break;
                    case "TO CLIP NAME":
                        namedIndex = group[^1];
                        events[namedIndex] = events[namedIndex] with { ClipName = value };
                        break;
                    case "SOURCE FILE":
                        var target = namedIndex >= 0 ? namedIndex : last;
                        events[target] = events[target] with { SourceFile = value };
                        break;
                    case "FDL-UUID":
                        events[last] = events[last] with { FdlUuid = value };
                        break;
                    case "FDL-FRAMING-DECISION-ID":
                        events[last] = events[last] with { FdlFramingDecisionId = value };
                        break;
                    case "AMF_UUID" or "AMF-UUID":
                        events[last] = events[last] with { AmfUuid = value };
                        break;
                }

                continue;
            }

            if (!line.StartsWith("SPLIT:", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("AUD", StringComparison.OrdinalIgnoreCase))
            {
                Warn($"unrecognised line: '{Shorten(line)}'.");
            }
        }

        return new EdlDocument { Title = title, Rate = rate, DropFrame = dropFrame ?? false, Events = events, Warnings = warnings };
    }

    private static EdlTransition Transition(string code, string duration)
    {
        var frames = duration.Length > 0 ? int.Parse(duration, CultureInfo.InvariantCulture) : 0;
        return code[0] switch
        {
            'D' => new EdlTransition(EdlTransitionKind.Dissolve, frames, code),
            'W' => new EdlTransition(EdlTransitionKind.Wipe, frames, code),
            'K' => new EdlTransition(EdlTransitionKind.Key, frames, code),
            _ => new EdlTransition(EdlTransitionKind.Cut, 0, code),
        };
    }

    /// <summary>Reads a timecode label; a <c>;</c> or <c>.</c> before the frames marks drop-frame counting.</summary>
    private static bool TryTimecode(string text, FrameRate rate, bool dropFrame, out Timecode timecode, out string error)
    {
        timecode = default;
        var parts = text.Split(':', ';', '.');
        var df = dropFrame || text.Contains(';', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal);
        if (df && !rate.SupportsDropFrame)
        {
            df = false;
        }

        var h = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var m = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var s = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var f = int.Parse(parts[3], CultureInfo.InvariantCulture);
        try
        {
            timecode = Timecode.FromParts(h, m, s, f, rate, df);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException ex)
        {
            error = $"timecode '{text}' is not valid at {rate}{(df ? " drop-frame" : string.Empty)}: {ex.Message}";
            return false;
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
