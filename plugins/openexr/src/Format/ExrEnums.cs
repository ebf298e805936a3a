namespace Rushes.Plugins.OpenExr.Format;

/// <summary>Chunk compression methods, numbered as the <c>compression</c> attribute stores them (OpenEXR File Layout).</summary>
internal enum ExrCompression : byte
{
    None = 0,
    Rle = 1,
    Zips = 2,
    Zip = 3,
    Piz = 4,
    Pxr24 = 5,
    B44 = 6,
    B44A = 7,
    Dwaa = 8,
    Dwab = 9,
}

/// <summary>Sample types of a channel, numbered as the <c>chlist</c> attribute stores them.</summary>
internal enum ExrPixelType
{
    UInt = 0,
    Half = 1,
    Float = 2,
}

/// <summary>The order in which scanline chunks are stored.</summary>
internal enum ExrLineOrder : byte
{
    IncreasingY = 0,
    DecreasingY = 1,
    RandomY = 2,
}

internal static class ExrFormat
{
    /// <summary>The magic number that opens every OpenEXR file (20000630, little-endian).</summary>
    public const int Magic = 20000630;

    /// <summary>File format version 2, in the low byte of the version field.</summary>
    public const int Version = 2;

    /// <summary>Version-field flag: the single part is tiled.</summary>
    public const int TiledFlag = 0x200;

    /// <summary>Version-field flag: attribute and channel names may be up to 255 bytes (else 31).</summary>
    public const int LongNamesFlag = 0x400;

    /// <summary>Version-field flag: the file holds deep data.</summary>
    public const int NonImageFlag = 0x800;

    /// <summary>Version-field flag: the file has several parts.</summary>
    public const int MultipartFlag = 0x1000;

    /// <summary>How many scanlines one chunk holds for each compression (OpenEXR Technical Introduction, "Data Compression").</summary>
    public static int LinesPerChunk(ExrCompression compression) => compression switch
    {
        ExrCompression.None or ExrCompression.Rle or ExrCompression.Zips => 1,
        ExrCompression.Zip or ExrCompression.Pxr24 => 16,
        ExrCompression.Piz or ExrCompression.B44 or ExrCompression.B44A or ExrCompression.Dwaa => 32,
        ExrCompression.Dwab => 256,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, null),
    };

    public static int BytesPerSample(ExrPixelType type) => type == ExrPixelType.Half ? 2 : 4;

    public static string Name(ExrCompression compression) => compression switch
    {
        ExrCompression.None => "none",
        ExrCompression.Rle => "rle",
        ExrCompression.Zips => "zips",
        ExrCompression.Zip => "zip",
        ExrCompression.Piz => "piz",
        ExrCompression.Pxr24 => "pxr24",
        ExrCompression.B44 => "b44",
        ExrCompression.B44A => "b44a",
        ExrCompression.Dwaa => "dwaa",
        ExrCompression.Dwab => "dwab",
        _ => $"unknown ({(int)compression})",
    };
}

/// <summary>An integer rectangle, both corners included, as <c>box2i</c> stores it.</summary>
internal readonly record struct Box2i(int MinX, int MinY, int MaxX, int MaxY)
{
    public long Width => (long)MaxX - MinX + 1;

    public long Height => (long)MaxY - MinY + 1;

    public override string ToString() => $"({MinX} {MinY}) - ({MaxX} {MaxY})";
}

/// <summary>One channel of the <c>channels</c> attribute.</summary>
internal sealed record ExrChannel(string Name, ExrPixelType Type, bool Linear = false, int XSampling = 1, int YSampling = 1)
{
    public int BytesPerSample => ExrFormat.BytesPerSample(Type);
}

/// <summary>The <c>tiles</c> attribute of a tiled file.</summary>
internal readonly record struct TileDescription(int Width, int Height, int LevelMode, int RoundingMode);
