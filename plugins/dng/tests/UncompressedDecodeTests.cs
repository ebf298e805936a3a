using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>The raw mosaic of uncompressed DNGs in every layout equals the written samples after the level stages, exactly.</summary>
public sealed class UncompressedDecodeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<int, bool, bool, int, bool> Layouts() => new()
    {
        // bits, big-endian, tiles, rows per strip, raw in SubIFD
        { 16, false, false, 0, true },
        { 16, true, false, 5, true },
        { 16, false, true, 0, false },
        { 8, false, false, 7, true },
        { 10, false, false, 0, true },
        { 12, true, true, 0, true },
        { 14, false, false, 3, false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_mosaic_is_the_samples_over_the_white_level(int bits, bool bigEndian, bool tiles, int rowsPerStrip, bool subIfd)
    {
        var samples = Fixtures.Samples(30, 22, bits);
        var white = (1 << bits) - 1;
        var path = _folder.Write($"layout-{bits}-{bigEndian}-{tiles}-{rowsPerStrip}-{subIfd}.dng", new DngFile
        {
            Width = 30,
            Height = 22,
            BitsPerSample = bits,
            Samples = samples,
            BigEndian = bigEndian,
            TileWidth = tiles ? 16 : 0,
            TileHeight = tiles ? 16 : 0,
            RowsPerStrip = rowsPerStrip,
            RawInSubIfd = subIfd,
            WhiteLevel = [(uint)white],
        });

        using var mosaic = Decoding.Mosaic(path);

        Assert.Equal((30, 22), (mosaic.Width, mosaic.Height));
        Assert.Equal(CfaPattern.Rggb, mosaic.Pattern);
        // Scaled back by the white level, every photosite is its stored code value (the scaling is one float multiply).
        var restored = mosaic.Samples.ToArray().Select(v => (ushort)Math.Round(v * white)).ToArray();
        Assert.Equal(samples, restored);
    }

    [Fact]
    public void Black_levels_repeat_over_the_active_area_with_row_and_column_deltas()
    {
        var samples = Fixtures.Samples(20, 16, 16, minimum: 3000);
        double[] black = [1000, 1010, 1020, 1030];
        double[] deltaH = [.. Enumerable.Range(0, 16).Select(x => x * 1.5)];
        double[] deltaV = [.. Enumerable.Range(0, 12).Select(y => y * -2.0)];
        var path = _folder.Write("black.dng", new DngFile
        {
            Width = 20,
            Height = 16,
            Samples = samples,
            ActiveArea = [2, 4, 14, 20],
            BlackLevelRepeatDim = (2, 2),
            BlackLevel = black,
            BlackLevelDeltaH = deltaH,
            BlackLevelDeltaV = deltaV,
            WhiteLevel = [60000],
            CfaPattern = "GBRG",
        });

        using var mosaic = Decoding.Mosaic(path);

        Assert.Equal((16, 12), (mosaic.Width, mosaic.Height));
        Assert.Equal(CfaPattern.Gbrg, mosaic.Pattern);
        for (var y = 0; y < 12; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                var b = black[((y % 2) * 2) + (x % 2)] + deltaH[x] + deltaV[y];
                var expected = (samples[((y + 2) * 20) + x + 4] - b) / (60000 - b);
                Assert.Equal(expected, mosaic.GetRow(y)[x], 5e-7);
            }
        }
    }

    [Fact]
    public void The_linearization_table_maps_stored_values_before_black_and_white()
    {
        var table = Enumerable.Range(0, 1024).Select(i => (ushort)(i * i / 16)).ToArray();
        var samples = Fixtures.Samples(16, 8, 10);
        var path = _folder.Write("linearization.dng", new DngFile
        {
            Width = 16,
            Height = 8,
            BitsPerSample = 10,
            Samples = samples,
            LinearizationTable = table,
            BlackLevel = [100],
            WhiteLevel = [65000],
        });

        using var mosaic = Decoding.Mosaic(path);

        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal((table[samples[i]] - 100.0) / (65000 - 100), mosaic.Samples[i], 5e-7);
        }
    }

    [Fact]
    public void Default_crop_and_scale_set_the_output_size_and_pixel_aspect()
    {
        var cropped = _folder.Write("crop2.dng", new DngFile
        {
            Width = 40,
            Height = 30,
            Samples = Fixtures.Samples(40, 30, 16),
            DefaultCropOrigin = [4, 2],
            DefaultCropSize = [30, 24],
            DefaultScale = [2, 1],
        });

        using (var reader = Decoding.Open(cropped))
        {
            Assert.Equal((30, 24, 2.0), (reader.Info.Width, reader.Info.Height, reader.Info.PixelAspectRatio));
        }

        using var full = Decoding.Rgb(cropped);
        using var half = Decoding.Rgb(cropped, ResolutionLevel.Half);
        var image = Assert.IsType<PlanarImage>(full.Image);
        Assert.Equal((30, 24), (image.Width, image.Height));
        Assert.Equal(2.0, full.PixelAspectRatio);
        Assert.Equal((15, 12), (half.Image.Width, half.Image.Height));
    }

    public void Dispose() => _folder.Dispose();
}
