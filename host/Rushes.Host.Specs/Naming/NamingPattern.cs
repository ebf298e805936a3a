using System.Globalization;
using System.Text;

namespace Rushes.Host.Specs.Naming;

/// <summary>
/// A deliverable's file-name pattern: literal text with tokens in single braces, <c>{shot}</c>, and
/// zero padding for numbers, <c>{frame:0000000}</c> (as many digits as zeros). Single braces keep
/// patterns readable inside Scriban templates, whose own code blocks use double braces.
/// </summary>
public sealed class NamingPattern
{
    /// <summary>The tokens a pattern may use; all but <c>frame</c> come from the job and the clip.</summary>
    public static IReadOnlySet<string> Tokens { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        "show", "episode", "sequence", "shot", "clip", "reel", "camera", "version", "deliverable",
        "width", "height", "resolution", "frame", "date",
    };

    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal) { "frame", "version", "width", "height" };

    private readonly IReadOnlyList<Segment> segments;

    private NamingPattern(string text, IReadOnlyList<Segment> segments)
    {
        Text = text;
        this.segments = segments;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True when each frame gets its own file (image sequences).</summary>
    public bool HasFrame => segments.Any(s => s.Token == "frame");

    /// <summary>The tokens used, in order of appearance.</summary>
    public IEnumerable<string> UsedTokens => segments.Where(s => s.Token is not null).Select(s => s.Token!);

    /// <summary>Parses a pattern; problems come back as messages, never as exceptions.</summary>
    public static NamingPattern? TryParse(string text, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var parts = new List<Segment>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                found.Add($"unmatched '}}' at position {i + 1}");
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                found.Add($"unclosed '{{' at position {i + 1}");
                break;
            }

            if (literal.Length > 0)
            {
                parts.Add(new Segment(literal.ToString(), null, 0));
                literal.Clear();
            }

            var body = text[(i + 1)..close];
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? body : body[..colon];
            var padding = colon < 0 ? string.Empty : body[(colon + 1)..];
            if (!Tokens.Contains(name))
            {
                found.Add($"unknown token '{{{name}}}' (known: {string.Join(", ", Tokens)})");
            }
            else if (padding.Length > 0 && (!Numeric.Contains(name) || padding.Any(p => p != '0') || padding.Length > 12))
            {
                found.Add($"'{{{body}}}': padding is 1 to 12 zeros, and only for {string.Join(", ", Numeric.Order(StringComparer.Ordinal))}");
            }

            parts.Add(new Segment(null, name, padding.Length));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Segment(literal.ToString(), null, 0));
        }

        CheckPath(text, found);
        problems = found;
        return found.Count == 0 ? new NamingPattern(text, parts) : null;
    }

    /// <summary>
    /// The file name (possibly with sub-folders) for one frame, or for the whole deliverable when
    /// <paramref name="frame"/> is null. Token values are made safe for a path segment.
    /// </summary>
    public string Format(IReadOnlyDictionary<string, string> values, long? frame)
    {
        ArgumentNullException.ThrowIfNull(values);
        var name = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Literal is not null)
            {
                name.Append(segment.Literal);
                continue;
            }

            if (segment.Token == "frame")
            {
                var number = frame ?? throw new InvalidOperationException($"The pattern '{Text}' names frames; give a frame number.");
                name.Append(number.ToString(CultureInfo.InvariantCulture).PadLeft(segment.Padding, '0'));
                continue;
            }

            if (!values.TryGetValue(segment.Token!, out var value) || value.Length == 0)
            {
                throw new KeyNotFoundException($"No value for the naming token '{{{segment.Token}}}' of '{Text}'.");
            }

            value = SafeSegment(value);
            name.Append(segment.Padding > 0 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture).PadLeft(segment.Padding, '0')
                : value);
        }

        return name.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    // Token values come from camera metadata and job variables: never let one climb out of the
    // output folder or make a name the file systems of a fleet disagree on.
    private static string SafeSegment(string value)
    {
        var chars = value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var text = new string(chars);
        return text.Trim('.') is { Length: > 0 } trimmed ? trimmed : "_";
    }

    private static void CheckPath(string text, List<string> found)
    {
        if (text.Length == 0)
        {
            found.Add("the pattern is empty");
            return;
        }

        if (Path.IsPathRooted(text) || text.StartsWith('/') || text.StartsWith('\\'))
        {
            found.Add("the pattern must be a relative path inside the output folder");
        }

        if (text.Split('/', '\\').Any(part => part is ".." or "." || part.Length == 0))
        {
            found.Add("the pattern's folders may not be empty, '.' or '..'");
        }

        if (Literals(text).IndexOfAny(['\0', ':', '*', '?', '"', '<', '>', '|', '\\']) >= 0)
        {
            found.Add("the pattern holds a character that is not portable in file names (\\ : * ? \" < > | or NUL)");
        }
    }

    // The text outside braces: a token's own ':' (padding) is not part of the name.
    private static string Literals(string text)
    {
        var literal = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '{' ? 1 : 0;
            if (depth == 0)
            {
                literal.Append(c);
            }

            depth -= c == '}' && depth > 0 ? 1 : 0;
        }

        return literal.ToString();
    }

    private sealed record Segment(string? Literal, string? Token, int Padding);
}
