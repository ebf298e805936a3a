using Rushes.Contracts.Colour;

namespace Rushes.Plugins.AcesCore;

/// <summary>
/// The AP0 and AP1 matrices, derived in double precision from the chromaticities in SMPTE ST 2065-1
/// (AP0) and Academy S-2014-004 (AP1), both with the ACES white (0.32168, 0.33767). The two gamuts
/// share a white, so no chromatic adaptation is involved: AP0→AP1 = NPM(AP1)⁻¹ · NPM(AP0).
/// </summary>
internal static class AcesPrimaries
{
    private const double WhiteX = 0.32168;
    private const double WhiteY = 0.33767;

    /// <summary>AP0 to XYZ.</summary>
    public static ColourMatrix Ap0ToXyz { get; } = NormalizedPrimaryMatrix(0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770);

    /// <summary>AP1 to XYZ.</summary>
    public static ColourMatrix Ap1ToXyz { get; } = NormalizedPrimaryMatrix(0.713, 0.293, 0.165, 0.830, 0.128, 0.044);

    /// <summary>ACES2065-1 (AP0) to ACEScg (AP1) linear.</summary>
    public static ColourMatrix Ap0ToAp1 { get; } = ColourMatrix.Compose(Ap0ToXyz, Ap1ToXyz.Invert());

    /// <summary>ACEScg (AP1) linear to ACES2065-1 (AP0).</summary>
    public static ColourMatrix Ap1ToAp0 { get; } = ColourMatrix.Compose(Ap1ToXyz, Ap0ToXyz.Invert());

    /// <summary>RGB to XYZ for the given primaries, scaled so that RGB (1, 1, 1) is the ACES white with Y = 1 (SMPTE RP 177).</summary>
    private static ColourMatrix NormalizedPrimaryMatrix(double rx, double ry, double gx, double gy, double bx, double by)
    {
        // Columns are the primaries' XYZ with Y = 1.
        var p = new ColourMatrix(
        [
            rx / ry, gx / gy, bx / by,
            1, 1, 1,
            (1 - rx - ry) / ry, (1 - gx - gy) / gy, (1 - bx - by) / by,
        ]);
        var (sr, sg, sb) = p.Invert().Apply(WhiteX / WhiteY, 1, (1 - WhiteX - WhiteY) / WhiteY);
        return new ColourMatrix(
        [
            p[0, 0] * sr, p[0, 1] * sg, p[0, 2] * sb,
            p[1, 0] * sr, p[1, 1] * sg, p[1, 2] * sb,
            p[2, 0] * sr, p[2, 1] * sg, p[2, 2] * sb,
        ]);
    }
}
