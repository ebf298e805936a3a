using System.Numerics;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>
/// ASC CDL v1.2 in the four CLF styles (standards.md §4.1). Slope, offset and power run per channel;
/// saturation, which mixes channels with the Rec.709 luma weights, runs with <see cref="Vector{T}"/>.
/// </summary>
internal sealed class CdlStage : Stage
{
    // Rec.709 luma weights, as ASC CDL v1.2 specifies for saturation.
    private const float LumaR = 0.2126f, LumaG = 0.7152f, LumaB = 0.0722f;

    private readonly float[] _slope, _offset, _power, _inversePower;
    private readonly float _saturation;
    private readonly bool _clamp, _reverse;

    public CdlStage(CdlOp cdl)
    {
        _slope = [.. cdl.Slope.Select(v => (float)v)];
        _offset = [.. cdl.Offset.Select(v => (float)v)];
        _power = [.. cdl.Power.Select(v => (float)v)];
        _inversePower = [.. cdl.Power.Select(v => (float)(1 / v))];
        _saturation = (float)cdl.Saturation;
        _clamp = cdl.Style is CdlStyle.Fwd or CdlStyle.Rev;
        _reverse = cdl.Style is CdlStyle.Rev or CdlStyle.RevNoClamp;
    }

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (_reverse)
        {
            if (_clamp)
            {
                Clamp(red);
                Clamp(green);
                Clamp(blue);
            }

            Saturate(red, green, blue, 1 / _saturation);
            ReverseSop(red, 0);
            ReverseSop(green, 1);
            ReverseSop(blue, 2);
        }
        else
        {
            ForwardSop(red, 0);
            ForwardSop(green, 1);
            ForwardSop(blue, 2);
            Saturate(red, green, blue, _saturation);
        }
    }

    private void ForwardSop(Span<float> channel, int c)
    {
        var (slope, offset, power) = (_slope[c], _offset[c], _power[c]);
        var end = VectorEnd(channel.Length);
        var (vSlope, vOffset) = (new Vector<float>(slope), new Vector<float>(offset));
        for (var i = 0; i < end; i += Vector<float>.Count)
        {
            var v = (new Vector<float>(channel[i..]) * vSlope) + vOffset;
            if (_clamp)
            {
                v = Vector.Min(Vector.Max(v, Vector<float>.Zero), Vector<float>.One);
            }

            Power(v, power).CopyTo(channel[i..]);
        }

        for (var i = end; i < channel.Length; i++)
        {
            var v = (channel[i] * slope) + offset;
            if (_clamp)
            {
                v = Math.Clamp(v, 0f, 1f);
            }

            // The no-clamp styles pass negatives through the power untouched.
            channel[i] = power == 1 || !(v >= 0) ? v : MathF.Pow(v, power);
        }
    }

    private void ReverseSop(Span<float> channel, int c)
    {
        var (inverseSlope, offset, inversePower) = (1 / _slope[c], _offset[c], _inversePower[c]);
        var end = VectorEnd(channel.Length);
        var (vInverseSlope, vOffset) = (new Vector<float>(inverseSlope), new Vector<float>(offset));
        for (var i = 0; i < end; i += Vector<float>.Count)
        {
            var v = new Vector<float>(channel[i..]);
            if (_clamp)
            {
                v = Vector.Min(Vector.Max(v, Vector<float>.Zero), Vector<float>.One);
            }

            v = (Power(v, inversePower) - vOffset) * vInverseSlope;
            (_clamp ? Vector.Min(Vector.Max(v, Vector<float>.Zero), Vector<float>.One) : v).CopyTo(channel[i..]);
        }

        for (var i = end; i < channel.Length; i++)
        {
            var v = channel[i];
            if (_clamp)
            {
                v = Math.Clamp(v, 0f, 1f);
            }

            v = inversePower == 1 || !(v >= 0) ? v : MathF.Pow(v, inversePower);
            v = (v - offset) * inverseSlope;
            channel[i] = _clamp ? Math.Clamp(v, 0f, 1f) : v;
        }
    }

    private static int VectorEnd(int length) => Vector.IsHardwareAccelerated ? length - (length % Vector<float>.Count) : 0;

    /// <summary>
    /// v^p for v &gt; 0 as exp(p·ln v) on widened doubles (SIMD, full float accuracy); zero stays zero and
    /// negatives pass through, as the no-clamp styles require.
    /// </summary>
    private static Vector<float> Power(Vector<float> v, float power)
    {
        if (power == 1)
        {
            return v;
        }

        Vector.Widen(v, out var low, out var high);
        var p = new Vector<double>(power);
        var raised = Vector.Narrow(Vector.Exp(p * Vector.Log(low)), Vector.Exp(p * Vector.Log(high)));
        return Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), raised, v);
    }

    /// <summary>out = L + sat·(in − L) with L the Rec.709 luma; clamped to [0,1] in the clamping styles.</summary>
    private void Saturate(Span<float> red, Span<float> green, Span<float> blue, float saturation)
    {
        if (saturation == 1 && !(_clamp && !_reverse))
        {
            return;
        }

        var clampOut = _clamp && !_reverse;
        var width = Vector<float>.Count;
        var end = Vector.IsHardwareAccelerated ? red.Length - (red.Length % width) : 0;
        var (wr, wg, wb, sat) = (new Vector<float>(LumaR), new Vector<float>(LumaG), new Vector<float>(LumaB), new Vector<float>(saturation));
        for (var i = 0; i < end; i += width)
        {
            var r = new Vector<float>(red[i..]);
            var g = new Vector<float>(green[i..]);
            var b = new Vector<float>(blue[i..]);
            var luma = (wr * r) + (wg * g) + (wb * b);
            r = luma + (sat * (r - luma));
            g = luma + (sat * (g - luma));
            b = luma + (sat * (b - luma));
            if (clampOut)
            {
                r = Vector.Min(Vector.Max(r, Vector<float>.Zero), Vector<float>.One);
                g = Vector.Min(Vector.Max(g, Vector<float>.Zero), Vector<float>.One);
                b = Vector.Min(Vector.Max(b, Vector<float>.Zero), Vector<float>.One);
            }

            r.CopyTo(red[i..]);
            g.CopyTo(green[i..]);
            b.CopyTo(blue[i..]);
        }

        for (var i = end; i < red.Length; i++)
        {
            var (r, g, b) = (red[i], green[i], blue[i]);
            var luma = (LumaR * r) + (LumaG * g) + (LumaB * b);
            (r, g, b) = (luma + (saturation * (r - luma)), luma + (saturation * (g - luma)), luma + (saturation * (b - luma)));
            (red[i], green[i], blue[i]) = clampOut ? (Math.Clamp(r, 0f, 1f), Math.Clamp(g, 0f, 1f), Math.Clamp(b, 0f, 1f)) : (r, g, b);
        }
    }

    private static void Clamp(Span<float> channel)
    {
        for (var i = 0; i < channel.Length; i++)
        {
            channel[i] = Math.Clamp(channel[i], 0f, 1f);
        }
    }
}
