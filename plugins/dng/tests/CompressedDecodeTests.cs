using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Lossless JPEG and Deflate DNGs decode to exactly the samples they were written from.</summary>
public sealed class CompressedDecodeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<int, int, int, int, bool> Lj92Layouts() => new()
    {
        // predictor, JPEG components per tile row, restart rows, bits, tiled
        { 1, 1, 0, 16, true },
        { 2, 2, 0, 14, true },
        { 3, 4, 0, 12, true },
        { 4, 2, 3, 16, true },
        { 5, 1, 2, 12, false },
        { 6, 2, 0, 10, false },
        { 7, 4, 5, 16, true },
    };

    [Theory]
    [MemberData(nameof(Lj92Layouts))]
    public void Lossless_jpeg_tiles_and_strips_decode_exactly(int predictor, int components, int restartRows, int bits, bool tiled)
    {
        var samples = Fixtures.Samples(48, 20, bits, seed: predictor);
        var white = (1 << bits) - 1;
        var path = _folder.Write($"lj92-{predictor}-{components}-{restartRows}-{bits}-{tiled}.dng", new DngFile
        {
            Width = 48,
            Height = 20,
            BitsPerSample = bits,
            Samples = samples,
            Compression = DngCompression.LosslessJpeg,
            TileWidth = tiled ? 32 : 0,
            TileHeight = tiled ? 16 : 0,
            RowsPerStrip = tiled ? 0 : 8,
            Lj92Predictor = predictor,
            Lj92Components = components,
            Lj92RestartRows = restartRows,
            WhiteLevel = [(uint)white],
        });

        using var mosaic = Decoding.Mosaic(path);

        Assert.Equal(samples, mosaic.Samples.ToArray().Select(v => (ushort)Math.Round(v * white)).ToArray());
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(34892, false)]
    [InlineData(34893, true)]
    public void Deflate_integers_with_every_predictor_decode_exactly(int predictor, bool bigEndian)
    {
        var samples = Fixtures.Samples(40, 18, 16, seed: predictor);
        var path = _folder.Write($"deflate-{predictor}-{bigEndian}.dng", new DngFile
        {
            Width = 40,
            Height = 18,
            Samples = samples,
            Compression = DngCompression.Deflate,
            DeflatePredictor = predictor,
            BigEndian = bigEndian,
            TileWidth = 16,
            TileHeight = 16,
        });

        using var mosaic = Decoding.Mosaic(path);

        Assert.Equal(samples, mosaic.Samples.ToArray().Select(v => (ushort)Math.Round(v * 65535)).ToArray());
    }

    [Theory]
    [InlineData(32, 3)]
    [InlineData(32, 34895)]
    [InlineData(24, 34894)]
    [InlineData(16, 3)]
    public void Deflate_floats_with_the_floating_point_predictors_decode_to_the_written_values(int bits, int predictor)
    {
        var values = Enumerable.Range(0, 24 * 16).Select(i => (float)(((i * 37) % 997) / 1000.0)).ToArray();
        var path = _folder.Write($"float-{bits}-{predictor}.dng", new DngFile
        {
            Width = 24,
            Height = 16,
            FloatSamples = values,
            BitsPerSample = bits,
            Compression = DngCompression.Deflate,
            DeflatePredictor = predictor,
            RowsPerStrip = 5,
            WhiteLevel = [1],
        });

        using var mosaic = Decoding.Mosaic(path);

        // Each value as the written width stores it: exact for binary32, rounded to 16 mantissa bits (DNG fp24) or to binary16.
        var tolerance = bits switch { 32 => 0, 24 => 1e-4, _ => 5e-4 };
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], mosaic.Samples[i], tolerance);
        }
    }

    public void Dispose() => _folder.Dispose();
}
