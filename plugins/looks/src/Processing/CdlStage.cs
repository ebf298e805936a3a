using System.Numerics;
using Rushes.Contracts.Plugins;
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
        if (_reverse && (cdl.Saturation == 0 || cdl.Slope.Any(v => v == 0)))
        {
            throw new InputException($"An ASC CDL with a zero slope or saturation cannot run in reverse ({cdl.Summary()}).", field: "ASC_CDL", expected: "non-zero slopes and saturation for the Rev styles");
        }
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
        if (!Vector.IsHardwareAccelerated)
        {
            for (var i = 0; i < channel.Length; i++)
            {
                var v = (channel[i] * slope) + offset;
                v = _clamp ? Math.Clamp(v, 0f, 1f) : v;

                // The no-clamp styles pass negatives through the power untouched.
                channel[i] = power == 1 || !(v >= 0) ? v : MathF.Pow(v, power);
            }

            return;
        }

        var (vSlope, vOffset) = (new Vector<float>(slope), new Vector<float>(offset));
        Vector<float> Forward(Vector<float> x)
        {
            var v = (x * vSlope) + vOffset;
            return Power(_clamp ? Vector.Min(Vector.Max(v, Vector<float>.Zero), Vector<float>.One) : v, power);
        }

        EveryVector(channel, Forward);
    }

    private void ReverseSop(Span<float> channel, int c)
    {
        var (inverseSlope, offset, inversePower) = (1 / _slope[c], _offset[c], _inversePower[c]);
        if (!Vector.IsHardwareAccelerated)
        {
            for (var i = 0; i < channel.Length; i++)
            {
                var v = _clamp ? Math.Clamp(channel[i], 0f, 1f) : channel[i];
                v = inversePower == 1 || !(v >= 0) ? v : MathF.Pow(v, inversePower);
                v = (v - offset) * inverseSlope;
                channel[i] = _clamp ? Math.Clamp(v, 0f, 1f) : v;
            }

            return;
        }

        var (vInverseSlope, vOffset) = (new Vector<float>(inverseSlope), new Vector<float>(offset));
        Vector<float> Reverse(Vector<float> x)
        {
            var v = _clamp ? Vector.Min(Vector.Max(x, Vector<float>.Zero), Vector<float>.One) : x;
            v = (Power(v, inversePower) - vOffset) * vInverseSlope;
            return _clamp ? Vector.Min(Vector.Max(v, Vector<float>.Zero), Vector<float>.One) : v;
        }

        EveryVector(channel, Reverse);
    }

    /// <summary>
    /// Runs a vector function over a whole run, the last partial vector through a padded copy, so that
    /// every value gets the same arithmetic wherever the host's row bands happen to split the image.
    /// </summary>
    private static void EveryVector(Span<float> channel, Func<Vector<float>, Vector<float>> function)
    {
        var width = Vector<float>.Count;
        var end = channel.Length - (channel.Length % width);
        for (var i = 0; i < end; i += width)
        {
            function(new Vector<float>(channel[i..])).CopyTo(channel[i..]);
        }

        if (end < channel.Length)
        {
            Span<float> tail = stackalloc float[width];
            tail.Clear();
            channel[end..].CopyTo(tail);
            function(new Vector<float>(tail)).CopyTo(tail);
            tail[..(channel.Length - end)].CopyTo(channel[end..]);
        }
    }

    /// <summary>
    /// v^p for v &gt; 0 as exp(p·ln v) with the SIMD float log and exp (within a few float steps of
    /// MathF.Pow); zero stays zero and negatives pass through, as the no-clamp styles require.
    /// </summary>
    private static Vector<float> Power(Vector<float> v, float power)
    {
        if (power == 1)
        {
            return v;
        }

        var raised = Vector.Exp(new Vector<float>(power) * Vector.Log(v));
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
