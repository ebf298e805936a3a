using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Rushes.Host.Specs.Reading;

/// <summary>
/// Typed reads of one YAML mapping that record a located issue for every missing, unknown or
/// mistyped field instead of throwing, so that one pass reports every problem.
/// </summary>
internal sealed class YamlFields(YamlMappingNode node, string path, string file, List<SpecIssue> issues)
{
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public int Line => (int)node.Start.Line;

    public YamlNode? Node(string key)
    {
        read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public string? Text(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    Problem(key, "is missing", Line);
                }

                return null;
            case YamlScalarNode { Value: { } value } when value.Length > 0:
                return value;
            case var other:
                Problem(key, "expected a non-empty text", other);
                return null;
        }
    }

    public long? Integer(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(key, $"expected a whole number, found '{text}'", Node(key)!);
        return null;
    }

    public bool? Boolean(string key)
    {
        var text = Text(key);
        return text switch
        {
            null => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => Fail(),
        };

        bool? Fail()
        {
            Problem(key, $"expected true or false, found '{text}'", Node(key)!);
            return null;
        }
    }

    public YamlFields? Mapping(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    Problem(key, "is missing", Line);
                }

                return null;
            case YamlMappingNode mapping:
                return new YamlFields(mapping, Child(key), file, issues);
            case var other:
                Problem(key, "expected a mapping of fields", other);
                return null;
        }
    }

    public IReadOnlyList<YamlNode> Sequence(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    Problem(key, "is missing", Line);
                }

                return [];
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case var other:
                Problem(key, "expected a list", other);
                return [];
        }
    }

    /// <summary>A mapping of scalar values (deliverable options), keys in order.</summary>
    public IReadOnlyDictionary<string, string> Scalars(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapping = Node(key);
        if (mapping is null)
        {
            return result;
        }

        if (mapping is not YamlMappingNode map)
        {
            Problem(key, "expected a mapping of option names to values", mapping);
            return result;
        }

        foreach (var (name, value) in map.Children)
        {
            if (name is YamlScalarNode { Value: { Length: > 0 } optionName } && value is YamlScalarNode { Value: { } optionValue })
            {
                result[optionName] = optionValue;
            }
            else
            {
                issues.Add(new SpecIssue("expected 'name: value' with a plain value", file, (int)name.Start.Line, (int)name.Start.Column, Child(key)));
            }
        }

        return result;
    }

    /// <summary>Reports keys nobody asked for: a typo must not silently drop a setting.</summary>
    public void RejectUnknown()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!read.Contains(name))
            {
                issues.Add(new SpecIssue($"unknown field '{name}' (known here: {string.Join(", ", read.Order(StringComparer.Ordinal))})", file, (int)key.Start.Line, (int)key.Start.Column, Child(name)));
            }
        }
    }

    public string Child(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public void Problem(string key, string message, YamlNode at) =>
        issues.Add(new SpecIssue(message, file, (int)at.Start.Line, (int)at.Start.Column, Child(key)));

    public void Problem(string key, string message, int line) =>
        issues.Add(new SpecIssue(message, file, line, null, Child(key)));
}
