using Rushes.Plugins.Tiff.IO;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>TIFFs written by OpenImageIO (libtiff), read by our reader: the pixels equal OpenImageIO's own uncompressed copy, bit for bit.</summary>
public sealed class ReaderReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("uint16", "zip")]
    [InlineData("uint16", "none")]
    [InlineData("float", "zip")]
    [InlineData("float", "none")]
    public void Reads_what_oiiotool_writes(string format, string compression)
    {
        var source = _temp.File("source.tif");
        var reference = _temp.File("reference.tif");
        TiffAssert.Tool("oiiotool", "--pattern", "fill:topleft=0,0.2,1:topright=1,0,0.5:bottomleft=0.1,1,0:bottomright=0.9,0.6,0.3", "131x77", "3",
            "--noise:type=gaussian:mean=0:stddev=0.2", "-d", format, "--compression", compression, "-o", source);
        TiffAssert.Tool("oiiotool", source, "--compression", "none", "-o", reference);

        using var ours = TiffFileReader.Read(source);
        using var raw = TiffFileReader.Read(reference);
        Assert.Equal(compression == "zip" ? 8u : 1u, ours.Number(Format.TiffTag.Compression));
        Assert.Equal((131, 77), (ours.Pixels.Width, ours.Pixels.Height));
        Assert.Equal(raw.Pixels.Samples.ToArray(), ours.Pixels.Samples.ToArray());

        // And the integers against OpenImageIO's own dump, code for code.
        if (format == "uint16")
        {
            foreach (var ((x, y), codes) in TiffAssert.Codes(source))
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(codes[c] / 65535f, ours.Pixels.GetRow(c, y)[x]);
                }
            }
        }
    }
}
