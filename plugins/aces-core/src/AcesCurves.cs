using Rushes.Colour.Kernel;

namespace Rushes.Plugins.AcesCore;

/// <summary>The curves' formulas and exact constants.</summary>
internal static class AcesCurves
{
    // ACEScct (S-2016-001): a linear toe below X_BRK joined to the ACEScc log segment.
    public const double CctXBreak = 0.0078125;
    public const double CctYBreak = 0.155251141552511;
    public const double CctA = 10.5402377416545;
    public const double CctB = 0.0729055341958355;

    // Shared log segment: (log2(lin) + 9.72) / 17.52.
    public const double LogOffset = 9.72;
    public const double LogScale = 17.52;

    // ACEScc (S-2014-003).
    private const double HalfMax = 65504.0;
    private static readonly double TwoPowMinus16 = Math.Pow(2, -16);
    private static readonly double TwoPowMinus15 = Math.Pow(2, -15);
    private static readonly double CcToeEnd = (LogOffset - 15) / LogScale;
    private static readonly double CcHalfMax = (Math.Log2(HalfMax) + LogOffset) / LogScale;

    /// <summary>AP1 linear to ACEScct: the shared log segment above X_BRK, the linear toe below (on the SIMD path).</summary>
    public static Curve LinearToAcesCct { get; } = new LogLinearCurve(new LogLinearParameters
    {
        Base = 2,
        LogSlope = 1 / LogScale,
        LogOffset = LogOffset / LogScale,
        ToeSlope = CctA,
        ToeOffset = CctB,
        LinearBreak = CctXBreak,
    }, encode: true);

    /// <summary>AP1 linear to ACEScc; values at or below zero go to the floor, so only positive values invert.</summary>
    public static Curve LinearToAcesCc { get; } = new FunctionCurve("acescc encode", LinearToCc, CcToLinear, "acescc decode");

    /// <summary>ACEScct encoding written as S-2016-001 states it; the reference the SIMD curve above is tested against.</summary>
    public static double LinearToCct(double lin)
        => lin <= CctXBreak ? (CctA * lin) + CctB : (Math.Log2(lin) + LogOffset) / LogScale;

    /// <summary>ACEScct decoding written as S-2016-001 states it.</summary>
    public static double CctToLinear(double cct)
        => cct > CctYBreak ? Math.Pow(2, (LogScale * cct) - LogOffset) : (cct - CctB) / CctA;

    public static double LinearToCc(double lin)
    {
        if (double.IsNaN(lin))
        {
            return lin;
        }

        if (lin <= 0)
        {
            return (-16 + LogOffset) / LogScale;
        }

        return lin < TwoPowMinus15
            ? (Math.Log2(TwoPowMinus16 + (lin / 2)) + LogOffset) / LogScale
            : (Math.Log2(lin) + LogOffset) / LogScale;
    }

    public static double CcToLinear(double cc)
    {
        if (double.IsNaN(cc))
        {
            return cc;
        }

        if (cc < CcToeEnd)
        {
            return (Math.Pow(2, (LogScale * cc) - LogOffset) - TwoPowMinus16) * 2;
        }

        return cc < CcHalfMax ? Math.Pow(2, (LogScale * cc) - LogOffset) : HalfMax;
    }
}
