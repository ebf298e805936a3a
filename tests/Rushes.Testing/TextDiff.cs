namespace Rushes.Testing;

/// <summary>Describes where two texts first part ways, line by line.</summary>
public static class TextDiff
{
    /// <summary>The first differing line, with both versions.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"line {i + 1}: expected «{el}», received «{al}»";
            }
        }

        return "the texts differ only in line endings";
    }
}
