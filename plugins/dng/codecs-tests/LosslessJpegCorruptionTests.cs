using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>Malformed streams must fail with an InputException that names the part at fault: never another exception, never a hang.</summary>
public class LosslessJpegCorruptionTests
{
    private const int Width = 7, Height = 6, Components = 2;

    private static readonly ushort[] Samples = TestImages.Samples(Width, Height, Components, 12, seed: 77);

    private static byte[] Valid(int restartRows = 2) => Lj92Encoder.Encode(Samples, Width, Height, Components, 12, 6, restartRows);

    [Fact]
    public void The_valid_stream_decodes()
    {
        var decoded = new ushort[Samples.Length];
        LosslessJpeg.Decode(Valid(), decoded, "ok.dng");
        Assert.Equal(Samples, decoded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Truncation_at_every_byte_is_an_input_error(int restartRows)
    {
        var stream = Valid(restartRows);
        for (var length = 0; length < stream.Length; length++)
        {
            var error = Assert.Throws<InputException>(() => LosslessJpeg.Decode(stream.AsSpan(0, length), new ushort[Samples.Length], "cut.dng"));
            Assert.Equal("cut.dng", error.File);
            Assert.NotNull(error.Field);
            Assert.NotNull(error.Expected);
        }
    }

    [Fact]
    public void Two_thousand_random_mutations_each_decode_or_raise_an_input_error()
    {
        var random = new Random(20261206);
        var valid = Valid();
        var decodedCount = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            var stream = Mutate(valid, random);
            try
            {
                LosslessJpeg.ReadFrame(stream, "fuzz.dng");
                LosslessJpeg.Decode(stream, new ushort[Samples.Length], "fuzz.dng");
                decodedCount++;
            }
            catch (InputException)
            {
            }
        }

        // Both outcomes occur: mutations in the coded data often still decode (to other values), header damage does not.
        Assert.InRange(decodedCount, 1, 1999);
    }

    [Fact]
    public void A_frame_larger_than_the_destination_is_refused()
    {
        var error = Assert.Throws<InputException>(() => LosslessJpeg.Decode(Valid(), new ushort[Samples.Length - 1], "small.dng"));
        Assert.Equal("LJ92 SOF3", error.Field);
    }

    [Fact]
    public void Absurd_dimensions_are_refused_before_decoding()
    {
        var stream = Valid(0);
        var sof = JpegSegments.Find(stream, 0xC3);
        stream[sof + 5] = stream[sof + 6] = stream[sof + 7] = stream[sof + 8] = 0xFF;

        // 65535 × 65535 × 2 samples: more than any destination.
        var error = Assert.Throws<InputException>(() => LosslessJpeg.Decode(stream, new ushort[Samples.Length], "huge.dng"));
        Assert.Equal("LJ92 SOF3", error.Field);

        // 4095 × 255 × 2 samples fit the destination, but a few hundred bytes of coded data cannot hold them.
        stream[sof + 5] = 0x0F;
        stream[sof + 7] = 0x00;
        var decoded = new ushort[4095 * 255 * 2];
        error = Assert.Throws<InputException>(() => LosslessJpeg.Decode(stream, decoded, "huge.dng"));
        Assert.Contains("ends before the last sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bits_that_form_no_code_are_an_input_error()
    {
        // No Huffman code is all ones (T.81 C.2): sixteen one bits (FF stuffed as FF 00) match nothing.
        var stream = Valid(0);
        var start = JpegSegments.EntropyStart(stream);
        byte[] ones = [.. stream[..start], .. Enumerable.Repeat<byte[]>([0xFF, 0x00], 16).SelectMany(b => b), 0xFF, 0xD9];

        var error = Assert.Throws<InputException>(() => LosslessJpeg.Decode(ones, new ushort[Samples.Length], "ones.dng"));
        Assert.Contains("no code of its table", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> HeaderDamage() => new()
    {
        { "no SOI", "LJ92 SOI" },
        { "baseline frame", "LJ92 SOF" },
        { "no frame", "LJ92 SOF3" },
        { "no table", "LJ92 SOS table selector" },
        { "no scan", "LJ92 SOS" },
        { "precision 1", "LJ92 SOF3 precision" },
        { "precision 17", "LJ92 SOF3 precision" },
        { "zero lines", "LJ92 SOF3 lines" },
        { "zero width", "LJ92 SOF3 samples per line" },
        { "five components", "LJ92 SOF3 components" },
        { "predictor 0", "LJ92 SOS predictor" },
        { "predictor 8", "LJ92 SOS predictor" },
        { "point transform 12", "LJ92 SOS point transform" },
        { "partial-line restarts", "LJ92 DRI" },
        { "restart out of order", "LJ92 RST" },
        { "restart missing", "LJ92 RST" },
        { "no EOI", "LJ92 EOI" },
        { "segment past the end", "LJ92 DHT" },
        { "overfull table", "LJ92 DHT" },
        { "category 17", "LJ92 DHT" },
        { "AC-class selector", "LJ92 SOS table selector" },
    };

    [Theory]
    [MemberData(nameof(HeaderDamage))]
    public void Damaged_headers_and_markers_name_the_field(string damage, string field)
    {
        var stream = Damage(Valid(), damage);
        var error = Assert.Throws<InputException>(() => LosslessJpeg.Decode(stream, new ushort[Samples.Length], "bad.dng"));
        Assert.Equal(field, error.Field);
        Assert.Equal("bad.dng", error.File);
    }

    private static byte[] Damage(byte[] s, string damage)
    {
        var sof = JpegSegments.Find(s, 0xC3);
        var dht = JpegSegments.Find(s, 0xC4);
        var entropy = JpegSegments.EntropyStart(s);
        var firstRestart = s.AsSpan(entropy).IndexOf([(byte)0xFF, (byte)0xD0]) + entropy;
        switch (damage)
        {
            case "no SOI": s[1] = 0xD9; break;
            case "baseline frame": s[sof + 1] = 0xC0; break;
            case "no frame": return JpegSegments.Remove(s, 0xC3);
            case "no table": return JpegSegments.Remove(s, 0xC4);
            case "no scan": return s[..JpegSegments.Find(s, 0xDA)];
            case "precision 1": s[sof + 4] = 1; break;
            case "precision 17": s[sof + 4] = 17; break;
            case "zero lines": s[sof + 5] = s[sof + 6] = 0; break;
            case "zero width": s[sof + 7] = s[sof + 8] = 0; break;
            case "five components": s[sof + 9] = 5; break;
            case "predictor 0": s[entropy - 3] = 0; break;
            case "predictor 8": s[entropy - 3] = 8; break;
            case "point transform 12": s[entropy - 1] = 12; break;
            case "partial-line restarts": s[JpegSegments.Find(s, 0xDD) + 5] = Width + 1; break;
            case "restart out of order": s[firstRestart + 1] = 0xD3; break;
            case "restart missing": return [.. s[..firstRestart], .. s[(firstRestart + 2)..]];
            case "no EOI": return s[..^2];
            case "segment past the end": s[dht + 2] = 0x7F; break;
            case "overfull table": s[dht + 5] = 3; break; // three 1-bit codes
            case "category 17": s[dht + 4 + 17] = 17; break;
            case "AC-class selector": s[entropy - 6] = 0x40; break; // table 4 does not exist
            default: throw new ArgumentException(damage);
        }

        return s;
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var s = new List<byte>(valid);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(s.Count);
            switch (random.Next(5))
            {
                case 0: s[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: s[at] = (byte)random.Next(256); break;
                case 2: s.Insert(at, (byte)random.Next(256)); break;
                case 3: s.RemoveAt(at); break;
                default: s[at] = random.Next(2) == 0 ? (byte)0xFF : (byte)random.Next(0xC0, 0xE0); break;
            }
        }

        return [.. s];
    }
}
