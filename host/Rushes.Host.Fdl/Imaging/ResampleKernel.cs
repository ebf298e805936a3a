namespace Rushes.Host.Fdl.Imaging;

/// <summary>
/// The taps of a one-dimensional resampling: for each output pixel, the first source pixel and the
/// normalised weights of the source pixels it draws from. Computed once per axis and shared by rows.
/// </summary>
internal sealed class ResampleKernel
{
    private ResampleKernel(int[] start, int[] count, float[] weights, int stride)
    {
        Start = start;
        Count = count;
        Weights = weights;
        Stride = stride;
    }

    /// <summary>The first source index of each output pixel (or 0 when it is padding).</summary>
    public int[] Start { get; }

    /// <summary>How many taps each output pixel has; 0 means padding (outside the source).</summary>
    public int[] Count { get; }

    /// <summary>The weights, <see cref="Stride"/> per output pixel.</summary>
    public float[] Weights { get; }

    /// <summary>Weights per output pixel.</summary>
    public int Stride { get; }

    /// <summary>
    /// Maps output pixel <c>o</c> (centre <c>o + 0.5</c>) to source position <c>(o + 0.5 − origin) ÷ scale</c>,
    /// where <paramref name="origin"/> is where the source's edge lands in output pixels.
    /// </summary>
    public static ResampleKernel Create(int sourceLength, int outputLength, double scale, double origin, ResampleFilter filter)
    {
        var radius = filter == ResampleFilter.Lanczos3 ? 3.0 : 1.0;

        // Shrinking widens the filter so every source pixel contributes (no aliasing).
        var support = scale < 1 ? 1 / scale : 1;
        var reach = radius * support;
        var stride = (int)Math.Ceiling(reach * 2) + 2;
        var start = new int[outputLength];
        var count = new int[outputLength];
        var weights = new float[outputLength * stride];
        for (var o = 0; o < outputLength; o++)
        {
            var centre = ((o + 0.5 - origin) / scale) - 0.5;
            if (centre < -0.5 || centre > sourceLength - 0.5)
            {
                continue;
            }

            var first = Math.Max(0, (int)Math.Floor(centre - reach) + 1);
            var last = Math.Min(sourceLength - 1, (int)Math.Ceiling(centre + reach) - 1);
            if (last - first + 1 > stride)
            {
                last = first + stride - 1;
            }

            double sum = 0;
            var span = weights.AsSpan(o * stride, stride);
            for (var i = first; i <= last; i++)
            {
                var w = Weight((i - centre) / support, filter);
                span[i - first] = (float)w;
                sum += w;
            }

            if (sum == 0)
            {
                continue;
            }

            for (var i = 0; i <= last - first; i++)
            {
                span[i] = (float)(span[i] / sum);
            }

            start[o] = first;
            count[o] = last - first + 1;
        }

        return new ResampleKernel(start, count, weights, stride);
    }

    private static double Weight(double x, ResampleFilter filter)
    {
        x = Math.Abs(x);
        if (filter == ResampleFilter.Bilinear)
        {
            return x < 1 ? 1 - x : 0;
        }

        if (x < 1e-9)
        {
            return 1;
        }

        if (x >= 3)
        {
            return 0;
        }

        // Lanczos: sinc(x)·sinc(x/3).
        var px = Math.PI * x;
        return 3 * Math.Sin(px) * Math.Sin(px / 3) / (px * px);
    }
}
