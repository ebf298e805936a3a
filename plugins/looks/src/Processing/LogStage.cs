using System.Numerics;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>
/// The CLF Log op (CLF v3 §Log, restated in standards.md §5.2), per channel in double precision:
/// vectors of floats are widened to <see cref="Vector{T}"/> of doubles for the SIMD log and exp.
/// </summary>
internal sealed class LogStage : Stage
{
    // FLT_MIN: CLF floors the argument of every logarithm here.
    private const double FloatMin = 1.175494e-38;

    private readonly Curve[] _curves;

    public LogStage(LogOp op) => _curves = [.. op.Channels.Select(p => new Curve(op.Style, p))];

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        _curves[0].Apply(red);
        _curves[1].Apply(green);
        _curves[2].Apply(blue);
    }

    /// <summary>One channel's curve with its derived constants computed once.</summary>
    private sealed class Curve
    {
        private readonly LogStyle _style;
        private readonly double _base, _lnBase, _logSlope, _logOffset, _linSlope, _linOffset;
        private readonly double _linBreak, _logBreak, _linearSlope, _linearOffset;

        public Curve(LogStyle style, LogParams p)
        {
            _style = style;
            _base = style is LogStyle.Log10 or LogStyle.AntiLog10 ? 10 : style is LogStyle.Log2 or LogStyle.AntiLog2 ? 2 : p.Base;
            _lnBase = Math.Log(_base);
            (_logSlope, _logOffset, _linSlope, _linOffset) = (p.LogSideSlope, p.LogSideOffset, p.LinSideSlope, p.LinSideOffset);
            if (p.LinSideBreak is { } linBreak)
            {
                // The linear segment meets the log segment at the break; its slope defaults to the log's
                // derivative there (CLF v3 §Log, cameraLinToLog).
                _linBreak = linBreak;
                _logBreak = LinToLog(linBreak);
                _linearSlope = p.LinearSlope ?? (_logSlope * _linSlope / (((_linSlope * linBreak) + _linOffset) * _lnBase));
                _linearOffset = _logBreak - (_linearSlope * linBreak);
            }
        }

        public void Apply(Span<float> channel)
        {
            if (!Vector.IsHardwareAccelerated)
            {
                for (var i = 0; i < channel.Length; i++)
                {
                    channel[i] = (float)Evaluate(channel[i]);
                }

                return;
            }

            // The last partial vector goes through a padded copy, so every value gets the same
            // arithmetic wherever the host's row bands split the image.
            var width = Vector<float>.Count;
            var end = channel.Length - (channel.Length % width);
            for (var i = 0; i < end; i += width)
            {
                Evaluate(new Vector<float>(channel[i..])).CopyTo(channel[i..]);
            }

            if (end < channel.Length)
            {
                Span<float> tail = stackalloc float[width];
                tail.Clear();
                channel[end..].CopyTo(tail);
                Evaluate(new Vector<float>(tail)).CopyTo(tail);
                tail[..(channel.Length - end)].CopyTo(channel[end..]);
            }
        }

        private Vector<float> Evaluate(Vector<float> x)
        {
            Vector.Widen(x, out var low, out var high);
            return Vector.Narrow(Evaluate(low), Evaluate(high));
        }

        private Vector<double> Evaluate(Vector<double> x) => _style switch
        {
            LogStyle.Log10 or LogStyle.Log2 => Vector.Log(Vector.Max(x, new Vector<double>(FloatMin))) / new Vector<double>(_lnBase),
            LogStyle.AntiLog10 or LogStyle.AntiLog2 => Vector.Exp(x * new Vector<double>(_lnBase)),
            LogStyle.LinToLog => LinToLog(x),
            LogStyle.LogToLin => LogToLin(x),
            LogStyle.CameraLinToLog => Vector.ConditionalSelect(
                Vector.LessThanOrEqual(x, new Vector<double>(_linBreak)),
                (new Vector<double>(_linearSlope) * x) + new Vector<double>(_linearOffset),
                LinToLog(x)),
            _ => Vector.ConditionalSelect(
                Vector.LessThanOrEqual(x, new Vector<double>(_logBreak)),
                (x - new Vector<double>(_linearOffset)) / new Vector<double>(_linearSlope),
                LogToLin(x)),
        };

        private Vector<double> LinToLog(Vector<double> x)
            => (new Vector<double>(_logSlope / _lnBase) * Vector.Log(Vector.Max((new Vector<double>(_linSlope) * x) + new Vector<double>(_linOffset), new Vector<double>(FloatMin))))
               + new Vector<double>(_logOffset);

        private Vector<double> LogToLin(Vector<double> y)
            => (Vector.Exp((y - new Vector<double>(_logOffset)) * new Vector<double>(_lnBase / _logSlope)) - new Vector<double>(_linOffset)) / new Vector<double>(_linSlope);

        private double Evaluate(double x) => _style switch
        {
            LogStyle.Log10 or LogStyle.Log2 => Math.Log(Math.Max(x, FloatMin)) / _lnBase,
            LogStyle.AntiLog10 or LogStyle.AntiLog2 => Math.Pow(_base, x),
            LogStyle.LinToLog => LinToLog(x),
            LogStyle.LogToLin => LogToLin(x),
            LogStyle.CameraLinToLog => x <= _linBreak ? (_linearSlope * x) + _linearOffset : LinToLog(x),
            _ => x <= _logBreak ? (x - _linearOffset) / _linearSlope : LogToLin(x),
        };

        private double LinToLog(double x)
            => (_logSlope * Math.Log(Math.Max((_linSlope * x) + _linOffset, FloatMin)) / _lnBase) + _logOffset;

        private double LogToLin(double y)
            => (Math.Pow(_base, (y - _logOffset) / _logSlope) - _linOffset) / _linSlope;
    }
}
