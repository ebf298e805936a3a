using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rushes.Colour.Kernel;

/// <summary>What a power curve does below zero.</summary>
internal enum Negatives
{
    /// <summary>Negative values become 0 (OpenColorIO's ExponentTransform, "basic" style).</summary>
    Clamp,

    /// <summary>The curve is mirrored: f(−x) = −f(x) (OpenColorIO's "mirror" styles).</summary>
    Mirror,
}

/// <summary>
/// y = x^exponent, as display encodings use it: the inverse of BT.1886's EOTF (exponent 1/2.4), of
/// gamma 2.2 and of the cinema gamma 2.6.
/// </summary>
internal sealed class PowerCurve(double exponent, Negatives negatives) : Curve
{
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"pow {exponent:R} {negatives}");

    public override Curve Inverse() => new PowerCurve(1 / exponent, negatives);

    public override double Evaluate(double x)
        => x >= 0 ? Math.Pow(x, exponent) : negatives == Negatives.Mirror ? -Math.Pow(-x, exponent) : double.IsNaN(x) ? x : 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override int ApplyVector(Span<float> values)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }

        var end = values.Length - (values.Length % Vector256<float>.Count);
        for (var i = 0; i < end; i += Vector256<float>.Count)
        {
            var (lower, upper) = Vector256.Widen(Vector256.Create<float>(values[i..]));
            Vector256.Narrow(Power(lower), Power(upper)).CopyTo(values[i..]);
        }

        return end;
    }

    private Vector256<double> Power(Vector256<double> x)
    {
        var magnitude = Vector256.Abs(x);
        // 0^e is 0: exp(e·log(0)) = exp(−∞) = 0 for positive exponents.
        var power = Vector256.Exp(Vector256.Log(magnitude) * exponent);
        var negative = Vector256.LessThan(x, Vector256<double>.Zero);
        var below = negatives == Negatives.Mirror ? -power : Vector256<double>.Zero;
        return Vector256.ConditionalSelect(negative, below, power);
    }
}

/// <summary>
/// A power function with a linear segment near black, as OpenColorIO's MonCurve: encoding
/// y = (1 + offset)·x^(1/gamma) − offset above <c>linearBreak</c>, y = slope·x below it (negative
/// values included, unless mirrored). sRGB (IEC 61966-2-1) and the BT.709 camera OETF are of this form.
/// </summary>
internal sealed class MonCurve : Curve
{
    private readonly double _gamma, _offset, _break, _slope;
    private readonly bool _encode, _mirror;

    public MonCurve(double gamma, double offset, double linearBreak, double slope, bool encode, bool mirror = false)
    {
        (_gamma, _offset, _break, _slope, _encode, _mirror) = (gamma, offset, linearBreak, slope, encode, mirror);
    }

    /// <summary>The sRGB encoding as IEC 61966-2-1 states it: gamma 2.4, offset 0.055, break 0.0031308, slope 12.92.</summary>
    public static MonCurve SrgbEncode() => new(2.4, 0.055, 0.0031308, 12.92, encode: true);

    /// <summary>
    /// An encoding from its gamma and offset alone, with the break and slope that make it continuous
    /// in value and slope, as OpenColorIO's MonCurve derives them: the code-value break is
    /// offset/(gamma − 1). For sRGB this gives slope 12.9232 and break 0.0030399 (IEC rounds them to
    /// 12.92 and 0.0031308; the curves differ by at most 1e-4, in the toe).
    /// </summary>
    public static MonCurve ContinuousEncode(double gamma, double offset, bool mirror = false)
    {
        var codeBreak = offset / (gamma - 1);
        var linearBreak = Math.Pow((codeBreak + offset) / (1 + offset), gamma);
        return new MonCurve(gamma, offset, linearBreak, codeBreak / linearBreak, encode: true, mirror);
    }

    /// <summary>The ITU-R BT.709 camera OETF: 1.099·L^0.45 − 0.099 above 0.018, 4.5·L below.</summary>
    public static MonCurve Rec709Oetf() => new(1 / 0.45, 0.099, 0.018, 4.5, encode: true);

    public override string Key => string.Create(CultureInfo.InvariantCulture, $"moncurve {(_encode ? "encode" : "decode")} {_gamma:R} {_offset:R} {_break:R} {_slope:R} {(_mirror ? "mirror" : "toe")}");

    public override Curve Inverse() => new MonCurve(_gamma, _offset, _break, _slope, !_encode, _mirror);

    public override double Evaluate(double x)
    {
        if (_mirror && x < 0)
        {
            return -Evaluate(-x);
        }

        return _encode
            ? x >= _break ? ((1 + _offset) * Math.Pow(x, 1 / _gamma)) - _offset : _slope * x
            : x >= _slope * _break ? Math.Pow((x + _offset) / (1 + _offset), _gamma) : x / _slope;
    }
}

/// <summary>
/// SMPTE ST 2084 (PQ), with linear 1.0 = 100 cd/m² as OpenColorIO's "LINEAR_to_ST-2084" has it,
/// mirrored below zero. m1 = 2610/16384, m2 = 2523/4096·128, c1 = 3424/4096, c2 = 2413/4096·32, c3 = 2392/4096·32.
/// </summary>
internal sealed class PqCurve(bool encode) : Curve
{
    private const double M1 = 2610.0 / 16384, M2 = 2523.0 / 4096 * 128, C1 = 3424.0 / 4096, C2 = 2413.0 / 4096 * 32, C3 = 2392.0 / 4096 * 32;
    private const double NitsPerUnit = 100, PeakNits = 10000;

    public override string Key => encode ? "pq encode 100nit" : "pq decode 100nit";

    public override Curve Inverse() => new PqCurve(!encode);

    public override double Evaluate(double x)
    {
        if (x < 0)
        {
            return -Evaluate(-x);
        }

        if (encode)
        {
            var y = Math.Pow(x * NitsPerUnit / PeakNits, M1);
            return Math.Pow((C1 + (C2 * y)) / (1 + (C3 * y)), M2);
        }

        var e = Math.Pow(x, 1 / M2);
        return Math.Pow(Math.Max(e - C1, 0) / (C2 - (C3 * e)), 1 / M1) * PeakNits / NitsPerUnit;
    }
}

/// <summary>
/// The ITU-R BT.2100 HLG OETF as OpenColorIO's "CURVE - HLG-OETF" scales it: y = √x up to x = 1/4,
/// a·ln(4x − b) + c above (so scene-linear 3 reaches code 1), mirrored below zero;
/// a = 0.17883277, b = 1 − 4a, c = 0.5 − a·ln(4a).
/// </summary>
internal sealed class HlgCurve(bool encode) : Curve
{
    private const double A = 0.17883277;
    private static readonly double B = 1 - (4 * A);
    private static readonly double C = 0.5 - (A * Math.Log(4 * A));

    public override string Key => encode ? "hlg oetf" : "hlg oetf inverse";

    public override Curve Inverse() => new HlgCurve(!encode);

    public override double Evaluate(double x)
    {
        if (x < 0)
        {
            return -Evaluate(-x);
        }

        return encode
            ? x <= 0.25 ? Math.Sqrt(x) : (A * Math.Log((4 * x) - B)) + C
            : x <= 0.5 ? x * x : (Math.Exp((x - C) / A) + B) / 4;
    }
}
