using System.Collections.Frozen;

namespace Rushes.Contracts.Plugins;

/// <summary>
/// Features a component supports, each with an optional list of values, queried by name so that
/// new features never break binary compatibility (the OpenImageIO <c>supports()</c> model).
/// Well-known names are in <see cref="CapabilityNames"/>; plugins may add their own, reverse-DNS style.
/// </summary>
public sealed class Capabilities
{
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _features;

    /// <summary>No capabilities.</summary>
    public static Capabilities None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    private Capabilities(IDictionary<string, IReadOnlyList<string>> features)
        => _features = features.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every feature name with its values, in ordinal name order.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Features
        => _features.OrderBy(f => f.Key, StringComparer.Ordinal);

    /// <summary>True when the feature is declared.</summary>
    public bool Supports(string feature) => _features.ContainsKey(feature);

    /// <summary>True when the feature is declared with this value (ordinal, case-insensitive).</summary>
    public bool Supports(string feature, string value)
        => _features.TryGetValue(feature, out var values) && values.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The values declared for a feature, or an empty list.</summary>
    public IReadOnlyList<string> ValuesOf(string feature)
        => _features.TryGetValue(feature, out var values) ? values : [];

    /// <summary>Starts an empty set.</summary>
    public static Builder Create() => new();

    /// <summary>Builds an immutable <see cref="Capabilities"/>.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, List<string>> _features = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Declares a feature, adding any values to those already declared.</summary>
        public Builder Add(string feature, params string[] values)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(feature);
            if (!_features.TryGetValue(feature, out var list))
            {
                _features[feature] = list = [];
            }

            foreach (var value in values)
            {
                if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(value);
                }
            }

            return this;
        }

        /// <summary>Freezes the declared features.</summary>
        public Capabilities Build()
            => new(_features.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
    }
}
