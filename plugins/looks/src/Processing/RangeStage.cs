using System.Numerics;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>A clamping CLF Range: scale and offset, then clamp to the out range (one or both sides).</summary>
internal sealed class RangeStage : Stage
{
    private readonly float _scale, _offset, _low, _high;

    public RangeStage(RangeOp range)
    {
        _scale = (float)range.Scale;
        _offset = (float)range.Offset;
        _low = range.Clamp && range.HasMin ? (float)range.MinOut!.Value : float.NegativeInfinity;
        _high = range.Clamp && range.HasMax ? (float)range.MaxOut!.Value : float.PositiveInfinity;
    }

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        Apply(red);
        Apply(green);
        Apply(blue);
    }

    private void Apply(Span<float> channel)
    {
        var width = Vector<float>.Count;
        var end = Vector.IsHardwareAccelerated ? channel.Length - (channel.Length % width) : 0;
        var (scale, offset, low, high) = (new Vector<float>(_scale), new Vector<float>(_offset), new Vector<float>(_low), new Vector<float>(_high));
        for (var i = 0; i < end; i += width)
        {
            Vector.Min(Vector.Max((new Vector<float>(channel[i..]) * scale) + offset, low), high).CopyTo(channel[i..]);
        }

        for (var i = end; i < channel.Length; i++)
        {
            channel[i] = Math.Min(Math.Max((channel[i] * _scale) + _offset, _low), _high);
        }
    }
}
