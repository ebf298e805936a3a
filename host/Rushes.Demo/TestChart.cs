namespace Rushes.Demo;

/// <summary>
/// A scene-referred test chart in linear sRGB/Rec.709 primaries: the 24 ColorChecker patches, a
/// grey wedge in whole stops around 18 % grey, a circular zone plate for demosaic detail, and a
/// bright bar that moves one step each frame so that every frame differs.
/// </summary>
internal static class TestChart
{
    // ColorChecker Classic, sRGB (D65) 8-bit values as published by X-Rite (2005 formulation), row by row.
    private static readonly byte[,] Patches =
    {
        { 115, 82, 68 }, { 194, 150, 130 }, { 98, 122, 157 }, { 87, 108, 67 }, { 133, 128, 177 }, { 103, 189, 170 },
        { 214, 126, 44 }, { 80, 91, 166 }, { 193, 90, 99 }, { 94, 60, 108 }, { 157, 188, 64 }, { 224, 163, 46 },
        { 56, 61, 150 }, { 70, 148, 73 }, { 175, 54, 60 }, { 231, 199, 31 }, { 187, 86, 149 }, { 8, 133, 161 },
        { 243, 243, 242 }, { 200, 200, 200 }, { 160, 160, 160 }, { 122, 122, 121 }, { 85, 85, 85 }, { 52, 52, 52 },
    };

    /// <summary>The bar's linear RGB: two stops over diffuse white.</summary>
    public static (double R, double G, double B) Bar { get; } = (2.0, 2.0, 2.0);

    /// <summary>True where the moving bar covers the point; it crosses the frame once over the clip.</summary>
    public static bool InBar(double u, int frame, int frames) =>
        Math.Abs(u - (0.05 + (0.9 * frame / Math.Max(1, frames - 1)))) < 0.006;

    /// <summary>The still scene's linear RGB (Rec.709 primaries, D65) at a point given in [0,1)².</summary>
    public static (double R, double G, double B) Sample(double u, double v)
    {

        // ColorChecker: 6 × 4 patches in the left 60 % of the top 70 %, with dark gaps.
        if (u is >= 0.04 and < 0.58 && v is >= 0.06 and < 0.66)
        {
            var column = (int)((u - 0.04) / 0.09);
            var row = (int)((v - 0.06) / 0.15);
            var inPatchU = ((u - 0.04) / 0.09) - column;
            var inPatchV = ((v - 0.06) / 0.15) - row;
            if (inPatchU is < 0.1 or > 0.9 || inPatchV is < 0.1 or > 0.9)
            {
                return (0.02, 0.02, 0.02);
            }

            var i = (row * 6) + column;
            return (Linear(Patches[i, 0]), Linear(Patches[i, 1]), Linear(Patches[i, 2]));
        }

        // Zone plate: a chirp in radius reaching half the sampling rate at its edge.
        var du = (u - 0.8) * 16 / 9;
        var dv = v - 0.36;
        var r2 = (du * du) + (dv * dv);
        if (r2 < 0.3 * 0.3)
        {
            var level = 0.5 + (0.5 * Math.Cos(Math.PI * 1200 * r2));
            return (0.05 + (0.4 * level), 0.05 + (0.4 * level), 0.05 + (0.4 * level));
        }

        // Grey wedge: 11 steps, −6 to +4 stops around 18 % grey, along the bottom.
        if (v >= 0.76 && v < 0.94 && u is >= 0.04 and < 0.96)
        {
            var step = (int)((u - 0.04) / (0.92 / 11));
            var grey = 0.18 * Math.Pow(2, step - 6);
            return (grey, grey, grey);
        }

        return (0.18, 0.18, 0.18);
    }

    // The sRGB transfer function, inverted (IEC 61966-2-1).
    private static double Linear(byte code)
    {
        var c = code / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
