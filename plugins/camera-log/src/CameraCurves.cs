using Rushes.Colour.Kernel;

namespace Rushes.Plugins.CameraLog;

/// <summary>
/// The camera log curves, each as its decoding (code value → scene-linear), the direction the vendor
/// and the ACES CSCs define; encoding is the exact inverse. Constants name their source.
/// </summary>
internal static class CameraCurves
{
    /// <summary>ARRI LogC3 at an exposure index, by ARRI's published parameter formula.</summary>
    /// <remarks>
    /// ARRI, "ALEXA Log C Curve - Usage in VFX" (2017), and the same formula in ARRI's IDT generator
    /// (aces-dev IDT.ARRI.Alexa-v3-logC-EI*.ctl, "v3_IDT_maker.py") and the ACES 2.0
    /// CSC.Arri.LogC3_to_ACES: nominal EI 400, mid-grey signal 0.01, encoding gain (500/1023)·0.525
    /// falling by 0.11 per 3 stops of EI, offset 400/1023 iterated three times so that code 95/1023
    /// stays the black. The log segment is y = encGain·log10(x/0.18 + nz) + encOffset above s = 1/9,
    /// with a linear toe matching it in value and slope. At EI 800 this gives OpenColorIO's exact
    /// constants (b = 0.0522722750, c = 0.2471896383, d = 0.3855369987). The ACES 2.0 CSC's highlight
    /// blending above code 0.8, which only takes effect at EI 1600 and above, is not applied, as in
    /// ARRI's ACES 1.x IDTs.
    /// </remarks>
    public static Curve LogC3(double exposureIndex)
    {
        const double NominalEi = 400;
        const double BaseGain = 500.0 / 1023.0 * 0.525;
        const double BaseOffset = 400.0 / 1023.0;
        const double BlackCode = 95.0 / 1023.0;
        const double Cut = 1.0 / 9.0;
        var slope = 1 / (Cut * Math.Log(10));
        var offset = Math.Log10(Cut) - (slope * Cut);

        var gain = exposureIndex / NominalEi;
        var encGain = ((Math.Log2(gain) * (0.89 - 1) / 3) + 1) * BaseGain;
        var encOffset = BaseOffset;
        var nz = 0.0;
        for (var i = 0; i < 3; i++)
        {
            nz = (((BlackCode - encOffset) / encGain) - offset) / slope;
            encOffset = BaseOffset - (Math.Log10(1 + nz) * encGain);
        }

        // Scene-linear 0.18 is the mid-grey signal (0.01 at EI 400) at every EI: hence the 1/0.18 below.
        var p = new LogLinearParameters
        {
            Base = 10,
            LogSlope = encGain,
            LogOffset = encOffset,
            LinSlope = 1 / 0.18,
            LinOffset = nz,
            ToeSlope = encGain * slope / 0.18,
            ToeOffset = (encGain * ((nz * slope) + offset)) + encOffset,
            LinearBreak = (Cut - nz) * 0.18,
        };
        return new LogLinearCurve(p, encode: false);
    }

    /// <summary>ARRI LogC4 (ARRI, "ARRI LogC4 Logarithmic Color Space Specification", 2022, section 2).</summary>
    public static Curve LogC4()
    {
        var a = (Math.Pow(2, 18) - 16) / 117.45;
        var b = (1023.0 - 95.0) / 1023.0;
        var c = 95.0 / 1023.0;
        var s = 7 * Math.Log(2) * Math.Pow(2, 7 - (14 * c / b)) / (a * b);
        var t = (Math.Pow(2, (14 * (-c / b)) + 6) - 64) / a;
        return new LogLinearCurve(new LogLinearParameters
        {
            Base = 2,
            LogSlope = b / 14,
            LogOffset = c - (6 * b / 14),
            LinSlope = a,
            LinOffset = 64,
            ToeSlope = 1 / s,
            ToeOffset = -t / s,
            LinearBreak = t,
        }, encode: false);
    }

    /// <summary>Sony S-Log3 (Sony, "Technical Summary for S-Gamut3.Cine/S-Log3 and S-Gamut3/S-Log3").</summary>
    public static Curve SLog3() => new LogLinearCurve(new LogLinearParameters
    {
        Base = 10,
        LogSlope = 261.5 / 1023,
        LogOffset = 420.0 / 1023,
        LinSlope = 1 / 0.19,
        LinOffset = 0.01 / 0.19,
        ToeSlope = (171.2102946929 - 95) / 0.01125 / 1023,
        ToeOffset = 95.0 / 1023,
        LinearBreak = 0.01125,
    }, encode: false);

    /// <summary>RED Log3G10, version 3 (RED, "REDWideGamutRGB and Log3G10" white paper, 2017): a = 0.224282, b = 155.975327, c = 0.01, g = 15.1927.</summary>
    public static Curve Log3G10()
    {
        const double A = 0.224282, B = 155.975327, C = 0.01, G = 15.1927;
        return new LogLinearCurve(new LogLinearParameters
        {
            Base = 10,
            LogSlope = A,
            LogOffset = 0,
            LinSlope = B,
            LinOffset = (B * C) + 1,
            ToeSlope = G,
            ToeOffset = G * C,
            LinearBreak = -C,
        }, encode: false);
    }

    /// <summary>REDLogFilm, Cineon-style with black at code 95 and white at 685 of 1023 (RED; OpenColorIO RedCameras.cpp).</summary>
    public static Curve RedLogFilm()
    {
        var black = Math.Pow(10, (95.0 - 685.0) / 300.0);
        return new LogLinearCurve(new LogLinearParameters
        {
            Base = 10,
            LogSlope = 300.0 / 1023,
            LogOffset = 685.0 / 1023,
            LinSlope = 1 - black,
            LinOffset = black,
        }, encode: false);
    }

    /// <summary>Panasonic V-Log (Panasonic, "V-Log/V-Gamut Reference Manual", 2014): b = 0.00873, c = 0.241514, d = 0.598206, toe 5.6x + 0.125 below 0.01.</summary>
    public static Curve VLog() => new LogLinearCurve(new LogLinearParameters
    {
        Base = 10,
        LogSlope = 0.241514,
        LogOffset = 0.598206,
        LinOffset = 0.00873,
        ToeSlope = 5.6,
        ToeOffset = 0.125,
        LinearBreak = 0.01,
    }, encode: false);

    /// <summary>Blackmagic Film Generation 5 (Blackmagic Design, "Generation 5 Color Science" technical note, 2021).</summary>
    public static Curve BlackmagicFilmGen5() => new LogLinearCurve(new LogLinearParameters
    {
        Base = Math.E,
        LogSlope = 0.08692876065491224,
        LogOffset = 0.5300133392291939,
        LinOffset = 0.005494072432257808,
        ToeSlope = 8.283605932402494,
        ToeOffset = 0.09246575342465753,
        LinearBreak = 0.005,
    }, encode: false);

    /// <summary>DaVinci Intermediate (Blackmagic Design, "DaVinci Wide Gamut - DaVinci Intermediate", 2020): A = 0.0075, B = 7, C = 0.07329248, M = 10.44426855, linear cut 0.00262409.</summary>
    public static Curve DaVinciIntermediate() => new LogLinearCurve(new LogLinearParameters
    {
        Base = 2,
        LogSlope = 0.07329248,
        LogOffset = 0.07329248 * 7.0,
        LinOffset = 0.0075,
        ToeSlope = 10.44426855,
        ToeOffset = 0,
        LinearBreak = 0.00262409,
    }, encode: false);

    /// <summary>
    /// DJI D-Log (DJI, "D-Log and D-Gamut White Paper", 2017), as the ACES 2.0 CSC.DJI.DLog_DGamut_to_ACES
    /// decodes it: (10^(3.89616·y − 2.27752) − 0.0108)/0.9892 above code 0.14, (y − 0.0929)/6.025 below.
    /// Encoding is this decoding's exact inverse (the white paper's rounded encoder differs by ~1e-6).
    /// </summary>
    public static Curve DLog() => new LogLinearCurve(new LogLinearParameters
    {
        Base = 10,
        LogSlope = 1 / 3.89616,
        LogOffset = 2.27752 / 3.89616,
        LinSlope = 0.9892,
        LinOffset = 0.0108,
        ToeSlope = 6.025,
        ToeOffset = 0.0929,
    }.WithLogBreak(0.14), encode: false);

    /// <summary>
    /// Canon Log 2 (Canon, "Canon Log Gamma Curves" input-transform notes; ACES 2.0 CSC.Canon.CLog2_CGamut_to_ACES):
    /// odd-symmetric about code 0.092864125, with the 0.9 reflectance factor of Canon's IDTs.
    /// </summary>
    public static Curve CanonLog2()
    {
        const double Pivot = 0.092864125, Slope = 0.24136077, Gain = 87.099375;
        static double Decode(double y) => y < Pivot
            ? -0.9 * (Math.Pow(10, (Pivot - y) / Slope) - 1) / Gain
            : 0.9 * (Math.Pow(10, (y - Pivot) / Slope) - 1) / Gain;
        static double Encode(double x) => x < 0
            ? Pivot - (Slope * Math.Log10(1 - (x / 0.9 * Gain)))
            : Pivot + (Slope * Math.Log10(1 + (x / 0.9 * Gain)));
        return new FunctionCurve("canon-log2 decode", Decode, Encode, "canon-log2 encode");
    }

    /// <summary>
    /// Canon Log 3 (Canon, input-transform notes v1.2; ACES 2.0 CSC.Canon.CLog3_CGamut_to_ACES): log
    /// segments either side of a linear section between codes 0.097465473 and 0.15277891, with the 0.9
    /// reflectance factor.
    /// </summary>
    public static Curve CanonLog3()
    {
        const double LowBreak = 0.097465473, HighBreak = 0.15277891, Slope = 0.36726845, Gain = 14.98325;
        const double LowPivot = 0.12783901, HighPivot = 0.12240537, ToeSlope = 1.9754798, ToeOffset = 0.12512219;
        static double Decode(double y) => y < LowBreak
            ? -0.9 * (Math.Pow(10, (LowPivot - y) / Slope) - 1) / Gain
            : y <= HighBreak
                ? 0.9 * (y - ToeOffset) / ToeSlope
                : 0.9 * (Math.Pow(10, (y - HighPivot) / Slope) - 1) / Gain;
        static double Encode(double x)
        {
            var s = x / 0.9;
            return s < (LowBreak - ToeOffset) / ToeSlope
                ? LowPivot - (Slope * Math.Log10(1 - (s * Gain)))
                : s <= (HighBreak - ToeOffset) / ToeSlope
                    ? (ToeSlope * s) + ToeOffset
                    : HighPivot + (Slope * Math.Log10(1 + (s * Gain)));
        }

        return new FunctionCurve("canon-log3 decode", Decode, Encode, "canon-log3 encode");
    }

    /// <summary>
    /// Apple Log (Apple, "Apple Log Profile" white paper, 2023; ACES 2.0 CSC.Apple.AppleLog_BT2020_to_ACES):
    /// a log2 segment above R_t = 0.01 and a quadratic toe down to R_0 = −0.05641088, below which
    /// every value encodes to 0 (so codes below 0 decode to R_0 and do not round-trip).
    /// </summary>
    public static Curve AppleLog()
    {
        const double R0 = -0.05641088, Rt = 0.01, Sigma = 47.28711236, Beta = 0.00964052, Gamma = 0.08550479, Delta = 0.69336945;
        const double Pt = Sigma * (Rt - R0) * (Rt - R0);
        static double Decode(double y) => y >= Pt
            ? Math.Pow(2, (y - Delta) / Gamma) - Beta
            : y >= 0 ? Math.Sqrt(y / Sigma) + R0 : R0;
        static double Encode(double x) => x >= Rt
            ? (Gamma * Math.Log2(x + Beta)) + Delta
            : x >= R0 ? Sigma * (x - R0) * (x - R0) : 0;
        return new FunctionCurve("apple-log decode", Decode, Encode, "apple-log encode");
    }
}
