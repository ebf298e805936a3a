namespace Rushes.Plugins.Dng.TestKit;

/// <summary>
/// A lossless JPEG encoder (ITU-T T.81 process 14, SOF3) for test files: any predictor 1 to 7,
/// 1 to 4 interleaved components, optional restart intervals of whole rows. One Huffman table,
/// its code lengths assigned by how often each difference category occurs.
/// </summary>
public static class Lj92Encoder
{
    // A prefix-free set of code lengths (Kraft sum 0.875 < 1, so no code is all ones as T.81 C requires),
    // handed out to the 17 difference categories from the most frequent to the least.
    private static readonly int[] LengthsByRank = [2, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    /// <summary>Encodes rows of <paramref name="width"/> pixels, each with <paramref name="components"/> interleaved samples; <paramref name="restartRows"/> is 0 for no restart markers.</summary>
    public static byte[] Encode(ReadOnlySpan<ushort> samples, int width, int height, int components, int precision, int predictor, int restartRows = 0)
    {
        if (components is < 1 or > 4 || predictor is < 1 or > 7 || precision is < 2 or > 16 || samples.Length < width * height * components)
        {
            throw new ArgumentException("LJ92 needs 1-4 components, predictor 1-7, precision 2-16 and enough samples.");
        }

        var diffs = new int[width * height * components];
        ComputeDifferences(samples, width, height, components, precision, predictor, restartRows, diffs);
        var frequency = new int[17];
        foreach (var d in diffs)
        {
            frequency[Category(d)]++;
        }

        var ranked = Enumerable.Range(0, 17).OrderByDescending(s => frequency[s]).ThenBy(s => s).ToArray();
        var length = new int[17];
        for (var i = 0; i < 17; i++)
        {
            length[ranked[i]] = LengthsByRank[i];
        }

        // Canonical codes (T.81 Annex C): by length, then by the order the symbols are listed.
        var order = ranked.OrderBy(s => length[s]).ToArray();
        var code = new int[17];
        var next = 0;
        var previousLength = length[order[0]];
        foreach (var s in order)
        {
            next <<= length[s] - previousLength;
            previousLength = length[s];
            code[s] = next++;
        }

        var output = new List<byte>();
        Marker(output, 0xD8);
        Segment(output, 0xC3, [(byte)precision, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components,
            .. Enumerable.Range(1, components).SelectMany(c => new byte[] { (byte)c, 0x11, 0 })]);
        var bits = new byte[16];
        foreach (var s in order)
        {
            bits[length[s] - 1]++;
        }

        Segment(output, 0xC4, [0x00, .. bits, .. order.Select(s => (byte)s)]);
        if (restartRows > 0)
        {
            var interval = restartRows * width;
            Segment(output, 0xDD, [(byte)(interval >> 8), (byte)interval]);
        }

        Segment(output, 0xDA, [(byte)components, .. Enumerable.Range(1, components).SelectMany(c => new byte[] { (byte)c, 0x00 }), (byte)predictor, 0, 0]);

        var writer = new BitWriter(output);
        var restartIndex = 0;
        for (var row = 0; row < height; row++)
        {
            if (restartRows > 0 && row > 0 && row % restartRows == 0)
            {
                writer.Flush();
                Marker(output, (byte)(0xD0 + (restartIndex++ % 8)));
            }

            for (var i = row * width * components; i < (row + 1) * width * components; i++)
            {
                var d = diffs[i];
                var s = Category(d);
                writer.Write(code[s], length[s]);
                if (s is > 0 and < 16)
                {
                    writer.Write(d > 0 ? d : d - 1 & ((1 << s) - 1), s);
                }
            }
        }

        writer.Flush();
        Marker(output, 0xD9);
        return [.. output];
    }

    private static void ComputeDifferences(ReadOnlySpan<ushort> x, int width, int height, int nc, int precision, int predictor, int restartRows, int[] diffs)
    {
        var stride = width * nc;
        var initial = 1 << (precision - 1);
        for (var row = 0; row < height; row++)
        {
            // The first line of the scan and of each restart interval predicts from the left only (T.81 H.1.2.1).
            var firstLine = row == 0 || (restartRows > 0 && row % restartRows == 0);
            for (var col = 0; col < width; col++)
            {
                for (var c = 0; c < nc; c++)
                {
                    var i = (row * stride) + (col * nc) + c;
                    int prediction;
                    if (firstLine)
                    {
                        prediction = col == 0 ? initial : x[i - nc];
                    }
                    else if (col == 0)
                    {
                        prediction = x[i - stride];
                    }
                    else
                    {
                        int ra = x[i - nc], rb = x[i - stride], rc = x[i - stride - nc];
                        prediction = predictor switch
                        {
                            1 => ra,
                            2 => rb,
                            3 => rc,
                            4 => ra + rb - rc,
                            5 => ra + ((rb - rc) >> 1),
                            6 => rb + ((ra - rc) >> 1),
                            _ => (ra + rb) >> 1,
                        };
                    }

                    // Differences are taken modulo 2^16 (T.81 H.1.2.2).
                    var d = (x[i] - prediction) & 0xFFFF;
                    diffs[i] = d >= 0x8000 ? d - 0x10000 : d;
                }
            }
        }
    }

    private static int Category(int d) => d == -32768 ? 16 : d == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(d));

    private static void Marker(List<byte> output, byte marker)
    {
        output.Add(0xFF);
        output.Add(marker);
    }

    private static void Segment(List<byte> output, byte marker, byte[] payload)
    {
        Marker(output, marker);
        output.Add((byte)((payload.Length + 2) >> 8));
        output.Add((byte)(payload.Length + 2));
        output.AddRange(payload);
    }

    private sealed class BitWriter(List<byte> output)
    {
        private ulong _acc;
        private int _bits;

        public void Write(int value, int count)
        {
            _acc = (_acc << count) | (uint)(value & ((1 << count) - 1));
            _bits += count;
            while (_bits >= 8)
            {
                _bits -= 8;
                Emit((byte)(_acc >> _bits));
            }
        }

        // Pads the last byte with one bits (T.81 F.1.2.3) before a marker.
        public void Flush()
        {
            if (_bits > 0)
            {
                Write((1 << (8 - _bits)) - 1, 8 - _bits);
            }

            _acc = 0;
        }

        private void Emit(byte b)
        {
            output.Add(b);
            if (b == 0xFF)
            {
                output.Add(0);
            }
        }
    }
}
