using System.Collections;

namespace Rushes.Contracts.Metadata;

/// <summary>
/// An immutable, ordered set of named metadata values. Vendor keys are namespaced by their source
/// (<c>EXIF:FNumber</c>, <c>DNG:AsShotNeutral</c>, <c>Sony:LensModelName</c>) so that nothing is lost or merged.
/// </summary>
public sealed class MetadataSet : IReadOnlyList<KeyValuePair<string, MetadataValue>>
{
    private readonly KeyValuePair<string, MetadataValue>[] _entries;
    private readonly Dictionary<string, int> _index;

    /// <summary>An empty set.</summary>
    public static MetadataSet Empty { get; } = new([]);

    /// <summary>Makes a set from entries in order; a later entry with the same key replaces the earlier one in place.</summary>
    public MetadataSet(IEnumerable<KeyValuePair<string, MetadataValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<string, MetadataValue>>();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            ArgumentException.ThrowIfNullOrEmpty(entry.Key);
            ArgumentNullException.ThrowIfNull(entry.Value);
            if (_index.TryGetValue(entry.Key, out var at))
            {
                list[at] = entry;
            }
            else
            {
                _index[entry.Key] = list.Count;
                list.Add(entry);
            }
        }

        _entries = [.. list];
    }

    /// <summary>How many entries.</summary>
    public int Count => _entries.Length;

    /// <summary>The entry at a position.</summary>
    public KeyValuePair<string, MetadataValue> this[int index] => _entries[index];

    /// <summary>The value for a key, or a missing value that says the source did not carry it.</summary>
    public MetadataValue this[string key]
        => _index.TryGetValue(key, out var at) ? _entries[at].Value : MetadataValue.Missing($"the source has no '{key}'");

    /// <summary>True when the key is present.</summary>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>Looks a key up.</summary>
    public bool TryGetValue(string key, out MetadataValue value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _entries[at].Value;
            return true;
        }

        value = MetadataValue.Missing($"the source has no '{key}'");
        return false;
    }

    /// <summary>Starts a builder.</summary>
    public static Builder Create() => new();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, MetadataValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, MetadataValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Collects entries in order.</summary>
    public sealed class Builder
    {
        private readonly List<KeyValuePair<string, MetadataValue>> _entries = [];

        /// <summary>Adds (or later replaces) a value.</summary>
        public Builder Set(string key, MetadataValue value)
        {
            _entries.Add(new(key, value));
            return this;
        }

        /// <summary>Freezes the set.</summary>
        public MetadataSet Build() => new(_entries);
    }
}
