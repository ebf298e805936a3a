using System.Buffers;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// A copy of a mosaic with a mirrored border, so that filters read past the edges without branches.
/// Mirroring about the edge photosite (−k reads k) keeps every site's colour, because k and −k have
/// the same parity: the border continues the Bayer pattern with real samples of the right colour.
/// </summary>
internal sealed class PaddedMosaic : IDisposable
{
    private float[]? _data;

    private PaddedMosaic(int width, int height, int pad)
    {
        Width = width;
        Height = height;
        Pad = pad;
        Stride = width + (2 * pad);
        Rows = height + (2 * pad);
        _data = ArrayPool<float>.Shared.Rent(Stride * Rows);
    }

    public int Width { get; }

    public int Height { get; }

    public int Pad { get; }

    /// <summary>Samples per padded row.</summary>
    public int Stride { get; }

    /// <summary>Padded rows.</summary>
    public int Rows { get; }

    public float[] Data => _data ?? throw new ObjectDisposedException(nameof(PaddedMosaic));

    /// <summary>The index of image position (x, y); valid from −Pad to size + Pad − 1.</summary>
    public int Index(int x, int y) => ((y + Pad) * Stride) + x + Pad;

    public static PaddedMosaic From(CfaImage mosaic, int pad)
    {
        var padded = new PaddedMosaic(mosaic.Width, mosaic.Height, pad);
        var data = padded.Data;
        var source = mosaic.SampleMemory;
        int width = mosaic.Width, height = mosaic.Height, stride = padded.Stride;
        RowBands.For(padded.Rows, (first, last) =>
        {
            var src = source.Span;
            for (var row = first; row < last; row++)
            {
                var y = Mirror(row - pad, height);
                var from = src.Slice(y * width, width);
                var to = data.AsSpan(row * stride, stride);
                from.CopyTo(to[pad..]);
                for (var k = 1; k <= pad; k++)
                {
                    to[pad - k] = from[Mirror(-k, width)];
                    to[pad + width - 1 + k] = from[Mirror(width - 1 + k, width)];
                }
            }
        });
        return padded;
    }

    /// <summary>Folds a position into 0..n−1 by reflection about the end samples (period 2(n − 1), parity kept).</summary>
    internal static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        var period = 2 * (n - 1);
        i %= period;
        if (i < 0)
        {
            i += period;
        }

        return i < n ? i : period - i;
    }

    public void Dispose()
    {
        var data = Interlocked.Exchange(ref _data, null);
        if (data is not null)
        {
            ArrayPool<float>.Shared.Return(data);
        }
    }
}
