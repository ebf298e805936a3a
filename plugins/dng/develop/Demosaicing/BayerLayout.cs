using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>Where red sits in a 2×2 Bayer tile; blue is diagonal to it and green fills the other two sites.</summary>
internal readonly record struct BayerLayout(int RedX, int RedY)
{
    public int BlueX => RedX ^ 1;

    public int BlueY => RedY ^ 1;

    /// <summary>True when row <paramref name="y"/> holds red (and green) photosites.</summary>
    public bool IsRedRow(int y) => ((y ^ RedY) & 1) == 0;

    /// <summary>The parity of the red (in a red row) or blue (in a blue row) columns of row <paramref name="y"/>.</summary>
    public int ChromaColumnParity(int y) => IsRedRow(y) ? RedX : BlueX;

    public static BayerLayout Of(CfaPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.IsBayer)
        {
            throw new InputException(
                $"The colour filter array {pattern} ({pattern.Width}×{pattern.Height}) is not a 2×2 red-green-blue Bayer tile; only Bayer mosaics can be demosaiced.",
                file: null, field: "CFAPattern", expected: "a 2×2 Bayer pattern such as RGGB, BGGR, GRBG or GBRG");
        }

        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 2; x++)
            {
                if (pattern.ColourAt(x, y) == CfaColour.Red)
                {
                    return new BayerLayout(x, y);
                }
            }
        }

        throw new InputException($"The Bayer pattern {pattern} has no red photosite.", file: null, field: "CFAPattern", expected: "a 2×2 Bayer pattern");
    }
}
