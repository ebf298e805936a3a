using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>
/// A 1D LUT over [0,1] with linear interpolation (CLF Appendix A): the input is clamped to the domain,
/// <c>p = x·(N−1)</c>, and the two neighbouring entries are mixed by the fraction of <c>p</c>.
/// </summary>
internal sealed class Lut1DStage : Stage
{
    private readonly float[][] _channels;
    private readonly float _last;

    public Lut1DStage(Lut1DOp lut)
    {
        _channels = Lut1DTables.Split(lut);
        _last = lut.Size - 1;
    }

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        Apply(red, _channels[0]);
        Apply(green, _channels[1]);
        Apply(blue, _channels[2]);
    }

    private void Apply(Span<float> channel, float[] table)
    {
        var lastCell = table.Length - 2;
        for (var i = 0; i < channel.Length; i++)
        {
            // NaN maps to the first entry, like any value below the domain.
            var x = channel[i];
            var p = (x > 0 ? Math.Min(x, 1f) : 0f) * _last;
            var cell = Math.Min((int)p, lastCell);
            var f = p - cell;
            var v0 = table[cell];
            channel[i] = v0 + (f * (table[cell + 1] - v0));
        }
    }
}

/// <summary>
/// A half-domain 1D LUT: 65536 entries, one per half-float bit pattern (CLF §LUT1D halfDomain). A float
/// that is not exactly a half mixes the entries of the two halves around it, in proportion to its value.
/// </summary>
internal sealed class HalfDomainLut1DStage(Lut1DOp lut) : Stage
{
    private const ushort SignBit = 0x8000;
    private const ushort LargestFinite = 0x7BFF;

    private readonly float[][] _channels = Lut1DTables.Split(lut);

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        Apply(red, _channels[0]);
        Apply(green, _channels[1]);
        Apply(blue, _channels[2]);
    }

    private static void Apply(Span<float> channel, float[] table)
    {
        for (var i = 0; i < channel.Length; i++)
        {
            channel[i] = Lookup(channel[i], table);
        }
    }

    private static float Lookup(float x, float[] table)
    {
        if (!float.IsFinite(x))
        {
            return table[BitConverter.HalfToUInt16Bits((Half)x)];
        }

        var sign = x < 0 ? SignBit : (ushort)0;
        var magnitude = Math.Abs(x);
        var nearest = BitConverter.HalfToUInt16Bits((Half)magnitude);
        if (nearest > LargestFinite)
        {
            return table[LargestFinite | sign];
        }

        var nearestValue = (float)BitConverter.UInt16BitsToHalf(nearest);
        if (nearestValue == magnitude)
        {
            return table[nearest | sign];
        }

        // Positive halves increase with their bit patterns, so the neighbours are one pattern apart.
        var low = nearestValue < magnitude ? nearest : (ushort)(nearest - 1);
        var high = (ushort)Math.Min(low + 1, LargestFinite);
        var lowValue = (float)BitConverter.UInt16BitsToHalf(low);
        var highValue = (float)BitConverter.UInt16BitsToHalf(high);
        var f = highValue > lowValue ? (magnitude - lowValue) / (highValue - lowValue) : 0;
        var v0 = table[low | sign];
        return v0 + (f * (table[high | sign] - v0));
    }
}

/// <summary>
/// A monotonic 1D LUT run backwards: each output is found by binary search among the entries and
/// mapped back to [0,1] by linear interpolation within its segment (values outside the range clamp).
/// </summary>
internal sealed class InverseLut1DStage : Stage
{
    private readonly float[][] _channels;
    private readonly bool[] _decreasing;
    private readonly float _last;

    public InverseLut1DStage(Lut1DOp lut)
    {
        _channels = Lut1DTables.Split(lut);
        _decreasing = [.. _channels.Select(c => c[^1] < c[0])];
        _last = lut.Size - 1;
    }

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        Apply(red, 0);
        Apply(green, 1);
        Apply(blue, 2);
    }

    private void Apply(Span<float> channel, int c)
    {
        var table = _channels[c];
        var decreasing = _decreasing[c];
        for (var i = 0; i < channel.Length; i++)
        {
            channel[i] = Invert(table, decreasing, channel[i]) / _last;
        }
    }

    /// <summary>The fractional index at which the table reaches <paramref name="y"/>.</summary>
    private static float Invert(float[] table, bool decreasing, float y)
    {
        var n = table.Length;
        var (first, last) = (table[0], table[n - 1]);
        if (decreasing ? !(y < first) : !(y > first))
        {
            return FirstIndexOf(table, first);
        }

        if (decreasing ? y <= last : y >= last)
        {
            return LastIndexOf(table, last);
        }

        // The first segment whose end reaches y; flat segments are skipped over.
        var (lo, hi) = (0, n - 1);
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (decreasing ? table[mid] > y : table[mid] < y)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = table[hi] - table[lo];
        return lo + (span == 0 ? 0 : (y - table[lo]) / span);
    }

    private static int FirstIndexOf(float[] table, float value)
    {
        var i = 0;
        while (i + 1 < table.Length && table[i + 1] == value)
        {
            i++;
        }

        return i;
    }

    private static int LastIndexOf(float[] table, float value)
    {
        var i = table.Length - 1;
        while (i > 0 && table[i - 1] == value)
        {
            i--;
        }

        return i;
    }
}

/// <summary>Splits channel-interleaved LUT entries into one table per channel.</summary>
internal static class Lut1DTables
{
    public static float[][] Split(Lut1DOp lut)
    {
        var tables = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            tables[c] = new float[lut.Size];
            for (var i = 0; i < lut.Size; i++)
            {
                tables[c][i] = lut.Values[(i * 3) + c];
            }
        }

        return tables;
    }

    /// <summary>True when every channel never decreases, or never increases, and is not flat.</summary>
    public static bool IsMonotonic(Lut1DOp lut)
        => !lut.HalfDomain && Split(lut).All(t =>
        {
            var rising = t[^1] > t[0];
            var falling = t[^1] < t[0];
            return (rising || falling) && t.Zip(t.Skip(1)).All(p => rising ? p.Second >= p.First : p.Second <= p.First);
        });
}
