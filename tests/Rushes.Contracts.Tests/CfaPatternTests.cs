using Rushes.Contracts.Imaging;

namespace Rushes.Contracts.Tests;

public class CfaPatternTests
{
    // Fujifilm X-Trans, as dcraw's xtrans_abs table lays it out.
    private const string XTrans = "GGRGGB" + "GGBGGR" + "BRGRBG" + "GGBGGR" + "GGRGGB" + "RBGBRG";

    [Fact]
    public void Parse_RGGB()
    {
        var p = CfaPattern.Parse("RGGB");

        Assert.Equal(2, p.Width);
        Assert.Equal(2, p.Height);
        Assert.Equal(CfaColour.Red, p.ColourAt(0, 0));
        Assert.Equal(CfaColour.Green, p.ColourAt(1, 0));
        Assert.Equal(CfaColour.Green, p.ColourAt(0, 1));
        Assert.Equal(CfaColour.Blue, p.ColourAt(1, 1));
        Assert.Equal(CfaPattern.Rggb, p);
        Assert.Equal("RGGB", p.ToString());
    }

    [Fact]
    public void Parse_is_case_insensitive()
        => Assert.Equal(CfaPattern.Bggr, CfaPattern.Parse("bggr"));

    [Fact]
    public void ColourAt_repeats_the_tile()
    {
        var p = CfaPattern.Rggb;

        Assert.Equal(CfaColour.Red, p.ColourAt(2, 0));
        Assert.Equal(CfaColour.Red, p.ColourAt(4, 6));
        Assert.Equal(CfaColour.Blue, p.ColourAt(3, 5));
        Assert.Equal(CfaColour.Green, p.ColourAt(1001, 2000));
    }

    [Fact]
    public void ColourAt_wraps_negative_positions()
    {
        var p = CfaPattern.Rggb;

        Assert.Equal(CfaColour.Green, p.ColourAt(-1, 0));
        Assert.Equal(CfaColour.Blue, p.ColourAt(-1, -1));
        Assert.Equal(CfaColour.Red, p.ColourAt(-2, -2));
    }

    [Fact]
    public void Shifted_by_one_column_of_RGGB_is_GRBG()
    {
        Assert.Equal(CfaPattern.Grbg, CfaPattern.Rggb.Shifted(1, 0));
        Assert.Equal("GRBG", CfaPattern.Rggb.Shifted(1, 0).ToString());
    }

    [Fact]
    public void Shifted_by_one_row_of_RGGB_is_GBRG()
    {
        Assert.Equal(CfaPattern.Gbrg, CfaPattern.Rggb.Shifted(0, 1));
        Assert.Equal("GBRG", CfaPattern.Rggb.Shifted(0, 1).ToString());
    }

    [Fact]
    public void Shifted_diagonally_and_by_whole_tiles()
    {
        Assert.Equal(CfaPattern.Bggr, CfaPattern.Rggb.Shifted(1, 1));
        Assert.Equal(CfaPattern.Rggb, CfaPattern.Bggr.Shifted(1, 1));
        Assert.Equal(CfaPattern.Rggb, CfaPattern.Rggb.Shifted(2, 4));
        Assert.Equal(CfaPattern.Rggb, CfaPattern.Rggb.Shifted(0, 0));
        Assert.Equal(CfaPattern.Grbg, CfaPattern.Rggb.Shifted(-1, 0));
    }

    [Fact]
    public void Shifted_back_undoes_a_shift_of_an_asymmetric_tile()
    {
        var x = CfaPattern.Parse(XTrans);

        Assert.NotEqual(x, x.Shifted(1, 0));
        Assert.Equal(x, x.Shifted(1, 0).Shifted(-1, 0));
        Assert.Equal(x, x.Shifted(2, 5).Shifted(4, 1));
        Assert.Equal(x, x.Shifted(6, 12));
    }

    [Fact]
    public void Shifted_matches_the_colour_at_the_crop_origin()
    {
        var x = CfaPattern.Parse(XTrans);
        var cropped = x.Shifted(4, 3);

        for (var y = 0; y < 12; y++)
        {
            for (var col = 0; col < 12; col++)
            {
                Assert.Equal(x.ColourAt(col + 4, y + 3), cropped.ColourAt(col, y));
            }
        }
    }

    [Theory]
    [InlineData("RGGB", true)]
    [InlineData("BGGR", true)]
    [InlineData("GRBG", true)]
    [InlineData("GBRG", true)]
    [InlineData("RGBG", false)]
    [InlineData("GGRB", false)]
    [InlineData("RGGG", false)]
    [InlineData("RRGB", false)]
    [InlineData("CYGM", false)]
    [InlineData("RGBW", false)]
    [InlineData(XTrans, false)]
    public void IsBayer_only_for_the_four_2x2_checkerboards(string letters, bool expected)
        => Assert.Equal(expected, CfaPattern.Parse(letters).IsBayer);

    [Fact]
    public void Parse_X_Trans_36_letters()
    {
        var x = CfaPattern.Parse(XTrans);

        Assert.Equal(6, x.Width);
        Assert.Equal(6, x.Height);
        Assert.Equal(CfaColour.Green, x.ColourAt(0, 0));
        Assert.Equal(CfaColour.Red, x.ColourAt(2, 0));
        Assert.Equal(CfaColour.Blue, x.ColourAt(5, 0));
        Assert.Equal(CfaColour.Blue, x.ColourAt(0, 2));
        Assert.Equal(CfaColour.Red, x.ColourAt(0, 5));
        Assert.Equal(CfaColour.Red, x.ColourAt(8, 0));
        Assert.Equal(XTrans, x.ToString());

        var counts = new int[3];
        for (var y = 0; y < 6; y++)
        {
            for (var col = 0; col < 6; col++)
            {
                counts[(int)x.ColourAt(col, y)]++;
            }
        }

        Assert.Equal([8, 20, 8], counts);
    }

    [Fact]
    public void Parse_other_square_tiles()
    {
        var cygm = CfaPattern.Parse("CYGM");
        Assert.Equal([CfaColour.Cyan, CfaColour.Yellow, CfaColour.Green, CfaColour.Magenta],
            new[] { cygm.ColourAt(0, 0), cygm.ColourAt(1, 0), cygm.ColourAt(0, 1), cygm.ColourAt(1, 1) });

        var mono = CfaPattern.Parse("W");
        Assert.Equal(1, mono.Width);
        Assert.Equal(CfaColour.White, mono.ColourAt(17, 3));

        Assert.Equal(3, CfaPattern.Parse("RGBGBRBRG").Width);
        Assert.Equal(8, CfaPattern.Parse(new string('G', 64)).Height);
    }

    [Theory]
    [InlineData("RGGX")]
    [InlineData("RGG")]
    [InlineData("RGGBR")]
    [InlineData("")]
    [InlineData("R GB")]
    [InlineData("rggb ")]
    public void Parse_rejects_bad_letters_and_shapes(string letters)
        => Assert.Throws<FormatException>(() => CfaPattern.Parse(letters));

    [Fact]
    public void Parse_rejects_tiles_larger_than_eight_with_a_format_error()
        => Assert.Throws<FormatException>(() => CfaPattern.Parse(new string('G', 81)));

    [Fact]
    public void Parse_rejects_null()
        => Assert.Throws<ArgumentNullException>(() => CfaPattern.Parse(null!));

    [Fact]
    public void Constructor_checks_the_shape()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CfaPattern(2, 2, [CfaColour.Red, CfaColour.Green, CfaColour.Blue]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CfaPattern(0, 1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CfaPattern(9, 1, new CfaColour[9]));
        Assert.Throws<ArgumentNullException>(() => new CfaPattern(1, 1, null!));

        var stripe = new CfaPattern(3, 1, [CfaColour.Red, CfaColour.Green, CfaColour.Blue]);
        Assert.Equal(CfaColour.Blue, stripe.ColourAt(5, 7));
        Assert.Equal("RGB", stripe.ToString());
    }

    [Fact]
    public void Constructor_copies_the_colours()
    {
        var colours = new[] { CfaColour.Red, CfaColour.Green, CfaColour.Green, CfaColour.Blue };
        var p = new CfaPattern(2, 2, colours);
        colours[0] = CfaColour.Blue;

        Assert.Equal(CfaColour.Red, p.ColourAt(0, 0));
    }

    [Fact]
    public void Equality_compares_shape_and_colours()
    {
        var row = new CfaPattern(4, 1, [CfaColour.Red, CfaColour.Green, CfaColour.Green, CfaColour.Blue]);

        Assert.NotEqual(CfaPattern.Rggb, row);
        Assert.NotEqual(CfaPattern.Rggb, CfaPattern.Bggr);
        Assert.Equal(CfaPattern.Parse("RGGB").GetHashCode(), CfaPattern.Rggb.GetHashCode());
        Assert.False(CfaPattern.Rggb.Equals((object?)null));
        Assert.False(CfaPattern.Rggb.Equals("RGGB"));
    }
}
