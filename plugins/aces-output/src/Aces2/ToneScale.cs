namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// The ACES 2.0 tone scale (Daniele Siragusano's "Daniele Evo" curve, aces-core Lib.Academy.Tonescale.ctl),
/// applied to luminance with 100 = 100 cd/m², for a display peak of <see cref="Peak"/> cd/m².
/// </summary>
internal sealed class ToneScale
{
    // Lib.Academy.Tonescale.ctl preset constants.
    private const double NormalWhite = 100;     // n_r
    private const double Contrast = 1.15;       // g
    private const double Grey = 0.18;           // c
    private const double GreyNits = 10.013;     // c_d
    private const double GreyBoost = 0.14;      // w_g
    private const double Toe = 0.04;            // t_1
    private const double HitMin = 128, HitMax = 896; // r_hit range

    public ToneScale(double peak)
    {
        Peak = peak;
        var rHit = HitMin + ((HitMax - HitMin) * (Math.Log(peak / NormalWhite) / Math.Log(10000.0 / 100)));
        var m0 = peak / NormalWhite;
        var m1 = 0.5 * (m0 + Math.Sqrt(m0 * (m0 + (4 * Toe))));
        var u = Math.Pow(rHit / m1 / ((rHit / m1) + 1), Contrast);
        var m = m1 / u;
        var wi = Math.Log2(peak / 100);
        GreyTarget = GreyNits / NormalWhite * (1 + (wi * GreyBoost));
        var gip = 0.5 * (GreyTarget + Math.Sqrt(GreyTarget * (GreyTarget + (4 * Toe))));
        var gipp2 = -(m1 * Math.Pow(gip / m, 1 / Contrast)) / (Math.Pow(gip / m, 1 / Contrast) - 1);
        var w2 = Grey / gipp2;
        S2 = w2 * m1 * Hellwig2022.ReferenceLuminance;
        U2 = Math.Pow(rHit / m1 / ((rHit / m1) + w2), Contrast);
        M2 = m1 / U2;
        InverseLimit = peak / (U2 * NormalWhite);
        ForwardLimit = 8 * rHit;
        LogPeak = Math.Log10(peak / NormalWhite);
    }

    public double Peak { get; }

    /// <summary>c_t: display luminance of 18 % grey, relative to 100 cd/m².</summary>
    public double GreyTarget { get; }

    public double S2 { get; }

    public double U2 { get; }

    public double M2 { get; }

    public double InverseLimit { get; }

    /// <summary>The scene value that maps to the display peak, times 8: the AP1 clamp's upper bound.</summary>
    public double ForwardLimit { get; }

    public double LogPeak { get; }

    public double Forward(double y)
    {
        var f = M2 * Math.Pow(y / (y + S2), Contrast);
        return Math.Max(0, f * f / (f + Toe)) * NormalWhite;
    }

    public double Inverse(double y)
    {
        var z = Math.Max(0, Math.Min(InverseLimit, y / Hellwig2022.ReferenceLuminance));
        var f = (z + Math.Sqrt(z * ((4 * Toe) + z))) / 2;
        return S2 / (Math.Pow(M2 / f, 1 / Contrast) - 1);
    }
}
