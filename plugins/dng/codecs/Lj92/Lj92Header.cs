using System.Buffers.Binary;

namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>
/// The marker segments of a lossless JPEG stream from SOI to the end of the SOS header (ITU-T T.81 B.2):
/// the SOF3 frame, the Huffman tables its single interleaved scan uses, the restart interval and where the
/// entropy-coded data starts.
/// </summary>
internal sealed class Lj92Header
{
    private const byte Soi = 0xD8, Eoi = 0xD9, Sof3 = 0xC3, Dht = 0xC4, Dri = 0xDD, Sos = 0xDA, Dnl = 0xDC;

    private Lj92Header(Lj92Frame frame, int pointTransform, int restartInterval, HuffmanTable[] tables, int entropyStart)
    {
        Frame = frame;
        PointTransform = pointTransform;
        RestartInterval = restartInterval;
        Tables = tables;
        EntropyStart = entropyStart;
    }

    public Lj92Frame Frame { get; }

    /// <summary>Pt: the samples were shifted right by this many bits before coding (T.81 H.1.1).</summary>
    public int PointTransform { get; }

    /// <summary>MCUs (pixels) per restart interval, 0 for none.</summary>
    public int RestartInterval { get; }

    /// <summary>The Huffman table of each component, in scan (= frame) order.</summary>
    public HuffmanTable[] Tables { get; }

    /// <summary>The offset of the first byte after the SOS header.</summary>
    public int EntropyStart { get; }

    public static Lj92Header Read(ReadOnlySpan<byte> stream, string file)
    {
        if (stream.Length < 2 || stream[0] != 0xFF || stream[1] != Soi)
        {
            throw Lj92Error.Malformed(file, "SOI", "a stream starting with the SOI marker FF D8", "it does not start with SOI.");
        }

        var tables = new HuffmanTable?[4];
        var restartInterval = 0;
        Sof? frame = null;
        var pos = 2;
        while (true)
        {
            var marker = NextMarker(stream, ref pos, file);
            switch (marker)
            {
                case Sof3:
                    if (frame is not null)
                    {
                        throw Lj92Error.Malformed(file, "SOF3", "one frame header", "a second SOF3 marker.");
                    }

                    frame = ReadFrame(Segment(stream, ref pos, file, "SOF3"), file);
                    break;
                case Dht:
                    ReadTables(Segment(stream, ref pos, file, "DHT"), tables, file);
                    break;
                case Dri:
                    var dri = Segment(stream, ref pos, file, "DRI");
                    restartInterval = dri.Length == 2
                        ? BinaryPrimitives.ReadUInt16BigEndian(dri)
                        : throw Lj92Error.Malformed(file, "DRI", "a 4-byte DRI segment", $"its length is {dri.Length + 2}.");
                    break;
                case Sos:
                    var sof = frame ?? throw Lj92Error.Malformed(file, "SOF3", "a SOF3 frame header before SOS", "the scan comes before any frame header.");
                    var scan = Segment(stream, ref pos, file, "SOS");
                    return ReadScan(scan, sof, tables, restartInterval, pos, file);
                case >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC:
                    throw Lj92Error.Unsupported(file, "SOF", "a lossless Huffman frame (SOF3, FF C3)", $"the frame is coded with SOF{marker - 0xC0}.");
                case Soi or Eoi or (>= 0xD0 and <= 0xD7) or 0x01:
                    throw Lj92Error.Malformed(file, "SOS", "SOF3, DHT and SOS segments before the coded data", $"marker FF {marker:X2} before the scan.");
                default:
                    // APPn, COM, DQT, DAC, DNL, ... carry nothing a lossless decoder needs: skip them by their length.
                    Segment(stream, ref pos, file, $"FF {marker:X2} segment");
                    break;
            }
        }
    }

    // Returns the byte after FF, skipping fill bytes (T.81 B.1.1.2).
    private static byte NextMarker(ReadOnlySpan<byte> stream, ref int pos, string file)
    {
        if (pos >= stream.Length || stream[pos] != 0xFF)
        {
            throw pos >= stream.Length
                ? Lj92Error.Malformed(file, "SOS", "a scan header (SOS)", "the stream ends before the scan.")
                : Lj92Error.Malformed(file, "marker", "a marker (FF xx) after each segment", $"byte {stream[pos]:X2} at offset {pos}.");
        }

        while (pos < stream.Length && stream[pos] == 0xFF)
        {
            pos++;
        }

        return pos < stream.Length
            ? stream[pos++]
            : throw Lj92Error.Malformed(file, "SOS", "a scan header (SOS)", "the stream ends before the scan.");
    }

    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> stream, ref int pos, string file, string field)
    {
        if (pos + 2 > stream.Length)
        {
            throw Lj92Error.Malformed(file, field, "a 2-byte segment length", "the stream ends inside the segment.");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(stream[pos..]);
        if (length < 2 || pos + length > stream.Length)
        {
            throw Lj92Error.Malformed(file, field, $"a segment length from 2 to {stream.Length - pos}", $"the segment length is {length}.");
        }

        var payload = stream.Slice(pos + 2, length - 2);
        pos += length;
        return payload;
    }

    private sealed record Sof(int Precision, int Height, int Width, byte[] ComponentIds);

    private static Sof ReadFrame(ReadOnlySpan<byte> s, string file)
    {
        if (s.Length < 6)
        {
            throw Lj92Error.Malformed(file, "SOF3", "a frame header of at least 8 bytes", $"it has {s.Length + 2}.");
        }

        int precision = s[0], height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]), width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]), count = s[5];
        if (precision is < 2 or > 16)
        {
            throw Lj92Error.Malformed(file, "SOF3 precision", "2 to 16 bits (T.81 B.2.2)", $"the precision is {precision}.");
        }

        if (height == 0)
        {
            // Height 0 defers the line count to a DNL marker after the scan; DNG tiles always state it.
            throw Lj92Error.Unsupported(file, "SOF3 lines", "1 to 65535 lines in the frame header", "the line count is deferred to a DNL marker.");
        }

        if (width == 0)
        {
            throw Lj92Error.Malformed(file, "SOF3 samples per line", "1 to 65535 samples per line", "the width is 0.");
        }

        if (count is < 1 or > 4)
        {
            throw Lj92Error.Unsupported(file, "SOF3 components", "1 to 4 components", $"the frame has {count}.");
        }

        if (s.Length != 6 + (3 * count))
        {
            throw Lj92Error.Malformed(file, "SOF3", $"{8 + (3 * count)} bytes for {count} components", $"the header has {s.Length + 2}.");
        }

        var ids = new byte[count];
        for (var c = 0; c < count; c++)
        {
            ids[c] = s[6 + (3 * c)];
            var sampling = s[7 + (3 * c)];
            if (sampling != 0x11)
            {
                throw Lj92Error.Unsupported(file, "SOF3 sampling factors", "1×1 sampling for every component", $"component {ids[c]} has {sampling >> 4}×{sampling & 15}.");
            }
        }

        return new Sof(precision, height, width, ids);
    }

    private static void ReadTables(ReadOnlySpan<byte> s, HuffmanTable?[] tables, string file)
    {
        // One DHT segment may hold several tables (T.81 B.2.4.2).
        while (s.Length > 0)
        {
            if (s.Length < 17)
            {
                throw Lj92Error.Malformed(file, "DHT", "a class/identifier byte and 16 code-length counts", "the segment ends inside a table.");
            }

            int tc = s[0] >> 4, th = s[0] & 15;
            if (tc > 1 || th > 3)
            {
                throw Lj92Error.Malformed(file, "DHT", "a table of class 0 or 1 numbered 0 to 3", $"table class {tc}, number {th}.");
            }

            var counts = s.Slice(1, 16);
            var total = 0;
            foreach (var n in counts)
            {
                total += n;
            }

            if (s.Length < 17 + total)
            {
                throw Lj92Error.Malformed(file, "DHT", $"{total} symbols after the counts", "the segment ends inside the symbols.");
            }

            // Lossless scans use only DC-class tables; writers such as FFmpeg also emit the usual AC tables, which go unused.
            if (tc == 0)
            {
                tables[th] = HuffmanTable.Create(counts, s.Slice(17, total), file);
            }

            s = s[(17 + total)..];
        }
    }

    private static Lj92Header ReadScan(ReadOnlySpan<byte> s, Sof sof, HuffmanTable?[] tables, int restartInterval, int entropyStart, string file)
    {
        var count = s.Length > 0 ? s[0] : 0;
        if (count != sof.ComponentIds.Length || s.Length != 4 + (2 * count))
        {
            throw Lj92Error.Unsupported(file, "SOS components", $"one scan with all {sof.ComponentIds.Length} components of the frame", $"the scan header lists {count} of {s.Length} bytes.");
        }

        var scanTables = new HuffmanTable[count];
        for (var c = 0; c < count; c++)
        {
            if (s[1 + (2 * c)] != sof.ComponentIds[c])
            {
                throw Lj92Error.Unsupported(file, "SOS components", "the frame's components in frame order", $"scan component {c} is {s[1 + (2 * c)]}, the frame's is {sof.ComponentIds[c]}.");
            }

            var td = s[2 + (2 * c)] >> 4;
            scanTables[c] = (td < 4 ? tables[td] : null)
                ?? throw Lj92Error.Malformed(file, "SOS table selector", "a Huffman table defined by DHT before the scan", $"component {sof.ComponentIds[c]} selects undefined table {td}.");
        }

        int predictor = s[1 + (2 * count)], pointTransform = s[3 + (2 * count)] & 15;
        if (predictor is < 1 or > 7)
        {
            throw Lj92Error.Malformed(file, "SOS predictor", "predictor 1 to 7 (T.81 Table H.1)", $"predictor {predictor}.");
        }

        if (pointTransform >= sof.Precision)
        {
            throw Lj92Error.Malformed(file, "SOS point transform", $"a point transform below the precision of {sof.Precision} bits", $"Pt is {pointTransform}.");
        }

        if (restartInterval > 0 && restartInterval % sof.Width != 0)
        {
            // The first line of every restart interval predicts as the scan's first line (T.81 H.1.2.1), so intervals are whole lines.
            throw Lj92Error.Unsupported(file, "DRI", $"a restart interval of whole lines (a multiple of {sof.Width})", $"the interval is {restartInterval}.");
        }

        var frame = new Lj92Frame(sof.Width, sof.Height, count, sof.Precision, predictor);
        return new Lj92Header(frame, pointTransform, restartInterval, scanTables, entropyStart);
    }
}
