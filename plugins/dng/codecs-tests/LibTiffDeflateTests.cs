using Rushes.Testing;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>
/// Third-party Deflate strips: OpenImageIO's oiiotool writes zip-compressed TIFFs through libtiff, which applies
/// the horizontal predictor to integers and the floating-point predictor to floats. The decoded strips must
/// equal the source floats, or libtiff's own decode of the integers (oiiotool rewriting the TIFF uncompressed).
/// </summary>
public class LibTiffDeflateTests
{
    private const int Width = 41, Height = 70;

    [Fact]
    public void Libtiff_float_strips_with_the_floating_point_predictor_decode_exactly()
    {
        var random = new Random(41);
        var pixels = new float[Width * Height * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(Math.Pow(2, (random.NextDouble() * 24) - 12) * (random.Next(6) == 0 ? -1 : 1));
        }

        var (tiff, _) = Convert(pixels, "float", decodeToUncompressed: false);
        var decoded = new float[pixels.Length];
        DecodeStrips(tiff, expectedPredictor: 3, (strip, rows, top) =>
            DeflateSamples.DecodeFloats(strip, new DeflateBlock(Width, rows, 3, 32, true, 3), false, decoded.AsSpan(top * Width * 3), "libtiff.tif"));

        Assert.Equal(pixels, decoded);
    }

    [Theory]
    [InlineData("uint16", 16)]
    [InlineData("uint8", 8)]
    public void Libtiff_integer_strips_with_the_horizontal_predictor_decode_as_libtiff_does(string type, int bits)
    {
        var random = new Random(bits);
        var pixels = new float[Width * Height * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            // Smooth with noise, so the differences are mostly small but now and then wrap around.
            pixels[i] = (float)Math.Clamp((0.5 * Math.Sin(i / 300.0)) + 0.5 + ((random.NextDouble() - 0.5) * 0.2), 0, 1);
        }

        var (tiff, uncompressed) = Convert(pixels, type, decodeToUncompressed: true);
        var decoded = new ushort[pixels.Length];
        DecodeStrips(tiff, expectedPredictor: 2, (strip, rows, top) =>
            DeflateSamples.DecodeIntegers(strip, new DeflateBlock(Width, rows, 3, bits, false, 2), false, decoded.AsSpan(top * Width * 3), "libtiff.tif"));

        Assert.Equal(1u, TiffStrips.RawFields(uncompressed!)[0x0103][0]);
        var reference = TiffStrips.RawBlocks(uncompressed!).SelectMany(strip => strip).ToArray();
        var expected = new ushort[pixels.Length];
        PackedSamples.Unpack(reference, bits, Width * 3, Height, false, expected, "uncompressed.tif");
        Assert.Equal(expected, decoded);
    }

    private static void DecodeStrips(byte[] tiff, int expectedPredictor, Action<byte[], int, int> decode)
    {
        var fields = TiffStrips.RawFields(tiff);
        Assert.Equal((uint)expectedPredictor, fields[0x013D][0]);
        Assert.Equal(8u, fields[0x0103][0]);
        var rowsPerStrip = (int)fields[0x0116][0];
        var top = 0;
        var strips = TiffStrips.RawBlocks(tiff);
        foreach (var strip in strips)
        {
            var rows = Math.Min(rowsPerStrip, Height - top);
            decode(strip, rows, top);
            top += rows;
        }

        Assert.Equal(Height, top);
        Assert.True(strips.Count > 1, "The image should span several strips.");
    }

    // Writes the pixels as PFM, converts them with oiiotool to a zip TIFF of `type` and, optionally, has libtiff
    // decode that TIFF and write it again uncompressed (little-endian, as libtiff writes on this machine).
    private static (byte[] Tiff, byte[]? Uncompressed) Convert(float[] pixels, string type, bool decodeToUncompressed)
    {
        var folder = Directory.CreateTempSubdirectory("rushes-libtiff-").FullName;
        try
        {
            var source = Path.Combine(folder, "source.pfm");
            var tiff = Path.Combine(folder, "deflate.tif");
            File.WriteAllBytes(source, Pfm.Write(new FloatImage(Width, Height, 3, pixels)));
            ReferenceTool.Run("oiiotool", [source, "-d", type, "--compression", "zip", "-o", tiff], TimeSpan.FromSeconds(60)).EnsureSuccess("oiiotool zip TIFF");
            byte[]? decoded = null;
            if (decodeToUncompressed)
            {
                var output = Path.Combine(folder, "uncompressed.tif");
                ReferenceTool.Run("oiiotool", [tiff, "--compression", "none", "-o", output], TimeSpan.FromSeconds(60)).EnsureSuccess("oiiotool TIFF decode");
                decoded = File.ReadAllBytes(output);
            }

            return (File.ReadAllBytes(tiff), decoded);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
