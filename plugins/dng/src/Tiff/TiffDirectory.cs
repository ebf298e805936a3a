namespace Rushes.Plugins.Dng.Tiff;

/// <summary>Which part of the file a directory is: its place in the TIFF tree names its vendor metadata.</summary>
internal enum TiffDirectoryKind
{
    Main,
    SubIfd,
    Exif,
    Gps,
}

/// <summary>One image file directory: its fields by tag, in file order, and where it sits in the tree.</summary>
internal sealed class TiffDirectory(TiffDirectoryKind kind, string name, long offset, IReadOnlyList<TiffEntry> entries)
{
    private readonly Dictionary<ushort, TiffEntry> _byTag = entries.GroupBy(e => e.Tag).ToDictionary(g => g.Key, g => g.First());

    public TiffDirectoryKind Kind { get; } = kind;

    /// <summary>IFD0, IFD1, SubIFD1, EXIF, GPS: how messages and metadata name it.</summary>
    public string Name { get; } = name;

    public long Offset { get; } = offset;

    public IReadOnlyList<TiffEntry> Entries { get; } = entries;

    public TiffEntry? this[ushort tag] => _byTag.GetValueOrDefault(tag);

    public bool Has(ushort tag) => _byTag.ContainsKey(tag);
}
