using System.Globalization;
using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Parameters;

/// <summary>
/// Values given for declared parameters, as invariant text, read back typed with the definitions'
/// defaults filling the gaps.
/// </summary>
public sealed class ParameterValues
{
    private readonly Dictionary<string, string> _values;

    /// <summary>No values: every parameter takes its default.</summary>
    public static ParameterValues Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Makes a set of values; names compare case-insensitively.</summary>
    public ParameterValues(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
    }

    /// <summary>The values that were given, by name.</summary>
    public IReadOnlyDictionary<string, string> Given => _values;

    /// <summary>
    /// Checks every given value against the definitions: unknown names, wrong types, values out of
    /// range, and required parameters left out. <paramref name="owner"/> names the plugin or deliverable in messages.
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate(IReadOnlyList<ParameterDefinition> definitions, string owner)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var found = new List<Diagnostic>();
        foreach (var name in _values.Keys.Where(n => !definitions.Any(d => string.Equals(d.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            found.Add(Diagnostic.Error($"{owner} has no parameter '{name}'", field: name,
                expected: definitions.Count == 0 ? "no parameters" : $"one of {string.Join(", ", definitions.Select(d => d.Name))}"));
        }

        foreach (var definition in definitions)
        {
            _values.TryGetValue(definition.Name, out var value);
            var expected = definition.Check(value);
            if (expected is not null)
            {
                found.Add(Diagnostic.Error(value is null ? $"{owner} needs '{definition.Name}'" : $"{owner}: '{value}' is not a valid {definition.Name}", field: definition.Name, expected: expected));
            }
        }

        return found;
    }

    /// <summary>The value of a parameter as text, falling back to its default.</summary>
    public string? GetText(ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _values.TryGetValue(definition.Name, out var value) ? value : definition.Default;
    }

    /// <summary>The value of a Boolean parameter.</summary>
    public bool GetBoolean(ParameterDefinition definition)
        => bool.Parse(Require(definition));

    /// <summary>The value of an Integer parameter.</summary>
    public long GetInteger(ParameterDefinition definition)
        => long.Parse(Require(definition), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The value of a Number parameter.</summary>
    public double GetNumber(ParameterDefinition definition)
        => double.Parse(Require(definition), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A copy with one value set.</summary>
    public ParameterValues With(string name, string value)
        => new(_values.Where(kv => !string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Append(new(name, value)));

    private string Require(ParameterDefinition definition)
        => GetText(definition) ?? throw new InputException($"No value for '{definition.Name}' and no default.", field: definition.Name, expected: definition.Type.ToString());
}
