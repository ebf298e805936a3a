namespace Rushes.Plugins.AcesOutput;

/// <summary>A set of RGB primaries and a white, as CIE 1931 xy chromaticities.</summary>
internal sealed record Gamut(string Name, double Rx, double Ry, double Gx, double Gy, double Bx, double By, double Wx, double Wy)
{
    // SMPTE ST 2065-1 (AP0) and Academy S-2014-004 (AP1), both with the ACES white.
    public static Gamut Ap0 { get; } = new("AP0", 0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770, 0.32168, 0.33767);

    public static Gamut Ap1 { get; } = new("AP1", 0.713, 0.293, 0.165, 0.830, 0.128, 0.044, 0.32168, 0.33767);

    // ITU-R BT.709, SMPTE RP 431-2 / EG 432-1 (P3), ITU-R BT.2020, each with its standard white.
    public static Gamut Rec709 { get; } = new("Rec709", 0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290);

    public static Gamut P3D65 { get; } = new("P3-D65", 0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290);

    public static Gamut Rec2020 { get; } = new("Rec2020", 0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290);

    /// <summary>Hellwig 2022 CAM's "CAM16-style" sharpened cone primaries as tuned for ACES 2.0 (aces-core Lib.Academy.OutputTransform.ctl).</summary>
    public static Gamut Cam16Aces2 { get; } = new("CAM16", 0.8336, 0.1735, 2.3854, -1.4659, 0.087, -0.125, 0.333, 0.333);

    /// <summary>CIE XYZ itself as an encoding (the XYZ-E of the DCDM outputs): primaries on the axes, white E.</summary>
    public static Gamut XyzE { get; } = new("XYZ-E", 1, 0, 0, 1, 0, 0, 1.0 / 3, 1.0 / 3);

    public static (double X, double Y) D65 => (0.3127, 0.3290);

    public static (double X, double Y) D60 => (0.32168, 0.33767);

    // DCI white (SMPTE RP 431-2).
    public static (double X, double Y) Dci => (0.314, 0.351);

    public Gamut WithWhite((double X, double Y) white) => this with { Wx = white.X, Wy = white.Y };

    /// <summary>RGB to XYZ with RGB (1,1,1) → the white at Y = 1 (SMPTE RP 177).</summary>
    public Mat3 ToXyz()
    {
        if (Ry == 0 && By == 0)
        {
            // XYZ-E: the primaries are the XYZ axes and E is (1, 1, 1).
            return Mat3.Identity;
        }

        var p = new Mat3(
            Rx / Ry, Gx / Gy, Bx / By,
            1, 1, 1,
            (1 - Rx - Ry) / Ry, (1 - Gx - Gy) / Gy, (1 - Bx - By) / By);
        var s = p.Inverse().Apply(WhiteXyz((Wx, Wy)));
        return p * Mat3.Diagonal(s.X, s.Y, s.Z);
    }

    public Mat3 FromXyz() => ToXyz().Inverse();

    public static Vec3 WhiteXyz((double X, double Y) white) => new(white.X / white.Y, 1, (1 - white.X - white.Y) / white.Y);

    /// <summary>Von Kries adaptation in the Bradford cone space (the ACES 1.x CTL's calculate_cat_matrix).</summary>
    public static Mat3 Bradford((double X, double Y) from, (double X, double Y) to)
    {
        // Bradford cone response (CTL CONE_RESP_MAT_BRADFORD, transposed to column-vector form).
        var m = new Mat3(0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296);
        var src = m.Apply(WhiteXyz(from));
        var dst = m.Apply(WhiteXyz(to));
        return m.Inverse() * Mat3.Diagonal(dst.X / src.X, dst.Y / src.Y, dst.Z / src.Z) * m;
    }
}
