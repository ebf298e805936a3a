using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop.Tests;

public sealed class DemosaicTests
{
    public static TheoryData<DemosaicMethod, string> MethodsAndPhases()
    {
        var data = new TheoryData<DemosaicMethod, string>();
        foreach (var method in Enum.GetValues<DemosaicMethod>())
        {
            foreach (var phase in new[] { "RGGB", "BGGR", "GRBG", "GBRG" })
            {
                data.Add(method, phase);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MethodsAndPhases))]
    public void A_flat_colour_comes_back_exactly_everywhere_including_the_borders(DemosaicMethod method, string phase)
    {
        var truth = Scenes.Flat(37, 23, 0.61, 0.27, 0.093);
        using var mosaic = truth.Mosaic(CfaPattern.Parse(phase));
        using var rgb = Demosaic.Run(mosaic, method, ResolutionLevel.Full);

        Assert.Equal((37, 23), (rgb.Width, rgb.Height));
        Assert.True(Quality.MaxError(truth, RgbImage.From(rgb), border: 0) < 1e-6);
    }

    [Theory]
    [MemberData(nameof(MethodsAndPhases))]
    public void Linear_ramps_are_reproduced_exactly_away_from_the_borders(DemosaicMethod method, string phase)
    {
        var truth = Scenes.Ramps(40, 30);
        using var mosaic = truth.Mosaic(CfaPattern.Parse(phase));
        using var rgb = Demosaic.Run(mosaic, method, ResolutionLevel.Full);

        // Bilinear and Malvar–He–Cutler are exact on affine images; the edge-directed method's ratio
        // correction is exact on them only to first order, so it gets a small tolerance.
        var tolerance = method == DemosaicMethod.EdgeDirected ? 5e-3 : 1e-5;
        Assert.InRange(Quality.MaxError(truth, RgbImage.From(rgb), border: 4), 0, tolerance);
    }

    [Fact]
    public void Bilinear_averages_the_nearest_photosites_of_each_colour()
    {
        // RGGB, 4×4, every photosite a distinct value.
        using var mosaic = new CfaImage(4, 4, CfaPattern.Rggb, 16);
        for (var i = 0; i < 16; i++)
        {
            mosaic.Samples[i] = (i + 1) / 100f;
        }

        using var rgb = Demosaic.Run(mosaic, DemosaicMethod.Bilinear, ResolutionLevel.Full);

        // (1, 1) is blue (value 0.06): green is the mean of 0.02, 0.05, 0.07, 0.10; red of the diagonals 0.01, 0.03, 0.09, 0.11.
        Assert.Equal(0.06f, rgb.GetRow(2, 1)[1], 6);
        Assert.Equal(0.06f, rgb.GetRow(1, 1)[1], 6);
        Assert.Equal(0.06f, rgb.GetRow(0, 1)[1], 6);
        // (2, 1) is green in a blue row (0.07): blue from left/right 0.06, 0.08; red from above/below 0.03, 0.11.
        Assert.Equal(0.07f, rgb.GetRow(1, 1)[2], 6);
        Assert.Equal(0.07f, rgb.GetRow(2, 1)[2], 6);
        Assert.Equal(0.07f, rgb.GetRow(0, 1)[2], 6);
        // (0, 0) is red (0.01) in the corner: mirrored neighbours give green (0.02 + 0.05) / 2 and blue 0.06.
        Assert.Equal(0.035f, rgb.GetRow(1, 0)[0], 6);
        Assert.Equal(0.06f, rgb.GetRow(2, 0)[0], 6);
    }

    [Fact]
    public void Malvar_He_Cutler_applies_the_papers_kernels_to_a_red_impulse()
    {
        using var rgb = Impulse(x: 4, y: 4); // (4, 4) is red in RGGB
        Assert.Equal(4 / 8f, At(rgb, 0, 5, 4), 6);     // red at green, red along the row: 4
        Assert.Equal(4 / 8f, At(rgb, 0, 4, 5), 6);     // red at green, red along the column: 4
        Assert.Equal(2 / 8f, At(rgb, 0, 5, 5), 6);     // red at blue, diagonal: 2
        Assert.Equal(0f, At(rgb, 0, 6, 5), 6);         // the diagonal −1 of red-at-green falls on greens, not reds
        Assert.Equal(4 / 8f, At(rgb, 1, 4, 4), 6);     // green at red, centre: 4
        Assert.Equal(-1 / 8f, At(rgb, 1, 6, 4), 6);    // green at red, axial ±2: −1
        Assert.Equal(6 / 8f, At(rgb, 2, 4, 4), 6);     // blue at red, centre: 6
        Assert.Equal(-1.5f / 8f, At(rgb, 2, 4, 6), 6); // blue at red, axial ±2: −3/2
    }

    [Fact]
    public void Malvar_He_Cutler_applies_the_papers_kernels_to_a_green_impulse()
    {
        using var rgb = Impulse(x: 5, y: 4); // (5, 4) is green in a red row
        Assert.Equal(5 / 8f, At(rgb, 0, 5, 4), 6);     // red at green, centre: 5
        Assert.Equal(5 / 8f, At(rgb, 2, 5, 4), 6);     // blue at green, centre: 5
        Assert.Equal(0.5f / 8f, At(rgb, 0, 5, 6), 6);  // red at green, column ±2 (red along the row): ½
        Assert.Equal(-1 / 8f, At(rgb, 0, 7, 4), 6);    // red at green, row ±2: −1
        Assert.Equal(-1 / 8f, At(rgb, 0, 4, 5), 6);    // red at green (red along the column), diagonal: −1
        Assert.Equal(2 / 8f, At(rgb, 1, 4, 4), 6);     // green at red, axial ±1: 2
        Assert.Equal(0f, At(rgb, 2, 4, 4), 6);         // blue at red ignores the axial greens
    }

    private static PlanarImage Impulse(int x, int y)
    {
        using var mosaic = new CfaImage(11, 11, CfaPattern.Rggb, 16);
        mosaic.Clear();
        mosaic.Samples[(y * 11) + x] = 1f;
        return Demosaic.Run(mosaic, DemosaicMethod.MalvarHeCutler, ResolutionLevel.Full);
    }

    private static float At(PlanarImage rgb, int channel, int x, int y) => rgb.GetRow(channel, y)[x];

    [Theory]
    [InlineData("RGGB")]
    [InlineData("BGGR")]
    [InlineData("GRBG")]
    [InlineData("GBRG")]
    public void Half_resolution_is_one_pixel_per_tile_with_the_greens_averaged(string phase)
    {
        var pattern = CfaPattern.Parse(phase);
        using var mosaic = new CfaImage(6, 4, pattern, 16);
        for (var i = 0; i < 24; i++)
        {
            mosaic.Samples[i] = i;
        }

        using var half = Demosaic.Run(mosaic, DemosaicMethod.EdgeDirected, ResolutionLevel.Half);

        Assert.Equal((3, 2), (half.Width, half.Height));
        for (var ty = 0; ty < 2; ty++)
        {
            for (var tx = 0; tx < 3; tx++)
            {
                float red = 0, green = 0, blue = 0;
                for (var dy = 0; dy < 2; dy++)
                {
                    for (var dx = 0; dx < 2; dx++)
                    {
                        var v = mosaic.Samples[(((2 * ty) + dy) * 6) + (2 * tx) + dx];
                        switch (pattern.ColourAt(dx, dy))
                        {
                            case CfaColour.Red: red = v; break;
                            case CfaColour.Blue: blue = v; break;
                            default: green += v / 2; break;
                        }
                    }
                }

                Assert.Equal(red, half.GetRow(0, ty)[tx]);
                Assert.Equal(green, half.GetRow(1, ty)[tx]);
                Assert.Equal(blue, half.GetRow(2, ty)[tx]);
            }
        }
    }

    [Fact]
    public void Quarter_resolution_is_the_box_average_of_four_half_resolution_pixels()
    {
        var truth = Scenes.Natural(67, 45);
        using var mosaic = truth.Mosaic(CfaPattern.Grbg);
        using var half = Demosaic.Run(mosaic, DemosaicMethod.Bilinear, ResolutionLevel.Half);
        using var quarter = Demosaic.Run(mosaic, DemosaicMethod.Bilinear, ResolutionLevel.Quarter);

        Assert.Equal((33, 22), (half.Width, half.Height));
        Assert.Equal((16, 11), (quarter.Width, quarter.Height));
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 11; y++)
            {
                for (var x = 0; x < 16; x++)
                {
                    var expected = 0.25f * (half.GetRow(c, 2 * y)[2 * x] + half.GetRow(c, 2 * y)[(2 * x) + 1] + half.GetRow(c, (2 * y) + 1)[2 * x] + half.GetRow(c, (2 * y) + 1)[(2 * x) + 1]);
                    Assert.Equal(expected, quarter.GetRow(c, y)[x], 6);
                }
            }
        }
    }

    [Theory]
    [InlineData("RGBW")]
    [InlineData("RGGGRGGBG")]
    [InlineData("CYGM")]
    public void A_mosaic_that_is_not_bayer_is_an_input_error(string pattern)
    {
        using var mosaic = new CfaImage(12, 12, CfaPattern.Parse(pattern), 12);
        var error = Assert.Throws<InputException>(() => Demosaic.Run(mosaic, DemosaicMethod.Bilinear, ResolutionLevel.Full));
        Assert.Contains(pattern, error.Message);
        Assert.Equal("CFAPattern", error.Field);
    }

    [Fact]
    public void A_mosaic_too_small_for_the_level_is_an_input_error()
    {
        using var mosaic = new CfaImage(3, 3, CfaPattern.Rggb, 12);
        var error = Assert.Throws<InputException>(() => Demosaic.Run(mosaic, DemosaicMethod.Bilinear, ResolutionLevel.Quarter));
        Assert.Contains("3×3", error.Message);
    }

    [Theory]
    [InlineData(DemosaicMethod.Bilinear, 32.0)]
    [InlineData(DemosaicMethod.MalvarHeCutler, 36.0)]
    [InlineData(DemosaicMethod.EdgeDirected, 39.0)]
    public void Each_method_reaches_its_quality_floor_on_a_natural_scene(DemosaicMethod method, double floor)
    {
        var truth = Scenes.Natural(192, 128);
        using var mosaic = truth.Mosaic(CfaPattern.Rggb);
        using var rgb = Demosaic.Run(mosaic, method, ResolutionLevel.Full);
        var psnr = Quality.Psnr(truth, RgbImage.From(rgb), border: 0);
        Assert.True(psnr >= floor, $"{method}: {psnr:F2} dB");
    }

    [Theory]
    [InlineData("zone plate")]
    [InlineData("colour edges")]
    [InlineData("natural")]
    public void The_edge_directed_method_beats_the_linear_ones_on_every_scene(string scene)
    {
        var truth = scene switch
        {
            "zone plate" => Scenes.ZonePlate(160, 120),
            "colour edges" => Scenes.ColourEdges(160, 120),
            _ => Scenes.Natural(160, 120),
        };
        using var mosaic = truth.Mosaic(CfaPattern.Gbrg);
        double Psnr(DemosaicMethod method)
        {
            using var rgb = Demosaic.Run(mosaic, method, ResolutionLevel.Full);
            return Quality.Psnr(truth, RgbImage.From(rgb), border: 0);
        }

        var bilinear = Psnr(DemosaicMethod.Bilinear);
        var malvar = Psnr(DemosaicMethod.MalvarHeCutler);
        var edge = Psnr(DemosaicMethod.EdgeDirected);
        // Malvar–He–Cutler assumes correlated channels; on saturated colour edges it falls below bilinear, as published.
        Assert.True(edge > malvar && edge > bilinear, $"{scene}: bilinear {bilinear:F2}, Malvar–He–Cutler {malvar:F2}, edge-directed {edge:F2} dB");
        if (scene != "colour edges")
        {
            Assert.True(malvar > bilinear, $"{scene}: bilinear {bilinear:F2}, Malvar–He–Cutler {malvar:F2} dB");
        }
    }

    [Fact]
    public void Parallel_bands_give_the_same_pixels_on_every_run()
    {
        // 200 rows run as 13 bands on all cores, each stage reading rows its neighbours' bands wrote in the stage before.
        var truth = Scenes.Natural(64, 200);
        using var mosaic = truth.Mosaic(CfaPattern.Rggb);
        using var first = Demosaic.Run(mosaic, DemosaicMethod.EdgeDirected, ResolutionLevel.Full);
        for (var run = 0; run < 5; run++)
        {
            using var again = Demosaic.Run(mosaic, DemosaicMethod.EdgeDirected, ResolutionLevel.Full);
            Assert.True(first.Samples.SequenceEqual(again.Samples));
        }
    }
}
