using Rushes.Contracts.Colour;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>ACES 2065-1 (AP0) primaries and white, SMPTE ST 2065-1.</summary>
internal static class Aces
{
    /// <summary>XYZ (ACES white, Y = 1) to AP0, from the normalized primary matrix of SMPTE RP 177 built from the ST 2065-1 chromaticities.</summary>
    public static ColourMatrix XyzToAp0 { get; } = Ap0ToXyz().Invert();

    private static ColourMatrix Ap0ToXyz()
    {
        // AP0: R (0.7347, 0.2653), G (0.0, 1.0), B (0.0001, −0.0770); white (0.32168, 0.33767).
        (double X, double Y)[] primaries = [(0.7347, 0.2653), (0.0, 1.0), (0.0001, -0.0770)];
        var p = new ColourMatrix(
        [
            primaries[0].X / primaries[0].Y, primaries[1].X / primaries[1].Y, primaries[2].X / primaries[2].Y,
            1, 1, 1,
            (1 - primaries[0].X - primaries[0].Y) / primaries[0].Y, (1 - primaries[1].X - primaries[1].Y) / primaries[1].Y, (1 - primaries[2].X - primaries[2].Y) / primaries[2].Y,
        ]);
        var s = Matrices.Apply(p.Invert(), Chromaticity.Aces.ToXyz());
        return Matrices.Multiply(p, Matrices.Diagonal(s));
    }
}
