using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rushes.Colour.Kernel;

/// <summary>
/// The parametric camera-log form most vendors publish, and OpenColorIO's LogCameraTransform:
/// <c>y = logSlope · log_base(linSlope · x + linOffset) + logOffset</c> above a break, and an optional
/// linear toe <c>y = toeSlope · x + toeOffset</c> below it. Encoding runs linear → log, decoding
/// log → linear; each is the exact inverse of the other. The vector path widens to double, so SIMD
/// and scalar results agree to the last float bit in all but rare rounding ties.
/// </summary>
internal sealed class LogLinearCurve : Curve
{
    // OpenColorIO's LogAffine op clamps the log argument to FLT_MIN so that values below the
    // curve's domain give a very negative code value instead of NaN.
    private const double MinLogArgument = 1.17549435e-38;

    private readonly LogLinearParameters _p;
    private readonly bool _encode;
    private readonly double _logScale; // logSlope / log2(base)
    private readonly double _expScale; // ln(base) / logSlope

    public LogLinearCurve(LogLinearParameters parameters, bool encode)
    {
        _p = parameters;
        _encode = encode;
        _logScale = parameters.LogSlope / Math.Log2(parameters.Base);
        _expScale = Math.Log(parameters.Base) / parameters.LogSlope;
    }

    public override string Key => (_encode ? "encode " : "decode ") + _p;

    public override Curve Inverse() => new LogLinearCurve(_p, !_encode);

    public override double Evaluate(double x) => _encode ? Encode(x) : Decode(x);

    private double Encode(double x)
        => x >= _p.LinearBreak || !_p.HasToe
            ? (_logScale * Math.Log2(Math.Max((_p.LinSlope * x) + _p.LinOffset, MinLogArgument))) + _p.LogOffset
            : (_p.ToeSlope * x) + _p.ToeOffset;

    private double Decode(double y)
        => y >= _p.LogBreak || !_p.HasToe
            ? (Math.Exp((y - _p.LogOffset) * _expScale) - _p.LinOffset) / _p.LinSlope
            : (y - _p.ToeOffset) / _p.ToeSlope;

    // Hot loops are compiled fully optimised at once: tier-0 code does not inline the vector maths.
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
            var result = _encode
                ? Vector256.Narrow(EncodeVector(lower), EncodeVector(upper))
                : Vector256.Narrow(DecodeVector(lower), DecodeVector(upper));
            result.CopyTo(values[i..]);
        }

        return end;
    }

    private Vector256<double> EncodeVector(Vector256<double> x)
    {
        var argument = Vector256.Max((x * _p.LinSlope) + Vector256.Create(_p.LinOffset), Vector256.Create(MinLogArgument));
        var log = (Vector256.Log2(argument) * _logScale) + Vector256.Create(_p.LogOffset);
        if (!_p.HasToe)
        {
            return log;
        }

        var toe = (x * _p.ToeSlope) + Vector256.Create(_p.ToeOffset);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256.Create(_p.LinearBreak)), log, toe);
    }

    private Vector256<double> DecodeVector(Vector256<double> y)
    {
        var lin = (Vector256.Exp((y - Vector256.Create(_p.LogOffset)) * _expScale) - Vector256.Create(_p.LinOffset)) / Vector256.Create(_p.LinSlope);
        if (!_p.HasToe)
        {
            return lin;
        }

        var toe = (y - Vector256.Create(_p.ToeOffset)) / Vector256.Create(_p.ToeSlope);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(y, Vector256.Create(_p.LogBreak)), lin, toe);
    }
}

/// <summary>
/// The constants of a <see cref="LogLinearCurve"/>. The break is given on the linear side
/// (<see cref="LinearBreak"/>) or on the code-value side (<see cref="LogBreak"/>) as the vendor
/// publishes it; the other side follows from the toe so that both directions switch at the same point.
/// </summary>
internal sealed record LogLinearParameters
{
    public required double Base { get; init; }

    public required double LogSlope { get; init; }

    public required double LogOffset { get; init; }

    public double LinSlope { get; init; } = 1;

    public double LinOffset { get; init; }

    /// <summary>Slope of the linear toe; 0 when the curve has none.</summary>
    public double ToeSlope { get; init; }

    public double ToeOffset { get; init; }

    public bool HasToe => ToeSlope != 0;

    public double LinearBreak { get; init; } = double.NegativeInfinity;

    public double LogBreak => HasToe ? (ToeSlope * LinearBreak) + ToeOffset : double.NegativeInfinity;

    /// <summary>The parameters with the break set on the code-value side.</summary>
    public LogLinearParameters WithLogBreak(double logBreak) => this with { LinearBreak = (logBreak - ToeOffset) / ToeSlope };

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"log{Base:R} {LogSlope:R} {LogOffset:R} {LinSlope:R} {LinOffset:R} toe {ToeSlope:R} {ToeOffset:R} break {LinearBreak:R}");
}
