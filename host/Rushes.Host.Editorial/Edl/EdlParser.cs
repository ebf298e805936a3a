using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Timecodes;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// Reads CMX3600 EDLs as Avid Media Composer, Premiere Pro and Resolve write them: long reel names (with
/// spaces, read up to the track field), <c>FROM</c>/<c>TO CLIP NAME</c>, <c>SOURCE FILE</c> and <c>LOC</c>
/// comments, dissolves and wipes written as event pairs, <c>M2</c> motion effects, and drop-frame
/// counting by <c>FCM</c> or by <c>;</c> separators. A bad timecode or a line that is not EDL is an
/// <see cref="InputException"/> naming the file, the line, the field and what was expected.
/// </summary>
public static partial class EdlParser
{
    /// <summary>An EDL of a feature is a few hundred kilobytes; anything past this is refused before reading.</summary>
    public const long MaxFileBytes = 64L << 20;

    private const string EventShape = "'NNN REEL TRACK TRANSITION [DURATION] SOURCE-IN SOURCE-OUT RECORD-IN RECORD-OUT' (CMX3600)";

    // The fields right of the reel have fixed shapes, so the reel is whatever lies between the event
    // number and the track: that keeps long reels, and reels with spaces, whole.
    [GeneratedRegex(@"^(?<num>\d{1,6})\s+(?<reel>\S.*?)\s+(?<track>(?:V|B|NONE|AA|A\d{0,2})(?:/V)?)\s+(?<edit>C|D|W\d{3}|K[BO]?)(?:\s+(?<dur>\d{1,4}))?\s+(?<si>\S+)\s+(?<so>\S+)\s+(?<ri>\S+)\s+(?<ro>\S+)$")]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^\d{1,6}\s")]
    private static partial Regex EventNumber();

    [GeneratedRegex(@"^M2\s+(?<reel>\S.*?)\s+(?<speed>[-+]?\d+(?:\.\d+)?)\s+(?<tc>\S+)$")]
    private static partial Regex RetimeLine();

    [GeneratedRegex(@"^\*\s*(?<key>[A-Z][A-Z0-9 _-]*?)\s*:\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyedComment();

    [GeneratedRegex(@"^(?<tc>\d{1,2}[:;.,]\d{2}[:;.,]\d{2}[:;.,]\d{2})\s+(?<colour>[A-Za-z]+)(?:\s+(?<text>.*))?$")]
    private static partial Regex LocatorValue();

    /// <summary>Reads an EDL file whose timecodes count at <paramref name="rate"/>.</summary>
    public static EdlDocument ReadFile(string path, FrameRate rate)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"no such EDL file: '{path}'.", path, null, "an existing .edl file");
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

    /// <summary>Parses EDL text; <paramref name="name"/> names it in errors.</summary>
    public static EdlDocument Parse(string text, FrameRate rate, string name = "<edl>")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (rate.TimecodeBase <= 0)
        {
            throw new InputException($"frame rate {rate} cannot count timecode.", name, "rate", "a frame rate such as 24, 23.976 or 29.97");
        }

        var reader = new Reader(rate, name);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            reader.Read(lines[i].TrimEnd('\r', ' ', '\t'), i + 1);
        }

        return reader.Document();
    }

    /// <summary>The state of one pass over a list: the counting in force and the events of the current edit.</summary>
    private sealed class Reader(FrameRate rate, string name)
    {
        private readonly List<EdlEvent> _events = [];
        private readonly List<Diagnostic> _warnings = [];

        // The events sharing the current event number (a dissolve's outgoing and incoming sides).
        private readonly List<int> _group = [];
        private string? _title;
        private string? _fcm;
        private bool _dropFrame;

        // The event the last FROM/TO CLIP NAME named, which a following SOURCE FILE belongs to.
        private int _named = -1;

        public EdlDocument Document() => new()
        {
            Title = _title,
            Rate = rate,
            DropFrame = _dropFrame,
            FrameCodeMode = _fcm,
            Events = _events,
            Warnings = _warnings,
            Name = name,
        };

        public void Read(string line, int number)
        {
            if (line.Trim().Length == 0)
            {
                return;
            }

            if (line.StartsWith("TITLE:", StringComparison.OrdinalIgnoreCase))
            {
                _title = line[6..].Trim();
            }
            else if (line.StartsWith("FCM:", StringComparison.OrdinalIgnoreCase))
            {
                FrameCodeMode(line[4..].Trim(), number);
            }
            else if (EventNumber().IsMatch(line))
            {
                Event(line, number);
            }
            else if (line.StartsWith("M2", StringComparison.Ordinal))
            {
                Retime(line, number);
            }
            else if (line.StartsWith('*'))
            {
                Comment(line, number);
            }
            else if (!IsKnownNote(line))
            {
                throw Error(number, "line", $"'{Shorten(line)}' is not an EDL line.",
                    "TITLE:, FCM:, an event line, M2, a '*' comment, SPLIT: or AUD");
            }
        }

        // Lines editors write that carry nothing for matching: audio patching, split edits, FCP's source notes.
        private static bool IsKnownNote(string line)
            => line.StartsWith("SPLIT:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("AUD", StringComparison.OrdinalIgnoreCase)
               || line.StartsWith(">>>", StringComparison.Ordinal) || line.StartsWith("EFFECTS NAME IS", StringComparison.OrdinalIgnoreCase);

        private void FrameCodeMode(string mode, int number)
        {
            var upper = mode.ToUpperInvariant().Replace('-', ' ');
            if (upper is not ("DROP FRAME" or "NON DROP FRAME" or "NON DROP" or "DROP"))
            {
                throw Error(number, "FCM", $"'FCM: {mode}' is not a frame code mode.", "FCM: DROP FRAME or FCM: NON-DROP FRAME");
            }

            _fcm = mode;
            _dropFrame = upper.StartsWith("DROP", StringComparison.Ordinal);
            if (_dropFrame && !rate.SupportsDropFrame)
            {
                _warnings.Add(Diagnostic.Warning($"FCM says drop frame, but {rate} fps has no drop-frame counting; counting non-drop.", name, $"line {number}: FCM"));
                _dropFrame = false;
            }
        }

        private void Event(string line, int number)
        {
            if (EventLine().Match(line) is not { Success: true } e)
            {
                throw Error(number, "event", $"'{Shorten(line)}' is not a complete event.", EventShape);
            }

            var sourceIn = Label(e.Groups["si"].Value, number, "source in");
            var sourceOut = Label(e.Groups["so"].Value, number, "source out");
            var recordIn = Label(e.Groups["ri"].Value, number, "record in");
            var recordOut = Label(e.Groups["ro"].Value, number, "record out");
            if (sourceOut < sourceIn)
            {
                throw Error(number, "source out", $"source out {sourceOut} comes before source in {sourceIn}.", $"a source out at or after {sourceIn}");
            }

            if (recordOut < recordIn)
            {
                throw Error(number, "record out", $"record out {recordOut} comes before record in {recordIn}.", $"a record out at or after {recordIn}");
            }

            var edit = e.Groups["edit"].Value;
            var duration = e.Groups["dur"].Success ? int.Parse(e.Groups["dur"].Value, CultureInfo.InvariantCulture) : 0;
            if (edit is "D" or ['W', ..] && !e.Groups["dur"].Success)
            {
                throw Error(number, "transition", $"the {(edit == "D" ? "dissolve" : "wipe")} has no duration.", $"'{edit} nnn', the transition's length in frames");
            }

            var eventNumber = int.Parse(e.Groups["num"].Value, CultureInfo.InvariantCulture);
            if (_group.Count == 0 || _events[_group[0]].Number != eventNumber)
            {
                _group.Clear();
                _named = -1;
            }

            var transition = Transition(edit, duration);
            if (transition.Kind != EdlTransitionKind.Cut && _group.Count > 0)
            {
                Update(_group[^1], e => e with { TransitionOutFrames = transition.Frames });
            }

            _group.Add(_events.Count);
            _events.Add(new EdlEvent
            {
                Number = eventNumber,
                Reel = e.Groups["reel"].Value.Trim(),
                Track = e.Groups["track"].Value,
                Transition = transition,
                SourceIn = sourceIn,
                SourceOut = sourceOut,
                RecordIn = recordIn,
                RecordOut = recordOut,
                Line = number,
            });
        }

        private void Retime(string line, int number)
        {
            if (RetimeLine().Match(line) is not { Success: true } m)
            {
                throw Error(number, "M2", $"'{Shorten(line)}' is not a motion effect.", "'M2 REEL SPEED SOURCE-IN', the speed in frames per second such as 048.0, -024.0 or 000.0");
            }

            var reel = m.Groups["reel"].Value.Trim();
            var target = _group.LastOrDefault(g => _events[g].Reel == reel, -1);
            if (target < 0)
            {
                throw Error(number, "M2 reel", $"the M2 for reel '{reel}' follows no event of that reel.",
                    _group.Count == 0 ? "an event before the M2" : $"the reel of event {_events[_group[0]].Number}: {string.Join(" or ", _group.Select(g => $"'{_events[g].Reel}'"))}");
            }

            var speed = decimal.Parse(m.Groups["speed"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var entry = Label(m.Groups["tc"].Value, number, "M2 source in");
            _events[target] = _events[target] with { Retime = new EdlRetime(reel, speed, entry) };
        }

        private void Comment(string line, int number)
        {
            if (_group.Count == 0)
            {
                return; // notes above the first event belong to no event
            }

            var last = _group[^1];
            Update(last, e => e with { Comments = [.. e.Comments, line[1..].Trim()] });
            if (KeyedComment().Match(line) is not { Success: true } c)
            {
                return;
            }

            var value = c.Groups["value"].Value.Trim();
            switch (c.Groups["key"].Value.ToUpperInvariant())
            {
                case "FROM CLIP NAME":
                    // The outgoing side of a dissolve is the first event of the pair.
                    _named = _group[0];
                    Update(_named, e => e with { ClipName = value });
                    break;
                case "TO CLIP NAME":
                    _named = _group[^1];
                    Update(_named, e => e with { ClipName = value });
                    break;
                case "SOURCE FILE":
                    Update(_named >= 0 ? _named : last, e => e with { SourceFile = value });
                    break;
                case "LOC":
                    var locator = Locator(value, number);
                    Update(last, e => e with { Locators = [.. e.Locators, locator] });
                    break;
                case "FDL-UUID":
                    Update(last, e => e with { FdlUuid = value });
                    break;
                case "FDL-FRAMING-DECISION-ID":
                    Update(last, e => e with { FdlFramingDecisionId = value });
                    break;
                case "AMF_UUID" or "AMF-UUID":
                    Update(last, e => e with { AmfUuid = value });
                    break;
            }
        }

        private EdlLocator Locator(string value, int number)
        {
            if (LocatorValue().Match(value) is not { Success: true } l)
            {
                throw Error(number, "LOC", $"'* LOC: {Shorten(value)}' is not a locator.", "'* LOC: HH:MM:SS:FF COLOUR NAME'");
            }

            return new EdlLocator(Label(l.Groups["tc"].Value, number, "LOC timecode"), l.Groups["colour"].Value.ToUpperInvariant(), l.Groups["text"].Value.Trim());
        }

        private void Update(int index, Func<EdlEvent, EdlEvent> change) => _events[index] = change(_events[index]);

        /// <summary>Reads a label; a <c>;</c> (or <c>.</c>, <c>,</c>) before the frames marks drop-frame where the rate has it.</summary>
        private Timecode Label(string text, int number, string field)
        {
            var df = _dropFrame || (rate.SupportsDropFrame && text.IndexOfAny([';', '.', ',']) >= 0);
            try
            {
                return TimecodeMath.Parse(text, rate, df);
            }
            catch (FormatException ex)
            {
                throw Error(number, field, $"{field} '{text}': {ex.Message}",
                    $"HH:MM:SS{(df ? ';' : ':')}FF at {SmpteRate.Of(rate, df).Name} fps{(df ? ", a label that drop-frame counting does not skip" : string.Empty)}");
            }
        }

        private InputException Error(int number, string field, string message, string expected)
            => new($"{name}, line {number}: {message}", name, $"line {number}: {field}", expected);
    }

    private static EdlTransition Transition(string code, int frames) => code[0] switch
    {
        'D' => new EdlTransition(EdlTransitionKind.Dissolve, frames, code),
        'W' => new EdlTransition(EdlTransitionKind.Wipe, frames, code),
        'K' => new EdlTransition(EdlTransitionKind.Key, frames, code),
        _ => new EdlTransition(EdlTransitionKind.Cut, 0, code),
    };

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
