namespace Rushes.Host.Colour;

/// <summary>
/// Ranks known names by how close they are to a name that was not found, so an error can suggest
/// what was meant: the better of a normalised edit distance over the whole name and the overlap of
/// its tokens (split at punctuation and case changes, so "SLog3" and "SLOG3-SGAMUT3" share "slog3").
/// </summary>
public static class NameSimilarity
{
    /// <summary>The <paramref name="count"/> names most like <paramref name="query"/>, best first.</summary>
    public static IReadOnlyList<string> Nearest(string query, IEnumerable<string> names, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        var queryTokens = Tokens(query);
        return [.. names
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => (Name: name, Score: Score(query, queryTokens, name)))
            .OrderByDescending(n => n.Score)
            .ThenBy(n => n.Name.Length)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(n => n.Name)];
    }

    /// <summary>A similarity from 0 (nothing alike) to 1 (equal but for case).</summary>
    public static double Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Score(a, Tokens(a), b);
    }

    private static double Score(string query, HashSet<string> queryTokens, string name)
    {
        var longest = Math.Max(query.Length, name.Length);
        var edit = longest == 0 ? 1 : 1 - ((double)EditDistance(query.ToUpperInvariant(), name.ToUpperInvariant()) / longest);
        var tokens = Tokens(name);
        var union = queryTokens.Union(tokens).Count();
        var overlap = union == 0 ? 0 : (double)queryTokens.Intersect(tokens).Count() / union;
        return Math.Max(edit, overlap);
    }

    private static HashSet<string> Tokens(string name)
    {
        var tokens = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetterOrDigit(name[i])
                || (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (boundary && start >= 0)
            {
                tokens.Add(name[start..i].ToLowerInvariant());
                start = -1;
            }

            if (i < name.Length && char.IsLetterOrDigit(name[i]) && start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    /// <summary>The Levenshtein distance, in two rows.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
