using System.IO.Compression;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>
/// Decodes Deflate strips and tiles written by the testkit's DngWriter (found in its TIFF output) and by an
/// encoder written here from the specifications, and checks every value.
/// </summary>
public class DeflateSamplesTests
{
    [Theory]
    [InlineData(1, 1, false, 0)]
    [InlineData(2, 1, false, 0)]
    [InlineData(34892, 1, true, 0)]
    [InlineData(34893, 1, false, 0)]
    [InlineData(2, 3, true, 0)]
    [InlineData(34892, 3, false, 0)]
    [InlineData(34893, 3, true, 0)]
    [InlineData(2, 1, false, 16)]
    [InlineData(34893, 3, true, 16)]
    public void Sixteen_bit_integer_blocks_from_the_dng_writer_decode_exactly(int predictor, int spp, bool bigEndian, int tile)
    {
        const int width = 40, height = 13;
        var samples = TestImages.Samples(width, height, spp, 16, seed: predictor + spp);
        var dng = new DngFile
        {
            Width = width, Height = height, SamplesPerPixel = spp, Samples = samples, BitsPerSample = 16,
            Compression = DngCompression.Deflate, DeflatePredictor = predictor, BigEndian = bigEndian,
            RowsPerStrip = 5, TileWidth = tile, TileHeight = tile,
        };

        var blocks = TiffStrips.RawBlocks(DngWriter.Write(dng));
        var (blockWidth, blockHeight) = tile > 0 ? (tile, tile) : (width, 5);
        var index = 0;
        for (var top = 0; top < height; top += blockHeight)
        {
            for (var left = 0; left < width; left += blockWidth)
            {
                var rows = tile > 0 ? tile : Math.Min(blockHeight, height - top);
                var decoded = new ushort[blockWidth * rows * spp];
                DeflateSamples.DecodeIntegers(blocks[index++], new DeflateBlock(blockWidth, rows, spp, 16, false, predictor), bigEndian, decoded, "deflate.dng");

                Assert.Equal(Cut(samples, width, height, spp, left, top, blockWidth, rows), decoded);
            }
        }

        Assert.Equal(blocks.Count, index);
    }

    [Theory]
    [InlineData(16, 3, 1, false)]
    [InlineData(16, 34894, 1, true)]
    [InlineData(16, 1, 3, true)]
    [InlineData(24, 3, 1, false)]
    [InlineData(24, 34895, 3, true)]
    [InlineData(24, 1, 1, false)]
    [InlineData(24, 1, 1, true)]
    [InlineData(32, 3, 3, true)]
    [InlineData(32, 34894, 1, false)]
    [InlineData(32, 34895, 1, true)]
    [InlineData(32, 1, 3, false)]
    public void Floating_point_blocks_from_the_dng_writer_decode_exactly(int bits, int predictor, int spp, bool bigEndian)
    {
        const int width = 33, height = 9;
        var random = new Random(bits + predictor);
        var values = new float[width * height * spp];
        for (var i = 0; i < values.Length; i++)
        {
            // Scene-linear values over many stops, some negative, as a float raw holds.
            values[i] = (float)(Math.Pow(2, (random.NextDouble() * 20) - 12) * (random.Next(8) == 0 ? -1 : 1));
        }

        var dng = new DngFile
        {
            Width = width, Height = height, SamplesPerPixel = spp, FloatSamples = values, BitsPerSample = bits,
            Compression = DngCompression.Deflate, DeflatePredictor = predictor, BigEndian = bigEndian,
        };

        var block = TiffStrips.RawBlocks(DngWriter.Write(dng)).Single();
        var decoded = new float[values.Length];
        DeflateSamples.DecodeFloats(block, new DeflateBlock(width, height, spp, bits, true, predictor), bigEndian, decoded, "float.dng");

        Assert.Equal(values.Select(v => Stored(v, bits)), decoded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(34892)]
    [InlineData(34893)]
    public void Eight_bit_integer_blocks_decode_with_every_horizontal_predictor(int predictor)
    {
        const int width = 23, height = 6, spp = 3;
        var samples = TestImages.Samples(width, height, spp, 8, seed: predictor);
        var span = predictor switch { 2 => 1, 34892 => 2, 34893 => 4, _ => 0 } * spp;
        var bytes = samples.Select(s => (byte)s).ToArray();
        for (var row = 0; row < height; row++)
        {
            // TIFF 6.0 section 14: each sample minus the one `span` samples to its left, modulo 2^8, right to left.
            for (var x = (width * spp) - 1; span > 0 && x >= span; x--)
            {
                var i = (row * width * spp) + x;
                bytes[i] = (byte)(bytes[i] - bytes[i - span]);
            }
        }

        var decoded = new ushort[samples.Length];
        DeflateSamples.DecodeIntegers(Zlib(bytes), new DeflateBlock(width, height, spp, 8, false, predictor), false, decoded, "eight.tif");

        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void Packed_twelve_bit_integers_decode_without_a_predictor()
    {
        var samples = TestImages.Uniform(17 * 4, 12, seed: 12);
        var packed = BitPacker.Pack(samples, 17, 4, 12, false);

        var decoded = new ushort[samples.Length];
        DeflateSamples.DecodeIntegers(Zlib(packed), new DeflateBlock(17, 4, 1, 12, false, 1), false, decoded, "twelve.dng");

        Assert.Equal(samples, decoded);
    }

    [Theory]
    [InlineData(0x3F0000u, 1.0f)]
    [InlineData(0xBF8000u, -1.5f)]
    [InlineData(0x400000u, 2.0f)]
    [InlineData(0x3E0001u, 0.5f + (0.5f / 65536))]
    [InlineData(0x000000u, 0.0f)]
    [InlineData(0x7F0000u, float.PositiveInfinity)]
    [InlineData(0xFF0000u, float.NegativeInfinity)]
    public void Dng_24_bit_floats_convert_by_the_specification(uint bits, float expected)
    {
        var row = new[] { (byte)(bits >> 16), (byte)(bits >> 8), (byte)bits };
        var decoded = new float[1];
        DeflateSamples.DecodeFloats(Zlib(row), new DeflateBlock(1, 1, 1, 24, true, 1), true, decoded, "fp24.dng");

        Assert.Equal(expected, decoded[0]);
    }

    [Fact]
    public void Dng_24_bit_subnormals_nan_and_negative_zero_convert()
    {
        byte[] row = [0x00, 0x00, 0x01, 0x7F, 0x00, 0x01, 0x80, 0x00, 0x00, 0x00, 0x80, 0x00];
        var decoded = new float[4];
        DeflateSamples.DecodeFloats(Zlib(row), new DeflateBlock(4, 1, 1, 24, true, 1), true, decoded, "fp24.dng");

        Assert.Equal(MathF.ScaleB(1, -78), decoded[0]); // the smallest subnormal: 2^(1-63-16)
        Assert.True(float.IsNaN(decoded[1]));
        Assert.Equal(0x8000_0000u, BitConverter.SingleToUInt32Bits(decoded[2]));
        Assert.Equal(MathF.ScaleB(1, -63), decoded[3]); // the largest-bit subnormal: 0x8000 × 2^-78
    }

    [Fact]
    public void Data_that_inflates_short_names_the_expected_size()
    {
        var error = Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers(Zlib(new byte[99]), new DeflateBlock(10, 5, 1, 16, false, 1), false, new ushort[50], "short.dng"));
        Assert.Equal("short.dng", error.File);
        Assert.Contains("100", error.Expected, StringComparison.Ordinal);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_that_inflates_long_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers(Zlib(new byte[101]), new DeflateBlock(10, 5, 1, 16, false, 1), false, new ushort[50], "long.dng"));
        Assert.Contains("100", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_zlib_data_and_bad_checksums_are_input_errors()
    {
        var good = Zlib(TestImages.Uniform(64, 8, 1).Select(s => (byte)s).ToArray());
        var block = new DeflateBlock(64, 1, 1, 8, false, 1);
        var badChecksum = good.ToArray();
        badChecksum[^1] ^= 1;

        Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers(badChecksum, block, false, new ushort[64], "sum.dng"));
        Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers(good.AsSpan(0, good.Length / 2), block, false, new ushort[64], "half.dng"));
        Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers([0x12, 0x34, 0x56], block, false, new ushort[64], "junk.dng"));
        Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers([], block, false, new ushort[64], "empty.dng"));
    }

    [Fact]
    public void Truncated_or_mutated_deflate_data_decodes_or_raises_an_input_error()
    {
        var samples = TestImages.Samples(16, 8, 1, 16, seed: 16);
        var bytes = BitPacker.Pack(samples, 16, 8, 16, false);
        var block = new DeflateBlock(16, 8, 1, 16, false, 1);
        var stream = Zlib(bytes);
        for (var length = 0; length < stream.Length; length++)
        {
            // System.IO.Compression verifies the Adler-32 trailer when present but does not insist on it, so a cut
            // within the last bytes, after all the data has come out, decodes, and must then decode exactly.
            var decoded = new ushort[128];
            var cut = stream[..length];
            if (length < stream.Length - 6)
            {
                Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers(cut, block, false, decoded, "cut.dng"));
            }
            else
            {
                var error = Record.Exception(() => DeflateSamples.DecodeIntegers(cut, block, false, decoded, "cut.dng"));
                Assert.True(error is InputException || (error is null && decoded.SequenceEqual(samples)), $"cut at {length}: {error}");
            }
        }

        var random = new Random(8);
        for (var trial = 0; trial < 500; trial++)
        {
            var mutated = stream.ToArray();
            mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                DeflateSamples.DecodeIntegers(mutated, block, false, new ushort[128], "fuzz.dng");
            }
            catch (InputException)
            {
            }
        }
    }

    [Theory]
    [InlineData(12, false, 2)]     // horizontal differencing needs 8 or 16-bit integers
    [InlineData(16, false, 3)]     // the floating-point predictor on integers
    [InlineData(16, false, 7)]     // no such predictor
    [InlineData(20, false, 1)]     // integers wider than 16 bits
    [InlineData(16, true, 1)]      // floats through the integer decoder
    public void Unsupported_integer_layouts_are_input_errors(int bits, bool floating, int predictor)
    {
        Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers(Zlib(new byte[64]), new DeflateBlock(4, 4, 1, bits, floating, predictor), false, new ushort[16], "bad.dng"));
    }

    [Theory]
    [InlineData(32, false, 3)]     // integers through the float decoder
    [InlineData(8, true, 1)]       // no 8-bit floats
    [InlineData(32, true, 2)]      // horizontal differencing on floats
    public void Unsupported_float_layouts_are_input_errors(int bits, bool floating, int predictor)
    {
        Assert.Throws<InputException>(() => DeflateSamples.DecodeFloats(Zlib(new byte[64]), new DeflateBlock(4, 4, 1, bits, floating, predictor), false, new float[16], "bad.dng"));
    }

    [Fact]
    public void A_block_larger_than_the_destination_is_refused_before_inflating()
    {
        var error = Assert.Throws<InputException>(() => DeflateSamples.DecodeIntegers([], new DeflateBlock(65535, 65535, 4, 16, false, 1), false, new ushort[16], "huge.dng"));
        Assert.Contains("16", error.Expected, StringComparison.Ordinal);
    }

    // The value the DNG writer stores, computed here from the formats' definitions: binary16 rounds to
    // nearest even, DNG's 24-bit float keeps the top 16 of binary32's 23 mantissa bits, binary32 is exact.
    private static float Stored(float value, int bits) => bits switch
    {
        16 => (float)(Half)value,
        24 => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(value) & 0xFFFF_FF80),
        _ => value,
    };

    private static ushort[] Cut(ushort[] image, int width, int height, int spp, int left, int top, int w, int h)
    {
        // Tiles past the image edge repeat its last column and row, as the writer pads them.
        var block = new ushort[w * h * spp];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var c = 0; c < spp; c++)
                {
                    var source = (((Math.Min(top + y, height - 1) * width) + Math.Min(left + x, width - 1)) * spp) + c;
                    block[(((y * w) + x) * spp) + c] = image[source];
                }
            }
        }

        return block;
    }

    internal static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }
}
