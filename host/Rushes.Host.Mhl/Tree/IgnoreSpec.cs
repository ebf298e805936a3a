using System.Text;
using System.Text.RegularExpressions;

namespace Rushes.Host.Mhl.Tree;

/// <summary>
/// Ignore patterns with .gitignore semantics (ASC MHL spec Appendix C): '#' comments, '!' negation (the
/// last matching pattern wins), a trailing '/' for directories only, a '/' elsewhere anchors the pattern
/// at the root, otherwise it matches a name at any depth; '*', '?', '[...]' and '**'.
/// </summary>
public sealed class IgnoreSpec
{
    /// <summary>The patterns every history starts with (reference <c>default_ignore_list</c>).</summary>
    public static IReadOnlyList<string> Defaults { get; } = [".DS_Store", "ascmhl", "ascmhl/"];

    private readonly List<Rule> _rules = [];

    /// <summary>Patterns: the earlier ones (or the defaults when there are none), then new ones; duplicates dropped.</summary>
    public IgnoreSpec(IEnumerable<string>? existing, IEnumerable<string>? added = null)
    {
        var existingList = existing?.ToList() ?? [];
        foreach (var pattern in (existingList.Count > 0 ? existingList : Defaults).Concat(added ?? []))
        {
            if (!Patterns.Contains(pattern))
            {
                Patterns.Add(pattern);
                if (Rule.TryParse(pattern) is { } rule)
                {
                    _rules.Add(rule);
                }
            }
        }
    }

    /// <summary>The patterns in force, as written into <c>&lt;ignore&gt;</c>.</summary>
    public List<string> Patterns { get; } = [];

    /// <summary>True when a path (relative, '/' separated) is ignored, itself or through a parent folder.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        var parts = relativePath.Split('/');
        for (var i = 1; i <= parts.Length; i++)
        {
            var prefix = string.Join('/', parts, 0, i);
            if (Matches(prefix, i < parts.Length || isDirectory))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the patterns exclude exactly this path (parents not considered).</summary>
    public bool Matches(string relativePath, bool isDirectory)
    {
        var ignored = false;
        foreach (var rule in _rules)
        {
            if ((!rule.DirectoryOnly || isDirectory) && rule.Regex.IsMatch(relativePath))
            {
                ignored = !rule.Negated;
            }
        }

        return ignored;
    }

    private sealed record Rule(Regex Regex, bool Negated, bool DirectoryOnly)
    {
        public static Rule? TryParse(string line)
        {
            var text = line.TrimEnd(' ');
            if (text.Length == 0 || text.StartsWith('#'))
            {
                return null;
            }

            var negated = text.StartsWith('!');
            if (negated || text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal))
            {
                text = text[1..];
            }

            var directoryOnly = text.EndsWith('/');
            text = text.TrimEnd('/');
            if (text.Length == 0)
            {
                return null;
            }

            // A slash at the start or in the middle anchors the pattern to the root.
            var anchored = text.Contains('/', StringComparison.Ordinal);
            text = text.TrimStart('/');
            var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
            regex.Append(Translate(text)).Append('$');
            return new Rule(new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), negated, directoryOnly);
        }

        private static string Translate(string glob)
        {
            var regex = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    var atStart = i == 0 || glob[i - 1] == '/';
                    var atEnd = i + 2 == glob.Length || glob[i + 2] == '/';
                    if (atStart && atEnd)
                    {
                        // "**/" matches zero or more folders; a final "**" matches everything inside.
                        if (i + 2 < glob.Length)
                        {
                            regex.Append("(?:.*/)?");
                            i += 2;
                        }
                        else
                        {
                            regex.Append(".*");
                            i += 1;
                        }

                        continue;
                    }
                }

                switch (c)
                {
                    case '*': regex.Append("[^/]*"); break;
                    case '?': regex.Append("[^/]"); break;
                    case '\\' when i + 1 < glob.Length: regex.Append(Regex.Escape(glob[++i].ToString())); break;
                    case '[':
                        var close = glob.IndexOf(']', i + 2);
                        if (close < 0)
                        {
                            regex.Append("\\[");
                            break;
                        }

                        var set = glob[(i + 1)..close];
                        if (set.StartsWith('!'))
                        {
                            set = "^" + set[1..];
                        }

                        regex.Append('[').Append(set.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                        i = close;
                        break;
                    default: regex.Append(Regex.Escape(c.ToString())); break;
                }
            }

            return regex.ToString();
        }
    }
}
