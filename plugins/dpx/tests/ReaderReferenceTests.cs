using Rushes.Plugins.Dpx.Format;
using Rushes.Plugins.Dpx.IO;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>DPX files written by OpenImageIO (<c>oiiotool</c>), read by our reader.</summary>
public sealed class ReaderReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("uint10", "little")]
    [InlineData("uint10", "big")]
    [InlineData("uint16", "little")]
    [InlineData("uint16", "big")]
    [InlineData("uint8", "big")]
    public void Reads_what_oiiotool_writes(string format, string endian)
    {
        // A gradient with noise on top: every code path of the packing, at an odd width.
        var path = System.IO.Path.Combine(_temp.Path, $"oiio-{format}-{endian}.dpx");
        DpxAssert.Tool("oiiotool", "--pattern", "fill:topleft=0,0.2,1:topright=1,0,0.5:bottomleft=0.1,1,0:bottomright=0.9,0.6,0.3", "31x17", "3",
            "--noise:type=uniform:min=-0.05:max=0.05", "-d", format, "--attrib", "oiio:Endian", endian,
            "--attrib", "dpx:Transfer", "Printing density", "--attrib", "dpx:InputDevice", "B007", "--attrib", "dpx:TimeCode", "23:59:59:23", "-o", path);

        using var ours = DpxFileReader.Read(path);
        Assert.Equal(endian == "big", ours.Header.BigEndian);
        Assert.Equal((31, 17, 3), (ours.Pixels.Width, ours.Pixels.Height, ours.Pixels.Channels));
        Assert.Equal(DpxCharacteristic.PrintingDensity, ours.Header.Element.Transfer);
        Assert.Equal("B007", ours.Header.InputDevice);
        Assert.Equal("23:59:59:23", SmpteTimecode.Describe(ours.Header.TimeCode!.Value));

        var bits = ours.Header.Element.BitDepth;
        var reference = DpxAssert.Dump(path);
        Assert.Equal(31 * 17, reference.Count);
        foreach (var p in reference)
        {
            for (var c = 0; c < 3; c++)
            {
                // OpenImageIO keeps 10-bit codes as 16-bit integers widened by bit replication: the code is in the top ten bits.
                var expected = (uint)p.Codes[c] >> (bits == 10 ? 6 : 0);
                var actual = ours.Pixels.GetRow(c, p.Y)[p.X] * ((1 << bits) - 1);
                Assert.True(Math.Abs(actual - expected) < 1e-3, $"pixel ({p.X}, {p.Y}) channel {"RGB"[c]}: we read code {actual}, OpenImageIO {expected}.");
            }
        }
    }
}
