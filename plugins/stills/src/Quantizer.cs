using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Stills;

/// <summary>
/// Turns display-referred float planes into the interleaved integers the encoder takes: each sample is
/// clamped to 0..1 (NaN to 0, so the clamp policy is well defined), scaled by 255 or 65535, and rounded to
/// nearest (halves up). Alpha is not written: stills are opaque.
/// </summary>
internal static class Quantizer
{
    /// <summary>Skia's RGB888x layout: R, G, B, padding, one byte each.</summary>
    public const int BytesPerPixel8 = 4;

    /// <summary>Skia's RGBA16161616 layout: four little-endian 16-bit samples (alpha set opaque).</summary>
    public const int BytesPerPixel16 = 8;

    public static void To8Bit(PlanarImage image, byte[] target, CancellationToken cancellationToken)
    {
        Parallel.For(0, image.Height, new ParallelOptions { CancellationToken = cancellationToken }, y =>
        {
            var r = image.GetRow(0, y);
            var g = image.GetRow(1, y);
            var b = image.GetRow(2, y);
            var row = target.AsSpan(y * image.Width * BytesPerPixel8, image.Width * BytesPerPixel8);
            for (var x = 0; x < r.Length; x++)
            {
                var p = row.Slice(x * BytesPerPixel8, BytesPerPixel8);
                p[0] = (byte)Scale(r[x], 255f);
                p[1] = (byte)Scale(g[x], 255f);
                p[2] = (byte)Scale(b[x], 255f);
                p[3] = 255;
            }
        });
    }

    public static void To16Bit(PlanarImage image, ushort[] target, CancellationToken cancellationToken)
    {
        Parallel.For(0, image.Height, new ParallelOptions { CancellationToken = cancellationToken }, y =>
        {
            var r = image.GetRow(0, y);
            var g = image.GetRow(1, y);
            var b = image.GetRow(2, y);
            var row = target.AsSpan(y * image.Width * 4, image.Width * 4);
            for (var x = 0; x < r.Length; x++)
            {
                var p = row.Slice(x * 4, 4);
                p[0] = (ushort)Scale(r[x], 65535f);
                p[1] = (ushort)Scale(g[x], 65535f);
                p[2] = (ushort)Scale(b[x], 65535f);
                p[3] = ushort.MaxValue;
            }
        });
    }

    /// <summary>The integer code of one sample: clamp (NaN to 0), scale, round half up.</summary>
    public static int Scale(float value, float max)
    {
        // MathF.Max/Min would pass NaN through; the comparison form turns it into 0.
        var clamped = value > 0f ? (value < 1f ? value : 1f) : 0f;
        return (int)((clamped * max) + 0.5f);
    }
}
