using System.Runtime.ExceptionServices;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;

namespace Rushes.Host.Colour;

/// <summary>
/// Applies a compiled processor to whole images in place, splitting them into bands of rows that
/// run on every core at once (processors are immutable and thread-safe by contract).
/// </summary>
public static class ColourApplier
{
    // Below this many pixels a band is not worth a thread.
    private const int MinBandPixels = 16 * 1024;

    /// <summary>Applies <paramref name="processor"/> to every pixel of a planar image; alpha is left alone.</summary>
    public static void Apply(IPixelProcessor processor, PlanarImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var plane = image.PlaneLength;
        var samples = image.SampleMemory;
        ApplyPlanar(processor, samples[..plane], samples.Slice(plane, plane), samples.Slice(2 * plane, plane), image.Width, image.Height, cancellationToken);
    }

    /// <summary>Applies <paramref name="processor"/> to three planes of <paramref name="width"/> × <paramref name="height"/> samples, row after row.</summary>
    public static void ApplyPlanar(IPixelProcessor processor, Memory<float> red, Memory<float> green, Memory<float> blue, int width, int height, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(processor);
        var pixels = CheckSize(width, height);
        if (red.Length != pixels || green.Length != pixels || blue.Length != pixels)
        {
            throw new ArgumentException($"Each plane of a {width}×{height} image holds {pixels} samples.", nameof(red));
        }

        if (processor.IsIdentity)
        {
            return;
        }

        ForEachBand(width, height, (first, rows) =>
        {
            var start = first * width;
            var length = rows * width;
            processor.Apply(red.Span.Slice(start, length), green.Span.Slice(start, length), blue.Span.Slice(start, length));
        }, cancellationToken);
    }

    /// <summary>Applies <paramref name="processor"/> to interleaved RGB or RGBA pixels, <paramref name="width"/> × <paramref name="height"/>, row after row.</summary>
    public static void ApplyInterleaved(IPixelProcessor processor, Memory<float> pixels, int width, int height, int channels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 4);
        var count = CheckSize(width, height);
        if (pixels.Length != count * channels)
        {
            throw new ArgumentException($"A {width}×{height} image of {channels} channels holds {count * channels} samples, not {pixels.Length}.", nameof(pixels));
        }

        if (processor.IsIdentity)
        {
            return;
        }

        var row = width * channels;
        ForEachBand(width, height, (first, rows) => processor.ApplyInterleaved(pixels.Span.Slice(first * row, rows * row), channels), cancellationToken);
    }

    private static int CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        return checked(width * height);
    }

    private static void ForEachBand(int width, int height, Action<int, int> band, CancellationToken cancellationToken)
    {
        if (width == 0 || height == 0)
        {
            return;
        }

        // About four bands per core balances uneven cores without making bands too small to pay.
        var bands = Math.Clamp(Environment.ProcessorCount * 4, 1, height);
        var rowsPerBand = Math.Max((height + bands - 1) / bands, Math.Max(1, MinBandPixels / width));
        var count = (height + rowsPerBand - 1) / rowsPerBand;
        if (count == 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            band(0, height);
            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var first = i * rowsPerBand;
                band(first, Math.Min(rowsPerBand, height - first));
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // Report the first band's failure as itself (an input error, a plugin fault), not wrapped.
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
