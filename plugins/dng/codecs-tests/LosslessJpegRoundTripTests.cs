using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>Decodes streams from the testkit's independent encoder and compares every sample.</summary>
public class LosslessJpegRoundTripTests
{
    public static TheoryData<int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var predictor in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            foreach (var components in new[] { 1, 2, 3, 4 })
            {
                foreach (var precision in new[] { 8, 12, 14, 16 })
                {
                    data.Add(predictor, components, precision);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_predictor_component_count_and_precision_decodes_exactly(int predictor, int components, int precision)
    {
        const int width = 37, height = 11;
        var samples = TestImages.Samples(width, height, components, precision, seed: (predictor * 100) + (components * 10) + precision);
        var stream = Lj92Encoder.Encode(samples, width, height, components, precision, predictor);

        var decoded = new ushort[samples.Length];
        var frame = LosslessJpeg.Decode(stream, decoded, "test.dng");

        Assert.Equal(new Lj92Frame(width, height, components, precision, predictor), frame);
        Assert.Equal(samples, decoded);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(4, 2, 3)]
    [InlineData(6, 4, 5)]
    [InlineData(7, 1, 16)]
    [InlineData(5, 3, 13)]
    public void Restart_intervals_reset_the_prediction(int predictor, int components, int restartRows)
    {
        const int width = 19, height = 16;
        var samples = TestImages.Samples(width, height, components, 14, seed: restartRows);
        var stream = Lj92Encoder.Encode(samples, width, height, components, 14, predictor, restartRows);

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode(stream, decoded, "test.dng");

        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void More_than_eight_restart_intervals_cycle_the_marker_numbers()
    {
        const int width = 5, height = 21;
        var samples = TestImages.Samples(width, height, 2, 12, seed: 9);
        var stream = Lj92Encoder.Encode(samples, width, height, 2, 12, 4, restartRows: 1);

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode(stream, decoded, "test.dng");

        Assert.Equal(samples, decoded);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(15)]
    public void Low_and_odd_precisions_decode(int precision)
    {
        var samples = TestImages.Uniform(23 * 7 * 2, precision, seed: precision);
        var stream = Lj92Encoder.Encode(samples, 23, 7, 2, precision, 6);

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode(stream, decoded, "test.dng");

        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void Full_range_noise_uses_every_difference_category_including_the_16_bit_case()
    {
        // Alternating 0 and 32768 gives differences of exactly -32768: category 16, which has no extra bits.
        var samples = TestImages.Uniform(64 * 8, 16, seed: 3);
        for (var i = 0; i < 64; i++)
        {
            samples[i] = (ushort)(i % 2 == 0 ? 0 : 32768);
        }

        var stream = Lj92Encoder.Encode(samples, 64, 8, 1, 16, 1);

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode(stream, decoded, "test.dng");

        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void A_dng_tile_stored_as_half_width_two_component_frame_keeps_its_sample_order()
    {
        // DNG writers often code a W-wide tile as a W/2-wide frame of 2 components: the samples stay in row order.
        const int tileWidth = 32, tileHeight = 8;
        var samples = TestImages.Samples(tileWidth, tileHeight, 1, 12, seed: 5);
        var stream = Lj92Encoder.Encode(samples, tileWidth / 2, tileHeight, 2, 12, 1);

        var decoded = new ushort[tileWidth * tileHeight];
        var frame = LosslessJpeg.Decode(stream, decoded, "tile.dng");

        Assert.Equal((tileWidth / 2, 2), (frame.Width, frame.Components));
        Assert.Equal(samples, decoded);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 16, 0)]
    [InlineData(2, 16, 4)]
    [InlineData(4, 32, 3)]
    public void Tiles_and_strips_of_a_dng_from_the_writer_decode_exactly(int components, int tile, int restartRows)
    {
        // The testkit's DngWriter cuts the mosaic into 16×16 tiles (padded at the edges) or one strip, each its own LJ92 stream.
        const int width = 40, height = 24;
        var samples = TestImages.Samples(width, height, 1, 14, seed: tile + components);
        var dng = new DngFile
        {
            Width = width, Height = height, Samples = samples, BitsPerSample = 14, Compression = DngCompression.LosslessJpeg,
            TileWidth = tile, TileHeight = tile, Lj92Components = components, Lj92Predictor = 1, Lj92RestartRows = restartRows,
        };

        var blocks = TiffStrips.RawBlocks(DngWriter.Write(dng));
        var (blockWidth, blockHeight) = tile > 0 ? (tile, tile) : (width, height);
        var index = 0;
        for (var top = 0; top < height; top += blockHeight)
        {
            for (var left = 0; left < width; left += blockWidth)
            {
                var decoded = new ushort[blockWidth * blockHeight];
                var frame = LosslessJpeg.Decode(blocks[index++], decoded, "tiled.dng");

                Assert.Equal(new Lj92Frame(blockWidth / components, blockHeight, components, 14, 1), frame);
                for (var y = 0; y < blockHeight; y++)
                {
                    for (var x = 0; x < blockWidth; x++)
                    {
                        var source = (Math.Min(top + y, height - 1) * width) + Math.Min(left + x, width - 1);
                        Assert.Equal(samples[source], decoded[(y * blockWidth) + x]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Tiles_decode_concurrently()
    {
        // The plugin decodes tiles in parallel: the decoder shares nothing between calls but the buffer pool.
        var tiles = Enumerable.Range(0, 48).Select(i => TestImages.Samples(64, 32, 1, 12 + (i % 5), seed: i)).ToArray();
        var streams = tiles.Select((t, i) => Lj92Encoder.Encode(t, 32, 32, 2, 12 + (i % 5), 1 + (i % 7), restartRows: i % 3)).ToArray();
        var decoded = new ushort[tiles.Length][];

        Parallel.For(0, tiles.Length, i =>
        {
            decoded[i] = new ushort[64 * 32];
            LosslessJpeg.Decode(streams[i], decoded[i], $"tile{i}.dng");
        });

        Assert.Equal(tiles, decoded);
    }

    [Fact]
    public void ReadFrame_reports_the_headers_without_decoding()
    {
        var samples = TestImages.Samples(300, 2, 3, 10, seed: 1);
        var stream = Lj92Encoder.Encode(samples, 300, 2, 3, 10, 5);

        Assert.Equal(new Lj92Frame(300, 2, 3, 10, 5), LosslessJpeg.ReadFrame(stream, "x.dng"));
    }

    [Fact]
    public void A_larger_destination_is_filled_only_for_the_frame()
    {
        var samples = TestImages.Samples(8, 4, 1, 12, seed: 2);
        var stream = Lj92Encoder.Encode(samples, 8, 4, 1, 12, 1);
        var decoded = new ushort[40];
        decoded.AsSpan(32).Fill(0xABCD);

        LosslessJpeg.Decode(stream, decoded, "x.dng");

        Assert.Equal(samples, decoded[..32]);
        Assert.All(decoded[32..], s => Assert.Equal(0xABCD, s));
    }
}
