using System.Buffers;

namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>
/// Decodes the single interleaved scan of a lossless JPEG frame (ITU-T T.81 Annex H) restart interval by
/// restart interval: each interval's first line predicts from the left only, starting at 2^(P-Pt-1), each
/// later line's first sample from above, and every other sample by the scan's predictor.
/// Reconstruction is modulo 2^(P-Pt) rather than T.81's 2^16: the same for every conforming stream, whose samples
/// lie below 2^(P-Pt), while encoders such as FFmpeg's code differences modulo the precision, and corrupt data
/// can never yield a sample above the frame's range.
/// </summary>
internal static class ScanDecoder
{
    public static void Decode(Lj92Header header, ReadOnlySpan<byte> stream, Span<ushort> destination, string file)
    {
        var frame = header.Frame;
        var stride = frame.Width * frame.Components;
        var samples = (long)stride * frame.Height;
        if (samples > destination.Length)
        {
            throw Lj92Error.Malformed(file, "SOF3", $"at most {destination.Length} samples for this tile or strip",
                $"the frame is {frame.Width}×{frame.Height} with {frame.Components} components.");
        }

        var rowsPerInterval = header.RestartInterval == 0 ? frame.Height : header.RestartInterval / frame.Width;
        var intervals = (frame.Height + rowsPerInterval - 1) / rowsPerInterval;
        var coded = stream[header.EntropyStart..];
        var clean = ArrayPool<byte>.Shared.Rent(coded.Length + EntropyData.Padding);
        try
        {
            var starts = EntropyData.Unstuff(coded, clean, intervals, file);

            // Every sample takes at least one bit: reject a frame its data cannot hold before decoding any of it.
            if (samples > (long)starts[intervals] * 8)
            {
                throw Lj92Error.Truncated(file);
            }

            var initial = 1 << (frame.Precision - header.PointTransform - 1);
            var mask = (initial << 1) - 1;
            var output = destination[..(int)samples];
            for (var k = 0; k < intervals; k++)
            {
                var firstRow = k * rowsPerInterval;
                var rows = Math.Min(rowsPerInterval, frame.Height - firstRow);
                var part = output.Slice(firstRow * stride, rows * stride);
                var reader = new BitReader(clean, starts[k], starts[k + 1]);
                switch (frame.Predictor)
                {
                    case 1: Interval<PredictA>(reader, header.Tables, part, stride, initial, mask, file); break;
                    case 2: Interval<PredictB>(reader, header.Tables, part, stride, initial, mask, file); break;
                    case 3: Interval<PredictC>(reader, header.Tables, part, stride, initial, mask, file); break;
                    case 4: Interval<PredictABC>(reader, header.Tables, part, stride, initial, mask, file); break;
                    case 5: Interval<PredictAHalfBC>(reader, header.Tables, part, stride, initial, mask, file); break;
                    case 6: Interval<PredictBHalfAC>(reader, header.Tables, part, stride, initial, mask, file); break;
                    default: Interval<PredictMeanAB>(reader, header.Tables, part, stride, initial, mask, file); break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(clean);
        }

        if (header.PointTransform > 0)
        {
            // Undo the point transform: the coded values are the samples shifted right by Pt (T.81 H.1.1).
            var pt = header.PointTransform;
            foreach (ref var sample in destination[..(int)samples])
            {
                sample = (ushort)(sample << pt);
            }
        }
    }

    // The reader is a by-value copy so its window and counters can live in registers.
    private static void Interval<TPredictor>(BitReader reader, HuffmanTable[] tables, Span<ushort> rows, int stride, int initial, int mask, string file)
        where TPredictor : struct, IPredictor
    {
        var nc = tables.Length;
        var row = rows[..stride];
        for (var i = 0; i < nc; i++)
        {
            row[i] = (ushort)((initial + reader.Difference(tables[i], file)) & mask);
        }

        for (int i = nc, c = 0; i < row.Length; i++)
        {
            row[i] = (ushort)((row[i - nc] + reader.Difference(tables[c], file)) & mask);
            c = c + 1 == nc ? 0 : c + 1;
        }

        CheckOverrun(ref reader, file);
        for (var top = stride; top < rows.Length; top += stride)
        {
            var above = rows.Slice(top - stride, stride);
            row = rows.Slice(top, stride);
            for (var i = 0; i < nc; i++)
            {
                row[i] = (ushort)((above[i] + reader.Difference(tables[i], file)) & mask);
            }

            for (int i = nc, c = 0; i < row.Length; i++)
            {
                row[i] = (ushort)((TPredictor.Predict(row[i - nc], above[i], above[i - nc]) + reader.Difference(tables[c], file)) & mask);
                c = c + 1 == nc ? 0 : c + 1;
            }

            CheckOverrun(ref reader, file);
        }
    }

    private static void CheckOverrun(ref BitReader reader, string file)
    {
        if (reader.Overrun)
        {
            throw Lj92Error.Truncated(file);
        }
    }
}
