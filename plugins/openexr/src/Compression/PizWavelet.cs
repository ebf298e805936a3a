namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// PIZ's 2D Haar wavelet over 16-bit words, level by level on ever coarser grids. Each pair (a, b)
/// becomes a mean and a difference. When every value fits 14 bits the plain signed form is exact;
/// otherwise a modulo-2^16 form keeps the transform lossless (OpenEXR Technical Introduction, PIZ).
/// </summary>
internal static class PizWavelet
{
    // The modulo form's offsets: half the 16-bit range.
    private const int AOffset = 1 << 15;
    private const int MOffset = 1 << 15;
    private const int ModMask = (1 << 16) - 1;

    /// <summary>Transforms an nx × ny grid whose samples are <paramref name="ox"/> words apart and rows <paramref name="oy"/> words apart.</summary>
    public static void Encode(Span<ushort> data, int start, int nx, int ox, int ny, int oy, int maxValue)
    {
        var w14 = maxValue < (1 << 14);
        var n = Math.Min(nx, ny);
        var p = 1;
        var p2 = 2;
        while (p2 <= n)
        {
            var oy1 = oy * p;
            var oy2 = oy * p2;
            var ox1 = ox * p;
            var ox2 = ox * p2;
            var py = start;
            var ey = start + (oy * (ny - p2));
            for (; py <= ey; py += oy2)
            {
                var px = py;
                var ex = py + (ox * (nx - p2));
                for (; px <= ex; px += ox2)
                {
                    var p01 = px + ox1;
                    var p10 = px + oy1;
                    var p11 = p10 + ox1;
                    Pair(w14, data[px], data[p01], out var i00, out var i01);
                    Pair(w14, data[p10], data[p11], out var i10, out var i11);
                    Pair(w14, i00, i10, out data[px], out data[p10]);
                    Pair(w14, i01, i11, out data[p01], out data[p11]);
                }

                // An odd column left over at this level: transform it vertically only.
                if ((nx & p) != 0)
                {
                    var p10 = px + oy1;
                    Pair(w14, data[px], data[p10], out var l, out data[p10]);
                    data[px] = l;
                }
            }

            // An odd row left over at this level: transform it horizontally only.
            if ((ny & p) != 0)
            {
                var px = py;
                var ex = py + (ox * (nx - p2));
                for (; px <= ex; px += ox2)
                {
                    var p01 = px + ox1;
                    Pair(w14, data[px], data[p01], out var l, out data[p01]);
                    data[px] = l;
                }
            }

            p = p2;
            p2 <<= 1;
        }
    }

    /// <summary>Undoes <see cref="Encode"/>, from the coarsest level back to the finest.</summary>
    public static void Decode(Span<ushort> data, int start, int nx, int ox, int ny, int oy, int maxValue)
    {
        var w14 = maxValue < (1 << 14);
        var n = Math.Min(nx, ny);
        var p = 1;
        while (p <= n)
        {
            p <<= 1;
        }

        p >>= 1;
        var p2 = p;
        p >>= 1;
        while (p >= 1)
        {
            var oy1 = oy * p;
            var oy2 = oy * p2;
            var ox1 = ox * p;
            var ox2 = ox * p2;
            var py = start;
            var ey = start + (oy * (ny - p2));
            for (; py <= ey; py += oy2)
            {
                var px = py;
                var ex = py + (ox * (nx - p2));
                for (; px <= ex; px += ox2)
                {
                    var p01 = px + ox1;
                    var p10 = px + oy1;
                    var p11 = p10 + ox1;
                    Unpair(w14, data[px], data[p10], out var i00, out var i10);
                    Unpair(w14, data[p01], data[p11], out var i01, out var i11);
                    Unpair(w14, i00, i01, out data[px], out data[p01]);
                    Unpair(w14, i10, i11, out data[p10], out data[p11]);
                }

                if ((nx & p) != 0)
                {
                    var p10 = px + oy1;
                    Unpair(w14, data[px], data[p10], out var a, out data[p10]);
                    data[px] = a;
                }
            }

            if ((ny & p) != 0)
            {
                var px = py;
                var ex = py + (ox * (nx - p2));
                for (; px <= ex; px += ox2)
                {
                    var p01 = px + ox1;
                    Unpair(w14, data[px], data[p01], out var a, out data[p01]);
                    data[px] = a;
                }
            }

            p2 = p;
            p >>= 1;
        }
    }

    private static void Pair(bool w14, ushort a, ushort b, out ushort low, out ushort high)
    {
        if (w14)
        {
            // Signed 16-bit mean and difference; exact while the inputs fit 14 bits.
            var sa = (short)a;
            var sb = (short)b;
            low = (ushort)(short)((sa + sb) >> 1);
            high = (ushort)(short)(sa - sb);
        }
        else
        {
            var ao = (a + AOffset) & ModMask;
            var m = (ao + b) >> 1;
            var d = ao - b;
            if (d < 0)
            {
                m = (m + MOffset) & ModMask;
            }

            low = (ushort)m;
            high = (ushort)(d & ModMask);
        }
    }

    private static void Unpair(bool w14, ushort low, ushort high, out ushort a, out ushort b)
    {
        if (w14)
        {
            var hi = (int)(short)high;
            var ai = (short)low + (hi & 1) + (hi >> 1);
            a = (ushort)(short)ai;
            b = (ushort)(short)(ai - hi);
        }
        else
        {
            int m = low;
            int d = high;
            var bb = (m - (d >> 1)) & ModMask;
            var aa = (d + bb - AOffset) & ModMask;
            b = (ushort)bb;
            a = (ushort)aa;
        }
    }
}
