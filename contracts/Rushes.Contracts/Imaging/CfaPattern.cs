namespace Rushes.Contracts.Imaging;

/// <summary>The colour a photosite of a colour filter array sees.</summary>
public enum CfaColour : byte
{
    /// <summary>Red.</summary>
    Red = 0,

    /// <summary>Green.</summary>
    Green = 1,

    /// <summary>Blue.</summary>
    Blue = 2,

    /// <summary>Cyan.</summary>
    Cyan = 3,

    /// <summary>Magenta.</summary>
    Magenta = 4,

    /// <summary>Yellow.</summary>
    Yellow = 5,

    /// <summary>White (unfiltered).</summary>
    White = 6,
}

/// <summary>
/// The repeating tile of a colour filter array, such as the 2×2 Bayer RGGB or the 6×6 X-Trans,
/// as DNG's CFARepeatPatternDim and CFAPattern describe it.
/// </summary>
public sealed class CfaPattern : IEquatable<CfaPattern>
{
    private readonly CfaColour[] _colours;

    /// <summary>Makes a pattern from its tile, row by row.</summary>
    public CfaPattern(int width, int height, IReadOnlyList<CfaColour> colours)
    {
        ArgumentNullException.ThrowIfNull(colours);
        if (width is < 1 or > 8 || height is < 1 or > 8 || colours.Count != width * height)
        {
            throw new ArgumentOutOfRangeException(nameof(colours), $"A CFA tile is 1 to 8 photosites each way with one colour per photosite; got {width}×{height} with {colours.Count} colours.");
        }

        Width = width;
        Height = height;
        _colours = [.. colours];
    }

    /// <summary>Red, green / green, blue.</summary>
    public static CfaPattern Rggb { get; } = Parse("RGGB");

    /// <summary>Blue, green / green, red.</summary>
    public static CfaPattern Bggr { get; } = Parse("BGGR");

    /// <summary>Green, red / blue, green.</summary>
    public static CfaPattern Grbg { get; } = Parse("GRBG");

    /// <summary>Green, blue / red, green.</summary>
    public static CfaPattern Gbrg { get; } = Parse("GBRG");

    /// <summary>Tile width.</summary>
    public int Width { get; }

    /// <summary>Tile height.</summary>
    public int Height { get; }

    /// <summary>True for a 2×2 red-green-blue Bayer tile.</summary>
    public bool IsBayer => Width == 2 && Height == 2
        && ((_colours[0] == CfaColour.Green && _colours[3] == CfaColour.Green) || (_colours[1] == CfaColour.Green && _colours[2] == CfaColour.Green))
        && _colours.Contains(CfaColour.Red) && _colours.Contains(CfaColour.Blue);

    /// <summary>The colour of the photosite at image position (x, y).</summary>
    public CfaColour ColourAt(int x, int y) => _colours[(Wrap(y, Height) * Width) + Wrap(x, Width)];

    /// <summary>The pattern as seen from an image cropped at (x, y) of this one.</summary>
    public CfaPattern Shifted(int x, int y)
    {
        var shifted = new CfaColour[Width * Height];
        for (var row = 0; row < Height; row++)
        {
            for (var col = 0; col < Width; col++)
            {
                shifted[(row * Width) + col] = ColourAt(col + x, row + y);
            }
        }

        return new CfaPattern(Width, Height, shifted);
    }

    /// <summary>Parses a square tile written as letters, row by row: <c>RGGB</c>, or 36 letters for X-Trans.</summary>
    public static CfaPattern Parse(string letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var side = (int)Math.Round(Math.Sqrt(letters.Length));
        if (side * side != letters.Length || side is < 1 or > 8)
        {
            throw new FormatException($"'{letters}' is not a square CFA tile of 1 to 8 photosites a side; expected 4, 9, 16, 25 or 36 letters (up to 64) from R, G, B, C, M, Y, W.");
        }

        return new CfaPattern(side, side, letters.Select(ToColour).ToArray());

        CfaColour ToColour(char c) => char.ToUpperInvariant(c) switch
        {
            'R' => CfaColour.Red,
            'G' => CfaColour.Green,
            'B' => CfaColour.Blue,
            'C' => CfaColour.Cyan,
            'M' => CfaColour.Magenta,
            'Y' => CfaColour.Yellow,
            'W' => CfaColour.White,
            _ => throw new FormatException($"'{c}' in '{letters}' is not a CFA colour; expected one of R, G, B, C, M, Y, W."),
        };
    }

    // The position within the tile, also for positions left of or above the origin.
    private static int Wrap(int position, int size)
    {
        var r = position % size;
        return r < 0 ? r + size : r;
    }

    /// <summary>The tile as letters, row by row.</summary>
    public override string ToString() => new(_colours.Select(c => "RGBCMYW"[(int)c]).ToArray());

    /// <inheritdoc />
    public bool Equals(CfaPattern? other)
        => other is not null && Width == other.Width && Height == other.Height && _colours.AsSpan().SequenceEqual(other._colours);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CfaPattern);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Width, Height, ToString());
}
