using System.Text.RegularExpressions;

namespace Rushes.Host.Farm.Tests.OpenJd;

/// <summary>
/// Format strings of OpenJD 2023-09 (§7.3): text with <c>{{ Name }}</c> interpolations, where a name is
/// dotted identifiers. Finds the references, refuses malformed ones, and resolves them from values.
/// </summary>
public static partial class FormatStrings
{
    /// <summary>The dotted names a format string refers to; malformed interpolations are errors.</summary>
    public static IReadOnlyList<string> References(string text)
    {
        var names = new List<string>();
        var at = 0;
        while (true)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"format string '{text}': '{{{{' at {open} is never closed");
            }

            var name = text[(open + 2)..close].Trim(' ', '\t');
            if (!Name().IsMatch(name))
            {
                throw new FormatException($"format string '{text}': '{name}' is not a value reference (dotted identifiers)");
            }

            names.Add(name);
            at = close + 2;
        }

        return names;
    }

    /// <summary>The format string with each reference replaced by its value.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> values)
        => Interpolation().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new KeyNotFoundException($"format string '{text}': no value for '{m.Groups[1].Value}'"));

    // <Name> ::= <Name> "." <Identifier> | <Identifier>, identifiers as §7.1.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\{\{[ \t]*([A-Za-z0-9_.]+)[ \t]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Interpolation();
}
