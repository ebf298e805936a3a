using System.Globalization;

namespace Rushes.Host.Farm.Tests.OpenJd;

/// <summary>
/// The integer range expression of OpenJD 2023-09 (§3.4.1.1.1), parsed from its grammar:
/// comma-separated elements, each an integer, a range <c>x-y</c> or a range with a step <c>x-y:n</c>,
/// with spaces or tabs around the parts, no two ranges overlapping, the values in increasing order.
/// </summary>
public static class RangeExpression
{
    /// <summary>The values, or an error that says why the expression is not one.</summary>
    public static IReadOnlyList<long> Expand(string expression)
    {
        var elements = new List<(long First, long Last, List<long> Values)>();
        foreach (var part in expression.Split(','))
        {
            elements.Add(Element(part, expression));
        }

        // "No two ranges in the expression are allowed to overlap": their written bounds may not meet
        // (the specification's own example refuses 1-10:4,10-15 although 10 is not among 1, 5, 9).
        var ordered = elements.OrderBy(e => e.First).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].First <= ordered[i - 1].Last)
            {
                throw new FormatException($"range expression '{expression}': the elements {ordered[i - 1].First}-{ordered[i - 1].Last} and {ordered[i].First}-{ordered[i].Last} overlap");
            }
        }

        return [.. ordered.SelectMany(e => e.Values).Order()];
    }

    private static (long First, long Last, List<long> Values) Element(string text, string expression)
    {
        var cursor = new Cursor(text, expression);
        cursor.Spaces();
        var first = cursor.Integer();
        cursor.Spaces();
        if (cursor.AtEnd)
        {
            return (first, first, [first]);
        }

        cursor.Expect('-');
        cursor.Spaces();
        var last = cursor.Integer();
        cursor.Spaces();
        long step = 1;
        if (!cursor.AtEnd)
        {
            // <SkipRange> ::= <Range>:<Skip>; a skip is a non-zero base-10 number.
            cursor.Expect(':');
            step = cursor.Integer();
            cursor.Spaces();
            if (step == 0 || !cursor.AtEnd)
            {
                throw new FormatException($"range expression '{expression}': '{text}' has a zero or malformed step");
            }
        }

        // x-y is {x} and x+m for m > 0 up to y; with a step n, x+mn up to y (n > 0) or down to y (n < 0).
        var values = new List<long> { first };
        if (step > 0)
        {
            for (var v = first + step; v <= last; v += step)
            {
                values.Add(v);
            }
        }
        else
        {
            for (var v = first + step; v >= last; v += step)
            {
                values.Add(v);
            }
        }

        return (Math.Min(first, last), Math.Max(first, last), values);
    }

    private sealed class Cursor(string text, string expression)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        public void Spaces()
        {
            while (!AtEnd && text[_at] is ' ' or '\t')
            {
                _at++;
            }
        }

        public void Expect(char c)
        {
            if (AtEnd || text[_at] != c)
            {
                throw new FormatException($"range expression '{expression}': expected '{c}' at '{text[_at..]}'");
            }

            _at++;
        }

        public long Integer()
        {
            var start = _at;
            if (!AtEnd && text[_at] is '-' or '+')
            {
                _at++;
            }

            while (!AtEnd && char.IsAsciiDigit(text[_at]))
            {
                _at++;
            }

            return long.TryParse(text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"range expression '{expression}': expected an integer at '{text[start..]}'");
        }
    }
}
