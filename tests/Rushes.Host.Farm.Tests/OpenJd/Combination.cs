namespace Rushes.Host.Farm.Tests.OpenJd;

/// <summary>
/// A step's combination expression (OpenJD 2023-09 §3.4.3): products (<c>A * B</c>) and associations
/// (<c>(A, B)</c>, which pair values of equal-length parameters), parsed from the grammar.
/// </summary>
public sealed class Combination
{
    private readonly Node _root;
    private readonly string _text;
    private int _at;

    /// <summary>Parses an expression; a malformed one is a <see cref="FormatException"/>.</summary>
    public Combination(string text)
    {
        _text = text;
        _root = Product();
        Spaces();
        if (_at != _text.Length)
        {
            throw Error("unexpected text");
        }
    }

    /// <summary>Checks that each task parameter occurs exactly once and associated lengths agree (sizes of -1 are unknown).</summary>
    public void Check(IReadOnlyDictionary<string, int> sizes)
    {
        var names = _root.Names().ToList();
        foreach (var name in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new FormatException($"'{name.Key}' occurs more than once");
        }

        foreach (var name in names.Where(n => !sizes.ContainsKey(n)))
        {
            throw new FormatException($"'{name}' is not a task parameter of the step");
        }

        foreach (var name in sizes.Keys.Where(n => !names.Contains(n)))
        {
            throw new FormatException($"the task parameter '{name}' is missing");
        }

        _root.Size(sizes);
    }

    /// <summary>Every combination of the parameters' values.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Product(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
        => _root.Expand(values);

    private Node Product()
    {
        var factors = new List<Node> { Element() };
        while (Next('*'))
        {
            factors.Add(Element());
        }

        return factors.Count == 1 ? factors[0] : new Node(NodeKind.Product, null, factors);
    }

    private Node Element()
    {
        if (Next('('))
        {
            var members = new List<Node> { Product() };
            while (Next(','))
            {
                members.Add(Product());
            }

            return Next(')') ? new Node(NodeKind.Association, null, members) : throw Error("expected ')'");
        }

        Spaces();
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '_'))
        {
            _at++;
        }

        return _at > start && !char.IsAsciiDigit(_text[start]) ? new Node(NodeKind.Parameter, _text[start.._at], []) : throw Error("expected a task parameter name or '('");
    }

    private bool Next(char c)
    {
        Spaces();
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void Spaces()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }

    private FormatException Error(string what) => new($"combination '{_text}': {what} at {_at}");

    private enum NodeKind
    {
        Parameter,
        Product,
        Association,
    }

    private sealed record Node(NodeKind Kind, string? Name, IReadOnlyList<Node> Children)
    {
        public IEnumerable<string> Names() => Kind == NodeKind.Parameter ? [Name!] : Children.SelectMany(c => c.Names());

        public int Size(IReadOnlyDictionary<string, int> sizes)
        {
            switch (Kind)
            {
                case NodeKind.Parameter:
                    return sizes[Name!];
                case NodeKind.Product:
                    var all = Children.Select(c => c.Size(sizes)).ToList();
                    return all.Any(s => s < 0) ? -1 : all.Aggregate(1, (a, b) => a * b);
                default:
                    var known = Children.Select(c => c.Size(sizes)).Where(s => s >= 0).Distinct().ToList();
                    return known.Count > 1 ? throw new FormatException($"the associated expressions have different numbers of values ({string.Join(", ", known)})") : known.Count == 1 ? known[0] : -1;
            }
        }

        public IReadOnlyList<IReadOnlyDictionary<string, string>> Expand(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
        {
            switch (Kind)
            {
                case NodeKind.Parameter:
                    return [.. values[Name!].Select(v => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal) { [Name!] = v })];
                case NodeKind.Product:
                    IReadOnlyList<IReadOnlyDictionary<string, string>> product = [new Dictionary<string, string>(StringComparer.Ordinal)];
                    foreach (var child in Children)
                    {
                        var expanded = child.Expand(values);
                        product = [.. product.SelectMany(left => expanded.Select(right => Merge(left, right)))];
                    }

                    return product;
                default:
                    var columns = Children.Select(c => c.Expand(values)).ToList();
                    return [.. Enumerable.Range(0, columns[0].Count).Select(i => columns.Select(c => c[i]).Aggregate(Merge))];
            }
        }

        private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
            => new Dictionary<string, string>(left.Concat(right), StringComparer.Ordinal);
    }
}
