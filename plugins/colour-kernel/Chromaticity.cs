using Rushes.Contracts.Colour;

namespace Rushes.Colour.Kernel;

/// <summary>A white point as CIE 1931 (x, y).</summary>
internal readonly record struct WhitePoint(double X, double Y)
{
    /// <summary>The ACES white, "D60" (SMPTE ST 2065-1).</summary>
    public static WhitePoint Aces { get; } = new(0.32168, 0.33767);

    /// <summary>CIE D65 as ITU-R BT.709 and BT.2020 state it.</summary>
    public static WhitePoint D65 { get; } = new(0.3127, 0.3290);

    /// <summary>The DCI-P3 projector white (SMPTE RP 431-2).</summary>
    public static WhitePoint Dci { get; } = new(0.314, 0.351);

    /// <summary>The white's XYZ with Y = 1.</summary>
    public (double X, double Y, double Z) Xyz => (X / Y, 1, (1 - X - Y) / Y);
}

/// <summary>An RGB gamut: three primaries and a white, as CIE 1931 (x, y).</summary>
internal sealed record Primaries(double Rx, double Ry, double Gx, double Gy, double Bx, double By, WhitePoint White)
{
    /// <summary>ACES AP0 (SMPTE ST 2065-1).</summary>
    public static Primaries Ap0 { get; } = new(0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770, WhitePoint.Aces);

    /// <summary>ACES AP1 (Academy S-2014-004).</summary>
    public static Primaries Ap1 { get; } = new(0.713, 0.293, 0.165, 0.830, 0.128, 0.044, WhitePoint.Aces);

    /// <summary>ITU-R BT.709 (and sRGB, IEC 61966-2-1).</summary>
    public static Primaries Rec709 { get; } = new(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, WhitePoint.D65);

    /// <summary>ITU-R BT.2020 (and BT.2100).</summary>
    public static Primaries Rec2020 { get; } = new(0.708, 0.292, 0.170, 0.797, 0.131, 0.046, WhitePoint.D65);

    /// <summary>P3 primaries with the D65 white (SMPTE EG 432-1; Display P3 uses the same).</summary>
    public static Primaries P3D65 { get; } = new(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, WhitePoint.D65);

    /// <summary>DCI-P3 with the projector white (SMPTE RP 431-2).</summary>
    public static Primaries P3Dci { get; } = P3D65 with { White = WhitePoint.Dci };

    /// <summary>P3 primaries with the ACES white, the "D60 sim" cinema gamut.</summary>
    public static Primaries P3D60 { get; } = P3D65 with { White = WhitePoint.Aces };

    /// <summary>
    /// RGB to XYZ, scaled so that RGB (1, 1, 1) is the white with Y = 1: the normalised primary
    /// matrix of SMPTE RP 177.
    /// </summary>
    public ColourMatrix ToXyz()
    {
        // Columns are the primaries' XYZ with Y = 1, then scaled to sum to the white.
        var p = new ColourMatrix(
        [
            Rx / Ry, Gx / Gy, Bx / By,
            1, 1, 1,
            (1 - Rx - Ry) / Ry, (1 - Gx - Gy) / Gy, (1 - Bx - By) / By,
        ]);
        var (wx, wy, wz) = White.Xyz;
        var (sr, sg, sb) = p.Invert().Apply(wx, wy, wz);
        return new ColourMatrix(
        [
            p[0, 0] * sr, p[0, 1] * sg, p[0, 2] * sb,
            p[1, 0] * sr, p[1, 1] * sg, p[1, 2] * sb,
            p[2, 0] * sr, p[2, 1] * sg, p[2, 2] * sb,
        ]);
    }

    /// <summary>RGB to CIE XYZ with its white adapted to <paramref name="white"/> by <paramref name="adaptation"/>.</summary>
    public ColourMatrix ToXyz(WhitePoint white, ChromaticAdaptation adaptation)
    {
        ArgumentNullException.ThrowIfNull(adaptation);
        return ColourMatrix.Compose(ToXyz(), adaptation.Matrix(White, white));
    }

    /// <summary>Linear RGB in this gamut to linear RGB in <paramref name="target"/>, adapting the white with <paramref name="adaptation"/>.</summary>
    public ColourMatrix To(Primaries target, ChromaticAdaptation adaptation)
    {
        ArgumentNullException.ThrowIfNull(target);
        var toXyz = ToXyz();
        var adapt = adaptation.Matrix(White, target.White);
        return ColourMatrix.Compose(ColourMatrix.Compose(toXyz, adapt), target.ToXyz().Invert());
    }
}

/// <summary>
/// A von Kries chromatic adaptation transform in a cone space M:
/// CAT(src → dst) = M⁻¹ · diag(M·W_dst ⊘ M·W_src) · M (color-science.md §2).
/// </summary>
internal sealed class ChromaticAdaptation
{
    private readonly ColourMatrix _cone;

    private ChromaticAdaptation(string name, double[] cone)
    {
        Name = name;
        _cone = new ColourMatrix(cone);
    }

    /// <summary>Bradford (Lam 1985), the ACES CTL default and the DNG convention.</summary>
    public static ChromaticAdaptation Bradford { get; } = new("Bradford",
        [0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296]);

    /// <summary>CAT02 (CIE 159:2004, CIECAM02), used by ARRI, Sony, Canon, Blackmagic and DJI.</summary>
    public static ChromaticAdaptation Cat02 { get; } = new("CAT02",
        [0.7328, 0.4296, -0.1624, -0.7036, 1.6975, 0.0061, 0.0030, 0.0136, 0.9834]);

    public string Name { get; }

    /// <summary>The XYZ → XYZ matrix that adapts <paramref name="source"/> white to <paramref name="target"/> white; the identity when they are equal.</summary>
    public ColourMatrix Matrix(WhitePoint source, WhitePoint target)
    {
        if (source == target)
        {
            return ColourMatrix.Identity;
        }

        var (sx, sy, sz) = source.Xyz;
        var (tx, ty, tz) = target.Xyz;
        var (sl, sm, ss) = _cone.Apply(sx, sy, sz);
        var (tl, tm, ts) = _cone.Apply(tx, ty, tz);
        var gain = new ColourMatrix([tl / sl, 0, 0, 0, tm / sm, 0, 0, 0, ts / ss]);
        return ColourMatrix.Compose(ColourMatrix.Compose(_cone, gain), _cone.Invert());
    }
}
