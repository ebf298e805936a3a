using System.Numerics;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// The preprocessing RLE and ZIP share (OpenEXR Technical Introduction, "Data Compression"): the bytes
/// are split into two halves (even positions first, then odd ones), so that the high bytes of
/// neighbouring half samples sit together; then each byte is replaced by its difference from the one
/// before, plus 128, which turns smooth gradients into runs of near-constant values.
/// </summary>
internal static class ByteReorder
{
    public static void Encode(ReadOnlySpan<byte> raw, Span<byte> scratch, Span<byte> destination)
    {
        var n = raw.Length;
        var half = (n + 1) / 2;
        var even = scratch[..half];
        var odd = scratch[half..n];
        for (int i = 0, j = 0; i < n; i += 2, j++)
        {
            even[j] = raw[i];
            if (i + 1 < n)
            {
                odd[j] = raw[i + 1];
            }
        }

        if (n == 0)
        {
            return;
        }

        destination[0] = scratch[0];
        var offset = new Vector<byte>(128);
        var at = 1;
        for (; at + Vector<byte>.Count <= n; at += Vector<byte>.Count)
        {
            var current = new Vector<byte>(scratch[at..]);
            var previous = new Vector<byte>(scratch[(at - 1)..]);
            (current - previous + offset).CopyTo(destination[at..]);
        }

        for (; at < n; at++)
        {
            destination[at] = (byte)(scratch[at] - scratch[at - 1] + 128);
        }
    }

    /// <summary>Undoes <see cref="Encode"/>: <paramref name="data"/> is turned back into deltas' sums in place, then interleaved into <paramref name="raw"/>.</summary>
    public static void Decode(Span<byte> data, Span<byte> raw)
    {
        var n = data.Length;
        for (var i = 1; i < n; i++)
        {
            data[i] = (byte)(data[i - 1] + data[i] - 128);
        }

        var half = (n + 1) / 2;
        for (int i = 0, j = 0; i < n; i += 2, j++)
        {
            raw[i] = data[j];
            if (i + 1 < n)
            {
                raw[i + 1] = data[half + j];
            }
        }
    }
}
