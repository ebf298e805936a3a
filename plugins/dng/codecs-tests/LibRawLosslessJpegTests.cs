using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>
/// LibRaw (dcraw_emu) as a second, independent LJ92 decoder at DNG precisions: a LinearRaw DNG whose tiles are
/// lossless JPEG (written by the testkit) is developed by dcraw_emu with every adjustment neutral, and must give
/// back the same 16-bit values the codec decodes from the tiles.
/// </summary>
public class LibRawLosslessJpegTests
{
    // Restarts only with predictor 1: after a restart marker LibRaw (like dcraw) resets the first column's
    // prediction but goes on predicting the rest of the line from the line above, where T.81 H.1.2.1 (and
    // libjpeg-turbo, and the testkit's encoder) predict the interval's first line from the left only, as the
    // scan's first line. For predictor 1 the two readings coincide.
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 0)]
    [InlineData(7, 0)]
    [InlineData(1, 3)]
    public void Dcraw_emu_decodes_the_tiles_to_the_same_values(int predictor, int restartRows)
    {
        const int width = 48, height = 32, tile = 16;
        var samples = TestImages.Samples(width, height, 3, 16, seed: predictor);
        var dng = new DngFile
        {
            Width = width, Height = height, SamplesPerPixel = 3, Samples = samples, BitsPerSample = 16,
            Compression = DngCompression.LosslessJpeg, TileWidth = tile, TileHeight = tile, Lj92Components = 3,
            Lj92Predictor = predictor, Lj92RestartRows = restartRows, ColorMatrix1 = null, AsShotNeutral = [1, 1, 1],
        };

        var folder = Directory.CreateTempSubdirectory("rushes-libraw-lj92-").FullName;
        try
        {
            var path = Path.Combine(folder, "linear.dng");
            DngWriter.Write(dng, path);
            ReferenceTool.Run("dcraw_emu", ["-4", "-o", "0", "-r", "1", "1", "1", "1", "-c", "0", "-t", "0", "-Z", path + ".ppm", path], TimeSpan.FromSeconds(60))
                .EnsureSuccess("dcraw_emu");
            var libraw = ReadPpm16(File.ReadAllBytes(path + ".ppm"), width, height);

            var ours = new ushort[width * height * 3];
            var blocks = TiffStrips.RawBlocks(File.ReadAllBytes(path));
            var index = 0;
            var decoded = new ushort[tile * tile * 3];
            for (var top = 0; top < height; top += tile)
            {
                for (var left = 0; left < width; left += tile)
                {
                    LosslessJpeg.Decode(blocks[index++], decoded, path);
                    for (var y = 0; y < tile; y++)
                    {
                        decoded.AsSpan(y * tile * 3, tile * 3).CopyTo(ours.AsSpan((((top + y) * width) + left) * 3));
                    }
                }
            }

            Assert.Equal(samples, ours);
            Assert.Equal(libraw, ours);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // dcraw_emu's 16-bit binary PPM: "P6\n<w> <h>\n65535\n", big-endian samples.
    private static ushort[] ReadPpm16(byte[] ppm, int width, int height)
    {
        var start = 0;
        for (var newlines = 0; newlines < 3; start++)
        {
            newlines += ppm[start] == '\n' ? 1 : 0;
        }

        Assert.Equal($"P6\n{width} {height}\n65535\n", System.Text.Encoding.ASCII.GetString(ppm, 0, start));
        var samples = new ushort[width * height * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)((ppm[start + (2 * i)] << 8) | ppm[start + (2 * i) + 1]);
        }

        return samples;
    }
}
