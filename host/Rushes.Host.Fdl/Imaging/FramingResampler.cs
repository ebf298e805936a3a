using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Rushes.Contracts.Imaging;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Host.Fdl.Imaging;

/// <summary>
/// The framing step of the render pipeline: de-squeezes and scales the source by the template's
/// factors and places it where the result FDL says (the source edge at
/// <see cref="TemplateApplication.SourceOrigin"/>), in an output of the new canvas's size. What falls
/// outside is cropped; what the source does not cover is padding (zero). Separable: a horizontal
/// pass into an intermediate of source rows, then a vertical pass vectorised across each row; both
/// split across cores by rows.
/// </summary>
public static class FramingResampler
{
    /// <summary>Frames <paramref name="source"/> by a template application.</summary>
    public static PlanarImage Frame(PlanarImage source, TemplateApplication framing, ResampleFilter filter = ResampleFilter.Lanczos3)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(framing);
        var size = framing.Canvas.Dimensions;
        return Resample(source, size.Width, size.Height, framing.HorizontalScale, framing.ScaleFactor, framing.SourceOrigin.X, framing.SourceOrigin.Y, filter);
    }

    /// <summary>
    /// Resamples to <paramref name="width"/>×<paramref name="height"/>: source pixel edge <c>x</c> lands at
    /// <c>originX + x·scaleX</c> in the output (and likewise vertically).
    /// </summary>
    public static PlanarImage Resample(PlanarImage source, int width, int height, double scaleX, double scaleY, double originX, double originY, ResampleFilter filter)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!(scaleX > 0 && scaleY > 0) || !double.IsFinite(scaleX) || !double.IsFinite(scaleY))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleX), "Scale factors must be positive and finite.");
        }

        var output = new PlanarImage(width, height, source.Channels);
        var columns = ResampleKernel.Create(source.Width, width, scaleX, originX, filter);
        var rows = ResampleKernel.Create(source.Height, height, scaleY, originY, filter);

        // Only the source rows some output row reads need the horizontal pass.
        var firstRow = int.MaxValue;
        var lastRow = -1;
        for (var y = 0; y < height; y++)
        {
            if (rows.Count[y] > 0)
            {
                firstRow = Math.Min(firstRow, rows.Start[y]);
                lastRow = Math.Max(lastRow, rows.Start[y] + rows.Count[y] - 1);
            }
        }

        output.GetPlane(0).Clear();
        for (var c = 1; c < source.Channels; c++)
        {
            output.GetPlane(c).Clear();
        }

        if (lastRow < 0)
        {
            return output;
        }

        var bandRows = lastRow - firstRow + 1;
        var intermediate = ArrayPool<float>.Shared.Rent(checked(bandRows * width));
        try
        {
            for (var channel = 0; channel < source.Channels; channel++)
            {
                Parallel.For(0, bandRows, r => Horizontal(source.GetRow(channel, firstRow + r), intermediate.AsSpan(r * width, width), columns));
                Parallel.For(0, height, y => Vertical(intermediate, width, firstRow, output.GetRow(channel, y), rows, y));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(intermediate);
        }

        return output;
    }

    private static void Horizontal(ReadOnlySpan<float> source, Span<float> destination, ResampleKernel kernel)
    {
        for (var x = 0; x < destination.Length; x++)
        {
            var count = kernel.Count[x];
            if (count == 0)
            {
                destination[x] = 0;
                continue;
            }

            var taps = source.Slice(kernel.Start[x], count);
            var weights = kernel.Weights.AsSpan(x * kernel.Stride, count);
            float sum = 0;
            for (var i = 0; i < taps.Length; i++)
            {
                sum += taps[i] * weights[i];
            }

            destination[x] = sum;
        }
    }

    private static void Vertical(float[] intermediate, int width, int firstRow, Span<float> destination, ResampleKernel kernel, int y)
    {
        var count = kernel.Count[y];
        if (count == 0)
        {
            destination.Clear();
            return;
        }

        destination.Clear();
        var weights = kernel.Weights.AsSpan(y * kernel.Stride, count);
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(destination);
        var tail = vectors.Length * Vector<float>.Count;
        for (var k = 0; k < count; k++)
        {
            var row = intermediate.AsSpan((kernel.Start[y] + k - firstRow) * width, width);
            var w = weights[k];
            var weight = new Vector<float>(w);
            var rowVectors = MemoryMarshal.Cast<float, Vector<float>>(row);
            for (var v = 0; v < vectors.Length; v++)
            {
                vectors[v] += rowVectors[v] * weight;
            }

            for (var x = tail; x < destination.Length; x++)
            {
                destination[x] += row[x] * w;
            }
        }
    }
}
