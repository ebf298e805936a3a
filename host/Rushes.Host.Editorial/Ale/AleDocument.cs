using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Ale;

/// <summary>
/// An Avid Log Exchange file: the heading (FIELD_DELIM, VIDEO_FORMAT, FPS...), the column names in order,
/// and one row per clip. Values are kept as text, as ALE has no types; column names are case-insensitive.
/// </summary>
public sealed record AleDocument
{
    /// <summary>Heading entries in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Heading { get; init; } = [];

    /// <summary>Column names in order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Rows: one value per column (empty when blank).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    /// <summary>A heading value, or null.</summary>
    public string? HeadingValue(string key) => Heading.FirstOrDefault(h => string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The heading's FPS as an exact rate (23.976 is 24000/1001), or null when the heading has none.</summary>
    public FrameRate? Rate => HeadingValue("FPS") is { } fps && FrameRate.TryParse(fps, out var rate) ? rate : null;

    /// <summary>The heading's VIDEO_FORMAT (<c>1080</c>, <c>720</c>, <c>NTSC</c>, <c>PAL</c>, <c>CUSTOM</c>...), or null.</summary>
    public string? VideoFormat => HeadingValue("VIDEO_FORMAT");

    /// <summary>The index of a column, or -1.</summary>
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A row's value in a named column, or null when the column is absent or the cell empty.</summary>
    public string? Value(int row, string column)
    {
        var index = ColumnIndex(column);
        return index < 0 || string.IsNullOrEmpty(Rows[row][index]) ? null : Rows[row][index];
    }

    /// <summary>Compares content, not list identities.</summary>
    public bool Equals(AleDocument? other)
        => other is not null && Heading.SequenceEqual(other.Heading) && Columns.SequenceEqual(other.Columns)
           && Rows.Count == other.Rows.Count && Rows.Zip(other.Rows).All(p => p.First.SequenceEqual(p.Second));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Columns.Count, Rows.Count);
}
