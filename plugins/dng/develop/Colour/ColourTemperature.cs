namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// Correlated colour temperature and tint, as the DNG SDK defines them (dng_temperature): Robertson's method
/// (JOSA 58(11), 1968) on the isotemperature table of Wyszecki &amp; Stiles, Color Science, 2nd ed., table 1(3.11),
/// p. 228, in CIE 1960 uv; tint is the signed uv distance from the Planckian locus along the isotherm, times −3000
/// (the SDK's kTintScale, so positive tint is toward magenta). Row 325 uses u = 0.24792 (W&amp;S, as corrected by
/// Lindbloom; the DNG SDK carries the misprint 0.24702, which moves whites near 3080 K by about 0.001 in xy).
/// </summary>
public static class ColourTemperature
{
    private const double TintScale = -3000.0;

    // Reciprocal megakelvin, u, v, isotherm slope dv/du.
    private static readonly (double R, double U, double V, double T)[] Table =
    [
        (0, 0.18006, 0.26352, -0.24341), (10, 0.18066, 0.26589, -0.25479), (20, 0.18133, 0.26846, -0.26876),
        (30, 0.18208, 0.27119, -0.28539), (40, 0.18293, 0.27407, -0.30470), (50, 0.18388, 0.27709, -0.32675),
        (60, 0.18494, 0.28021, -0.35156), (70, 0.18611, 0.28342, -0.37915), (80, 0.18740, 0.28668, -0.40955),
        (90, 0.18880, 0.28997, -0.44278), (100, 0.19032, 0.29326, -0.47888), (125, 0.19462, 0.30141, -0.58204),
        (150, 0.19962, 0.30921, -0.70471), (175, 0.20525, 0.31647, -0.84901), (200, 0.21142, 0.32312, -1.0182),
        (225, 0.21807, 0.32909, -1.2168), (250, 0.22511, 0.33439, -1.4512), (275, 0.23247, 0.33904, -1.7298),
        (300, 0.24010, 0.34308, -2.0637), (325, 0.24792, 0.34655, -2.4681), (350, 0.25591, 0.34951, -2.9641),
        (375, 0.26400, 0.35200, -3.5814), (400, 0.27218, 0.35407, -4.3633), (425, 0.28039, 0.35577, -5.3762),
        (450, 0.28863, 0.35714, -6.7262), (475, 0.29685, 0.35823, -8.5955), (500, 0.30505, 0.35907, -11.324),
        (525, 0.31320, 0.35968, -15.628), (550, 0.32129, 0.36011, -23.325), (575, 0.32931, 0.36038, -40.770),
        (600, 0.33724, 0.36051, -116.45),
    ];

    /// <summary>The temperature (kelvin) and tint of a chromaticity.</summary>
    public static (double Kelvin, double Tint) FromChromaticity(Chromaticity xy)
    {
        var denominator = 1.5 - xy.X + (6 * xy.Y);
        var u = 2 * xy.X / denominator;
        var v = 3 * xy.Y / denominator;
        double lastDt = 0, lastDu = 0, lastDv = 0;
        for (var i = 1; i < Table.Length; i++)
        {
            // The isotherm's unit direction, and the signed distance of (u, v) from it.
            var length = Math.Sqrt(1 + (Table[i].T * Table[i].T));
            double du = 1 / length, dv = Table[i].T / length;
            var dt = (-(u - Table[i].U) * dv) + ((v - Table[i].V) * du);
            if (dt <= 0 || i == Table.Length - 1)
            {
                dt = -Math.Min(dt, 0);
                var f = i == 1 ? 0 : dt / (lastDt + dt);
                var kelvin = 1e6 / ((Table[i - 1].R * f) + (Table[i].R * (1 - f)));
                var uu = u - ((Table[i - 1].U * f) + (Table[i].U * (1 - f)));
                var vv = v - ((Table[i - 1].V * f) + (Table[i].V * (1 - f)));
                du = (du * (1 - f)) + (lastDu * f);
                dv = (dv * (1 - f)) + (lastDv * f);
                length = Math.Sqrt((du * du) + (dv * dv));
                return (kelvin, ((uu * du) + (vv * dv)) / length * TintScale);
            }

            (lastDt, lastDu, lastDv) = (dt, du, dv);
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The chromaticity of a temperature (kelvin) and tint.</summary>
    public static Chromaticity ToChromaticity(double kelvin, double tint)
    {
        if (!(kelvin > 0) || !double.IsFinite(kelvin) || !double.IsFinite(tint))
        {
            throw new ArgumentOutOfRangeException(nameof(kelvin), $"A colour temperature is a positive number of kelvin; got {kelvin} K, tint {tint}.");
        }

        var r = 1e6 / kelvin;
        var offset = tint / TintScale;
        for (var i = 0; i < Table.Length - 1; i++)
        {
            if (r < Table[i + 1].R || i == Table.Length - 2)
            {
                var f = (Table[i + 1].R - r) / (Table[i + 1].R - Table[i].R);
                var u = (Table[i].U * f) + (Table[i + 1].U * (1 - f));
                var v = (Table[i].V * f) + (Table[i + 1].V * (1 - f));
                double l1 = Math.Sqrt(1 + (Table[i].T * Table[i].T)), l2 = Math.Sqrt(1 + (Table[i + 1].T * Table[i + 1].T));
                var du = (f / l1) + ((1 - f) / l2);
                var dv = (Table[i].T / l1 * f) + (Table[i + 1].T / l2 * (1 - f));
                var length = Math.Sqrt((du * du) + (dv * dv));
                u += du / length * offset;
                v += dv / length * offset;
                return new Chromaticity(1.5 * u / (u - (4 * v) + 2), v / (u - (4 * v) + 2));
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// The temperature the DNG SDK assigns to an EXIF LightSource / CalibrationIlluminant code
    /// (dng_camera_profile IlluminantToTemperature); 0 for unknown or "other" (use IlluminantData).
    /// </summary>
    public static double OfIlluminant(int lightSource) => lightSource switch
    {
        17 or 3 => 2850,            // standard light A, tungsten
        24 => 3200,                 // ISO studio tungsten
        23 => 5000,                 // D50
        20 or 1 or 9 or 4 or 18 => 5500, // D55, daylight, fine weather, flash, standard light B
        21 or 19 or 10 => 6500,     // D65, standard light C, cloudy
        22 or 11 => 7500,           // D75, shade
        12 => (5700 + 7100) * 0.5,  // daylight fluorescent
        13 => (4600 + 5500) * 0.5,  // day white fluorescent
        14 or 2 => (3800 + 4500) * 0.5, // cool white fluorescent, fluorescent
        15 => (3250 + 3800) * 0.5,  // white fluorescent
        16 => (2600 + 3250) * 0.5,  // warm white fluorescent
        _ => 0,
    };
}
