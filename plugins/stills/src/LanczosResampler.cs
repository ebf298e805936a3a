using System.Numerics;
using System.Runtime.InteropServices;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Stills;

/// <summary>
/// Separable Lanczos-3 resize of float planes, rows in parallel. Downscaling widens the kernel by the
/// scale factor so every source pixel contributes (area-correct, no aliasing in thumbnails); edges repeat
/// the border pixel. Ringing may overshoot 0..1 slightly; the quantizer clamps it.
/// </summary>
internal static class LanczosResampler
{
    // Lanczos with a = 3 lobes: the usual quality/speed point (OpenImageIO's and ImageMagick's default for downsizing).
    private const int Lobes = 3;

    /// <summary>A new image of the target size; the caller disposes it.</summary>
    public static PlanarImage Resize(PlanarImage source, int width, int height, CancellationToken cancellationToken)
    {
        var columns = Taps.For(source.Width, width);
        var rows = Taps.For(source.Height, height);
        using var between = new PlanarImage(width, source.Height, source.Channels);
        var target = new PlanarImage(width, height, source.Channels);
        try
        {
            var options = new ParallelOptions { CancellationToken = cancellationToken };
            Parallel.For(0, source.Channels * source.Height, options, i =>
            {
                var (channel, y) = Math.DivRem(i, source.Height);
                Horizontal(source.GetRow(channel, y), between.GetRow(channel, y), columns);
            });
            Parallel.For(0, source.Channels * height, options, i =>
            {
                var (channel, y) = Math.DivRem(i, height);
                Vertical(between, channel, y, target.GetRow(channel, y), rows);
            });
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    private static void Horizontal(ReadOnlySpan<float> source, Span<float> target, Taps taps)
    {
        for (var x = 0; x < target.Length; x++)
        {
            var weights = taps.Weights(x);
            var input = source.Slice(taps.Start[x], weights.Length);
            var sum = 0f;
            for (var k = 0; k < weights.Length; k++)
            {
                sum += weights[k] * input[k];
            }

            target[x] = sum;
        }
    }

    private static void Vertical(PlanarImage between, int channel, int y, Span<float> target, Taps taps)
    {
        target.Clear();
        var weights = taps.Weights(y);
        for (var k = 0; k < weights.Length; k++)
        {
            // Whole rows at a time: a vector multiply-add over contiguous memory.
            var row = between.GetRow(channel, taps.Start[y] + k);
            var weight = new Vector<float>(weights[k]);
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(row);
            var sums = MemoryMarshal.Cast<float, Vector<float>>(target);
            for (var v = 0; v < vectors.Length; v++)
            {
                sums[v] += vectors[v] * weight;
            }

            for (var x = vectors.Length * Vector<float>.Count; x < row.Length; x++)
            {
                target[x] += row[x] * weights[k];
            }
        }
    }

    private static double Kernel(double x)
    {
        x = Math.Abs(x);
        if (x < 1e-9)
        {
            return 1;
        }

        if (x >= Lobes)
        {
            return 0;
        }

        var px = Math.PI * x;
        return Lobes * Math.Sin(px) * Math.Sin(px / Lobes) / (px * px);
    }

    /// <summary>For each output sample: the first source sample and the normalized weights of a contiguous run.</summary>
    private sealed class Taps
    {
        private readonly float[] _weights;
        private readonly int[] _count;
        private readonly int _stride;

        private Taps(int outputs, int stride)
        {
            Start = new int[outputs];
            _count = new int[outputs];
            _weights = new float[outputs * stride];
            _stride = stride;
        }

        public int[] Start { get; }

        public ReadOnlySpan<float> Weights(int output) => _weights.AsSpan(output * _stride, _count[output]);

        public static Taps For(int inputs, int outputs)
        {
            var scale = (double)outputs / inputs;
            var widen = Math.Max(1.0, 1.0 / scale);
            var support = Lobes * widen;
            var taps = new Taps(outputs, (int)Math.Ceiling(support * 2) + 2);
            var raw = new double[taps._stride];
            for (var o = 0; o < outputs; o++)
            {
                // Pixel centres line up: output centre o + 0.5 maps to source position (o + 0.5) / scale.
                var centre = ((o + 0.5) / scale) - 0.5;
                var first = (int)Math.Ceiling(centre - support);
                var last = (int)Math.Floor(centre + support);
                var lo = Math.Clamp(first, 0, inputs - 1);
                var hi = Math.Clamp(last, 0, inputs - 1);
                Array.Clear(raw);
                double total = 0;
                for (var i = first; i <= last; i++)
                {
                    var w = Kernel((i - centre) / widen);
                    // Border pixels repeat outside the image, so their weight folds onto the edge sample.
                    raw[Math.Clamp(i, 0, inputs - 1) - lo] += w;
                    total += w;
                }

                taps.Start[o] = lo;
                taps._count[o] = hi - lo + 1;
                for (var k = 0; k <= hi - lo; k++)
                {
                    taps._weights[(o * taps._stride) + k] = (float)(raw[k] / total);
                }
            }

            return taps;
        }
    }
}
