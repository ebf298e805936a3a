using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Files written by OpenImageIO (through the OpenEXR library), read by our reader.</summary>
public sealed class ReaderReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var compression in TestFrames.Compressions)
        {
            foreach (var type in new[] { "half", "float" })
            {
                data.Add(compression, type, false);
                data.Add(compression, type, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_what_oiiotool_writes(string compression, string pixelType, bool tiled)
    {
        // Sizes that leave partial tiles on the right and at the bottom.
        using var image = TestFrames.Picture(150, 70, 4, seed: 3);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"), ("pixel-type", "float"), ("channels", "rgba"));
        var theirs = _temp.File("theirs.exr");
        var args = new List<string> { source, "-d", pixelType, "--compression", compression };
        if (tiled)
        {
            args.AddRange(["--tile", "64", "64"]);
        }

        args.AddRange(["-o", theirs]);
        ExrAssert.Tool("oiiotool", [.. args]);

        var back = ExrFileReader.Read(theirs);
        Assert.Equal(tiled, back.Header.IsTiled);
        Assert.Equal(compression, ExrFormat.Name(back.Header.Compression()));
        ExrAssert.SamePixels(image, back, pixelType == "half" ? ExrPixelType.Half : ExrPixelType.Float, alpha: true);
        using var planar = back.ToPlanarImage();
        Assert.Equal(4, planar.Channels);
        var (_, direct) = ExrFileReader.ReadPlanar(theirs);
        using (direct)
        {
            Assert.True(planar.Samples.SequenceEqual(direct.Samples), "ReadPlanar decodes the same samples as Read.");
        }
    }

    [Fact]
    public void Reads_a_picture_out_of_other_channels()
    {
        using var image = TestFrames.Picture(30, 20, 3, seed: 12);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"));
        var extra = _temp.File("extra.exr");
        ExrAssert.Tool("oiiotool", source, "--ch", "R,G,B,Z=0.5,depth.V=2", "--compression", "zip", "-o", extra);
        var (_, picture) = ExrFileReader.ReadPlanar(extra);
        using (picture)
        {
            Assert.Equal(3, picture.Channels);
            Assert.Equal(image.GetPlane(1).ToArray().Select(TestFrames.ToHalf), picture.GetPlane(1).ToArray());
        }

        var grey = _temp.File("grey.exr");
        ExrAssert.Tool("oiiotool", source, "--ch", "Y=G", "--compression", "piz", "-o", grey);
        var (_, luminance) = ExrFileReader.ReadPlanar(grey);
        using (luminance)
        {
            var expected = image.GetPlane(1).ToArray().Select(TestFrames.ToHalf).ToArray();
            Assert.All(Enumerable.Range(0, 3), c => Assert.Equal(expected, luminance.GetPlane(c).ToArray()));
        }

        var depthOnly = _temp.File("depth.exr");
        ExrAssert.Tool("oiiotool", source, "--ch", "Z=R", "-o", depthOnly);
        var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => ExrFileReader.ReadPlanar(depthOnly));
        Assert.Equal(("channels", "R, G and B, or Y"), (error.Field, error.Expected));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_a_data_window_away_from_the_origin(bool tiled)
    {
        using var image = TestFrames.Picture(70, 50, 3, seed: 4);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"));
        var theirs = _temp.File("moved.exr");
        ExrAssert.Tool("oiiotool", [source, "--origin", "-13+37", "--compression", "piz", .. tiled ? new[] { "--tile", "32", "32" } : [], "-o", theirs]);

        var back = ExrFileReader.Read(theirs);
        Assert.Equal(new Box2i(-13, 37, 56, 86), back.Header.DataWindow());
        ExrAssert.SamePixels(image, back, ExrPixelType.Half, alpha: false);
    }

    [Theory]
    [InlineData("piz", false)]
    [InlineData("piz", true)]
    [InlineData("zip", true)]
    public void Reads_channels_of_mixed_types(string compression, bool tiled)
    {
        using var image = TestFrames.Picture(45, 38, 4, seed: 8);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"), ("pixel-type", "float"), ("channels", "rgba"));
        var theirs = _temp.File("mixed.exr");
        ExrAssert.Tool("oiiotool", [source, "-d", "half", "-d", "G=float", "-d", "A=float", "--compression", compression, .. tiled ? new[] { "--tile", "16", "16" } : [], "-o", theirs]);

        var back = ExrFileReader.Read(theirs);
        Assert.Equal(["A float", "B half", "G float", "R half"], back.Channels.Select(c => $"{c.Name} {c.Type.ToString().ToLowerInvariant()}"));
        Assert.Equal(image.GetPlane(0).ToArray().Select(TestFrames.ToHalf), back.Plane("R")!);
        Assert.Equal(image.GetPlane(2).ToArray().Select(TestFrames.ToHalf), back.Plane("B")!);
        Assert.Equal(image.GetPlane(1).ToArray(), back.Plane("G")!);
        Assert.Equal(image.GetPlane(3).ToArray(), back.Plane("A")!);
    }

    [Fact]
    public void Reads_decreasing_y_line_order()
    {
        using var image = TestFrames.Picture(40, 70, 3, seed: 6);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"));
        var theirs = _temp.File("decreasing.exr");
        ExrAssert.Tool("oiiotool", source, "--attrib", "openexr:lineOrder", "decreasingY", "--compression", "zip", "-o", theirs);

        var back = ExrFileReader.Read(theirs);
        Assert.Equal(ExrLineOrder.DecreasingY, back.Header.LineOrder());
        ExrAssert.SamePixels(image, back, ExrPixelType.Half, alpha: false);
    }

    [Fact]
    public void Reads_uint_channels()
    {
        using var image = TestFrames.Picture(33, 20, 3, seed: 5);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"), ("pixel-type", "float"));
        var theirs = _temp.File("uint.exr");
        ExrAssert.Tool("oiiotool", source, "-d", "uint32", "--compression", "zip", "-o", theirs);

        var back = ExrFileReader.Read(theirs);
        Assert.All(back.Channels, c => Assert.Equal(ExrPixelType.UInt, c.Type));
        var red = back.Plane("R")!;
        var source0 = image.GetPlane(0);
        for (var i = 0; i < red.Length; i++)
        {
            // OpenImageIO maps [0, 1] onto the whole 32-bit range, clamping outside it.
            var expected = (float)Math.Round(Math.Clamp(source0[i], 0, 1) * (double)uint.MaxValue);
            Assert.True(Math.Abs(red[i] - expected) <= expected * 1e-6 + 512, $"pixel {i}: {red[i]} against {expected}");
        }
    }

    [Fact]
    public void Reads_level_zero_of_a_mipmap()
    {
        using var image = TestFrames.Picture(90, 50, 3, seed: 9);
        var source = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "none"));
        var theirs = _temp.File("mip.exr");
        ExrAssert.Tool("oiiotool", source, "--compression", "piz", "--tile", "32", "32", "-otex:fileformatname=openexr", theirs);
        var back = ExrFileReader.Read(theirs);
        Assert.Equal(1, back.Header.Tiles().LevelMode);
        ExrAssert.SamePixels(image, back, ExrPixelType.Half, alpha: false);
    }
}
