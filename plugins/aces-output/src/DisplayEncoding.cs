using System.Runtime.Intrinsics;

namespace Rushes.Plugins.AcesOutput;

/// <summary>The signal encodings a display expects (inverse EOTFs), as the ACES CTL defines them.</summary>
internal enum Eotf
{
    /// <summary>ITU-R BT.1886 with L_W = 1, L_B = 0: a pure 2.4 gamma (ACESlib.Utilities_Color bt1886_r).</summary>
    Bt1886,

    /// <summary>IEC 61966-2-1 sRGB piecewise curve (CTL moncurve_r with γ 2.4, offset 0.055).</summary>
    SrgbPiecewise,

    /// <summary>A pure 2.6 gamma (DCI cinema).</summary>
    Gamma26,

    /// <summary>SMPTE ST 2084 PQ, absolute: the linear input is in units of 100 cd/m².</summary>
    Pq,
}

/// <summary>Display encodings, forward (linear light → signal) and back.</summary>
internal static class DisplayEncoding
{
    // SMPTE ST 2084-2014 constants (ACESlib.Utilities_Color pq_*).
    private const double PqM1 = 2610.0 / 4096 / 4;
    private const double PqM2 = 2523.0 / 4096 * 128;
    private const double PqC1 = 3424.0 / 4096;
    private const double PqC2 = 2413.0 / 4096 * 32;
    private const double PqC3 = 2392.0 / 4096 * 32;
    private const double PqPeak = 10000;

    // sRGB monitor curve, CTL moncurve_r(γ = 2.4, offs = 0.055): break point and linear slope derived from those two.
    private const double SrgbGamma = 2.4;
    private const double SrgbOffset = 0.055;
    private static readonly double SrgbLinearBreak = Math.Pow(SrgbOffset * SrgbGamma / ((SrgbGamma - 1) * (1 + SrgbOffset)), SrgbGamma);
    private static readonly double SrgbSlope = Math.Pow((SrgbGamma - 1) / SrgbOffset, SrgbGamma - 1) * Math.Pow((1 + SrgbOffset) / SrgbGamma, SrgbGamma);

    /// <summary>Linear light (1 = display white; for PQ, 1 = 100 cd/m²) to signal.</summary>
    public static double Encode(Eotf eotf, double linear) => eotf switch
    {
        Eotf.Bt1886 => Math.Pow(Math.Max(linear, 0), 1 / 2.4),
        Eotf.SrgbPiecewise => linear >= SrgbLinearBreak ? ((1 + SrgbOffset) * Math.Pow(linear, 1 / SrgbGamma)) - SrgbOffset : linear * SrgbSlope,
        Eotf.Gamma26 => Math.Pow(Math.Max(linear, 0), 1 / 2.6),
        Eotf.Pq => PqEncode(linear * 100),
        _ => throw new ArgumentOutOfRangeException(nameof(eotf)),
    };

    /// <summary>Signal to linear light.</summary>
    public static double Decode(Eotf eotf, double signal) => eotf switch
    {
        Eotf.Bt1886 => Math.Pow(Math.Max(signal, 0), 2.4),
        Eotf.SrgbPiecewise => signal >= SrgbLinearBreak * SrgbSlope ? Math.Pow((signal + SrgbOffset) / (1 + SrgbOffset), SrgbGamma) : signal / SrgbSlope,
        Eotf.Gamma26 => Math.Pow(Math.Max(signal, 0), 2.6),
        Eotf.Pq => PqDecode(signal) / 100,
        _ => throw new ArgumentOutOfRangeException(nameof(eotf)),
    };

    /// <summary>Encodes three channels at once where the curve is a pure power or PQ; null otherwise.</summary>
    public static Vec3? EncodeVector(Eotf eotf, Vec3 linear)
    {
        if (!VectorMath.Enabled)
        {
            return null;
        }

        var x = Vector256.Max(VectorMath.Load(linear), Vector256<double>.Zero);
        switch (eotf)
        {
            case Eotf.Bt1886:
                return VectorMath.Store(VectorMath.Pow(x, 1 / 2.4));
            case Eotf.Gamma26:
                return VectorMath.Store(VectorMath.Pow(x, 1 / 2.6));
            case Eotf.Pq:
                var lm = VectorMath.Pow(x * Vector256.Create(100 / PqPeak), PqM1);
                var ratio = (Vector256.Create(PqC1) + (Vector256.Create(PqC2) * lm)) / (Vector256<double>.One + (Vector256.Create(PqC3) * lm));
                return VectorMath.Store(VectorMath.Pow(ratio, PqM2));
            default:
                return null;
        }
    }

    /// <summary>cd/m² to PQ signal (ST 2084 inverse EOTF, full range).</summary>
    public static double PqEncode(double nits)
    {
        var lm = Math.Pow(Math.Max(nits, 0) / PqPeak, PqM1);
        return Math.Pow((PqC1 + (PqC2 * lm)) / (1 + (PqC3 * lm)), PqM2);
    }

    /// <summary>PQ signal to cd/m² (ST 2084 EOTF).</summary>
    public static double PqDecode(double signal)
    {
        var np = Math.Pow(Math.Max(signal, 0), 1 / PqM2);
        var l = Math.Max(np - PqC1, 0) / (PqC2 - (PqC3 * np));
        return Math.Pow(l, 1 / PqM1) * PqPeak;
    }
}
