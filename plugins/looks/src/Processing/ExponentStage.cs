using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>The CLF Exponent op (CLF v3 §Exponent, restated in standards.md §5.2), per channel in double precision.</summary>
internal sealed class ExponentStage : Stage
{
    private readonly Curve[] _curves;

    public ExponentStage(ExponentOp op) => _curves = [.. Enumerable.Range(0, 3).Select(c => new Curve(op.Style, op.Exponent[c], op.Offset[c]))];

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        _curves[0].Apply(red);
        _curves[1].Apply(green);
        _curves[2].Apply(blue);
    }

    private sealed class Curve
    {
        private readonly ExponentStyle _style;
        private readonly double _gamma, _offset, _fwdBreak, _revBreak, _slope;
        private readonly bool _identity;

        public Curve(ExponentStyle style, double gamma, double offset)
        {
            (_style, _gamma, _offset) = (style, gamma, offset);
            _identity = gamma == 1 && (offset == 0 || style < ExponentStyle.MonCurveFwd);
            if (style >= ExponentStyle.MonCurveFwd && !_identity)
            {
                // The moncurve's linear toe meets the power segment at x = k/(g−1) with matching slope
                // s = ((g−1)/k)·(k·g/((g−1)(1+k)))^g (CLF v3 §Exponent). g = 1 and k = 0 would divide by
                // zero: as g → 1 the break runs to infinity and the curve is the line x/(1+k) (which is
                // also what OCIO 2.1 computes); k = 0 is a pure power with a flat toe below zero.
                _fwdBreak = gamma == 1 ? double.PositiveInfinity : offset / (gamma - 1);
                _revBreak = gamma == 1 ? double.PositiveInfinity : Math.Pow(offset * gamma / ((gamma - 1) * (1 + offset)), gamma);
                _slope = gamma == 1 ? 1 / (1 + offset) : offset == 0 ? 0 : (gamma - 1) / offset * Math.Pow(offset * gamma / ((gamma - 1) * (1 + offset)), gamma);
            }
        }

        public void Apply(Span<float> channel)
        {
            if (_identity)
            {
                return;
            }

            for (var i = 0; i < channel.Length; i++)
            {
                channel[i] = (float)Evaluate(channel[i]);
            }
        }

        private double Evaluate(double x) => _style switch
        {
            ExponentStyle.BasicFwd => Math.Pow(Math.Max(0, x), _gamma),
            ExponentStyle.BasicRev => Math.Pow(Math.Max(0, x), 1 / _gamma),
            ExponentStyle.BasicMirrorFwd => Math.CopySign(Math.Pow(Math.Abs(x), _gamma), x),
            ExponentStyle.BasicMirrorRev => Math.CopySign(Math.Pow(Math.Abs(x), 1 / _gamma), x),
            ExponentStyle.BasicPassThruFwd => x >= 0 ? Math.Pow(x, _gamma) : x,
            ExponentStyle.BasicPassThruRev => x >= 0 ? Math.Pow(x, 1 / _gamma) : x,
            ExponentStyle.MonCurveFwd => MonCurveFwd(x),
            ExponentStyle.MonCurveRev => MonCurveRev(x),
            ExponentStyle.MonCurveMirrorFwd => Math.CopySign(MonCurveFwd(Math.Abs(x)), x),
            _ => Math.CopySign(MonCurveRev(Math.Abs(x)), x),
        };

        private double MonCurveFwd(double x)
            => x >= _fwdBreak ? Math.Pow((x + _offset) / (1 + _offset), _gamma) : x * _slope;

        private double MonCurveRev(double y)
            => y >= _revBreak ? ((1 + _offset) * Math.Pow(y, 1 / _gamma)) - _offset : _slope == 0 ? 0 : y / _slope;
    }
}
