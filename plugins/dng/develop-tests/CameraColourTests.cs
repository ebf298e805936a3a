using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop.Tests;

public sealed class CameraColourTests
{
    // Canon EOS 5D Mark II, ColorMatrix2 (D65) as Adobe's DNG Converter writes it; LibRaw's adobe_coeff
    // table carries the same values ×10000 ({ 4716, 603, -830, -7798, 15474, 2480, -1496, 1937, 6651 }).
    private static readonly ColourMatrix Canon5DMarkIID65 = new([0.4716, 0.0603, -0.0830, -0.7798, 1.5474, 0.2480, -0.1496, 0.1937, 0.6651]);

    // XYZ (D65) to linear sRGB (IEC 61966-2-1 primaries; Lindbloom's derivation): a "camera" that is linear sRGB.
    private static readonly ColourMatrix XyzToSrgb = new([3.2404542, -1.5371385, -0.4985314, -0.9692660, 1.8760108, 0.0415560, 0.0556434, -0.2040259, 1.0572252]);

    [Fact]
    public void Bradford_D65_to_D50_matches_the_published_matrix()
    {
        // Lindbloom's Bradford D65→D50 for whites XYZ (0.95047, 1, 1.08883) and (0.96422, 1, 0.82521).
        var adapt = Bradford.Adapt(Chromaticity.FromXyz(0.95047, 1, 1.08883), Chromaticity.FromXyz(0.96422, 1, 0.82521));
        var expected = new ColourMatrix([1.0478112, 0.0228866, -0.0501270, 0.0295424, 0.9904844, -0.0170491, -0.0092345, 0.0150436, 0.7521316]);
        Assert.True(adapt.Equals(expected, 1e-6), adapt.ToString());
    }

    [Theory]
    [InlineData(0.3127, 0.3290, 6504, 3)]    // D65 (CIE 15: 6504 K)
    [InlineData(0.44757, 0.40745, 2856, 2)]  // illuminant A (2856 K)
    [InlineData(0.3457, 0.3585, 5003, 3)]    // D50 (5003 K)
    public void Correlated_colour_temperature_of_the_CIE_illuminants(double x, double y, double kelvin, double tolerance)
    {
        var (k, tint) = ColourTemperature.FromChromaticity(new Chromaticity(x, y));
        Assert.InRange(k, kelvin - tolerance, kelvin + tolerance);
        Assert.InRange(Math.Abs(tint), 0, 12);
    }

    [Theory]
    [InlineData(2500, 0)]
    [InlineData(3200, 15)]
    [InlineData(5600, -20)]
    [InlineData(9000, 40)]
    public void Temperature_and_tint_round_trip_through_the_chromaticity(double kelvin, double tint)
    {
        var (k, t) = ColourTemperature.FromChromaticity(ColourTemperature.ToChromaticity(kelvin, tint));
        Assert.Equal(kelvin, k, 0.5);
        Assert.Equal(tint, t, 0.05);
    }

    [Fact]
    public void A_D65_white_on_a_real_camera_matrix_maps_to_the_ACES_white()
    {
        var profile = new DngColourProfile { Calibrations = [new DngCalibration(ColourTemperature.OfIlluminant(21), Canon5DMarkIID65)], AsShotWhite = Chromaticity.D65 };
        var colour = CameraColour.Solve(profile, WhiteBalance.AsShot);

        var aces = Matrices.Apply(colour.CameraToAces, colour.CameraNeutral);
        Assert.All(aces, v => Assert.Equal(1.0, v, 1e-4));
        // And through the white-balanced path: the neutral times the multipliers is (1, 1, 1).
        var balanced = Matrices.Apply(colour.BalancedCameraToAces, [1.0, 1.0, 1.0]);
        Assert.All(balanced, v => Assert.Equal(1.0, v, 1e-4));
        Assert.Equal(1.0, colour.Multipliers.Min(), 12);
        // The 5D Mark II under D65 has red and blue weaker than green (as its as-shot neutrals show).
        Assert.True(colour.Multipliers[0] > 1.5 && colour.Multipliers[2] > 1.2 && colour.Multipliers[1] == 1.0, string.Join(", ", colour.Multipliers));
    }

    [Fact]
    public void The_as_shot_neutral_is_solved_back_to_its_white_iteratively()
    {
        var profile = DualIlluminant();
        var white = ColourTemperature.ToChromaticity(4500, 8);
        // The neutral a camera with these matrices records under that white (computed independently of Solve).
        var xyzToCamera = Matrices.Lerp(Normalized(StdA), Normalized(Canon5DMarkIID65), ((1 / 4500.0) - (1 / 6500.0)) / ((1 / 2850.0) - (1 / 6500.0)));
        var neutral = Matrices.Apply(xyzToCamera, white.ToXyz());

        var colour = CameraColour.Solve(profile with { AsShotNeutral = neutral }, WhiteBalance.AsShot);

        Assert.Equal(white.X, colour.White.X, 1e-6);
        Assert.Equal(white.Y, colour.White.Y, 1e-6);
        Assert.Equal(4500, colour.Kelvin, 0.5);
        Assert.Equal(8, colour.Tint, 0.05);
        var max = neutral.Max();
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(neutral[c] / max, colour.CameraNeutral[c], 1e-6);
        }
    }

    [Fact]
    public void Dual_illuminant_matrices_are_weighted_by_inverse_temperature()
    {
        var profile = DualIlluminant();
        // Half-way in mired between 2850 K and 6500 K.
        var kelvin = 2 / ((1 / 2850.0) + (1 / 6500.0));
        var colour = CameraColour.Solve(profile, WhiteBalance.Kelvin(kelvin));
        Assert.True(colour.XyzToCamera.Equals(Matrices.Lerp(Normalized(StdA), Normalized(Canon5DMarkIID65), 0.5), 1e-6), colour.XyzToCamera.ToString());

        // Outside the calibrated range the nearest matrix is used alone.
        Assert.True(CameraColour.Solve(profile, WhiteBalance.Kelvin(2000)).XyzToCamera.Equals(Normalized(StdA), 1e-9));
        Assert.True(CameraColour.Solve(profile, WhiteBalance.Kelvin(9000)).XyzToCamera.Equals(Normalized(Canon5DMarkIID65), 1e-9));
    }

    [Fact]
    public void A_camera_that_is_linear_sRGB_maps_to_ACES_as_the_published_sRGB_to_ACES_matrix()
    {
        // D65-white linear sRGB to ACES 2065-1 with Bradford (the ACES / OCIO "Linear Rec.709 (sRGB)" utility matrix).
        var profile = new DngColourProfile { Calibrations = [new DngCalibration(6500, XyzToSrgb)], AsShotWhite = Chromaticity.D65 };
        var colour = CameraColour.Solve(profile, WhiteBalance.AsShot);
        var expected = new ColourMatrix([0.4397010, 0.3829780, 0.1773350, 0.0897923, 0.8134230, 0.0967616, 0.0175440, 0.1115440, 0.8707040]);
        Assert.True(colour.CameraToAces.Equals(expected, 2e-3), colour.CameraToAces.ToString());
        Assert.All(colour.Multipliers, m => Assert.Equal(1.0, m, 1e-3));
    }

    [Fact]
    public void The_forward_matrix_path_agrees_with_the_colour_matrix_path_for_a_consistent_profile()
    {
        // A ForwardMatrix consistent with the ColorMatrix at D65: Bradford(D65→D50) · sRGB→XYZ, which maps (1, 1, 1) to D50.
        var forward = Matrices.Multiply(Bradford.Adapt(Chromaticity.D65, Chromaticity.D50), XyzToSrgb.Invert());
        var withForward = new DngColourProfile { Calibrations = [new DngCalibration(6500, XyzToSrgb, ForwardMatrix: forward)], AsShotWhite = Chromaticity.D65 };
        var withoutForward = withForward with { Calibrations = [new DngCalibration(6500, XyzToSrgb)] };

        var a = CameraColour.Solve(withForward, WhiteBalance.AsShot);
        var b = CameraColour.Solve(withoutForward, WhiteBalance.AsShot);
        Assert.True(a.UsedForwardMatrix);
        Assert.False(b.UsedForwardMatrix);
        Assert.True(a.CameraToXyzD50.Equals(b.CameraToXyzD50, 1e-3), $"{a.CameraToXyzD50}\n{b.CameraToXyzD50}");
        // The neutral maps to the D50 white with Y = 1 on both paths, exactly.
        var d50 = Chromaticity.D50.ToXyz();
        foreach (var colour in new[] { a, b })
        {
            var xyz = Matrices.Apply(colour.CameraToXyzD50, colour.CameraNeutral);
            Assert.Equal(d50.X, xyz[0], 1e-9);
            Assert.Equal(d50.Y, xyz[1], 1e-9);
            Assert.Equal(d50.Z, xyz[2], 1e-9);
        }
    }

    [Fact]
    public void Analog_balance_and_camera_calibration_scale_the_camera_space()
    {
        // AnalogBalance and CameraCalibration that double red: the camera sees twice the red, so the red multiplier halves.
        var plain = CameraColour.Solve(new DngColourProfile { Calibrations = [new DngCalibration(6500, Canon5DMarkIID65)], AsShotWhite = Chromaticity.D65 }, WhiteBalance.AsShot);
        var analog = CameraColour.Solve(new DngColourProfile { Calibrations = [new DngCalibration(6500, Canon5DMarkIID65)], AsShotWhite = Chromaticity.D65, AnalogBalance = [2, 1, 1] }, WhiteBalance.AsShot);
        var calibrated = CameraColour.Solve(new DngColourProfile { Calibrations = [new DngCalibration(6500, Canon5DMarkIID65, CameraCalibration: Matrices.Diagonal(2, 1, 1))], AsShotWhite = Chromaticity.D65 }, WhiteBalance.AsShot);

        Assert.Equal(plain.Multipliers[0] / 2, analog.Multipliers[0], 1e-9);
        Assert.Equal(plain.Multipliers[0] / 2, calibrated.Multipliers[0], 1e-9);
        // The white still maps to the ACES white.
        Assert.All(Matrices.Apply(analog.CameraToAces, analog.CameraNeutral), v => Assert.Equal(1.0, v, 1e-9));
    }

    [Fact]
    public void Multipliers_give_the_reciprocal_neutral_and_exposure_scales_the_ACES_matrix()
    {
        var profile = DualIlluminant();
        var colour = CameraColour.Solve(profile, WhiteBalance.Multipliers(2.1, 1, 1.6), exposureStops: 1);
        Assert.Equal(2.1, colour.Multipliers[0], 1e-6);
        Assert.Equal(1.0, colour.Multipliers[1], 1e-6);
        Assert.Equal(1.6, colour.Multipliers[2], 1e-6);
        Assert.All(Matrices.Apply(colour.BalancedCameraToAces, [1.0, 1.0, 1.0]), v => Assert.Equal(2.0, v, 1e-6));
    }

    [Fact]
    public void Kelvin_white_balance_sets_the_white_on_the_daylight_locus_offset_by_tint()
    {
        var colour = CameraColour.Solve(DualIlluminant(), WhiteBalance.Kelvin(3200, 10));
        Assert.Equal(3200, colour.Kelvin, 0.5);
        Assert.Equal(10, colour.Tint, 0.05);
        Assert.All(Matrices.Apply(colour.BalancedCameraToAces, [1.0, 1.0, 1.0]), v => Assert.Equal(1.0, v, 1e-6));
    }

    [Fact]
    public void Inconsistent_colour_tags_are_input_errors()
    {
        Assert.Throws<InputException>(() => CameraColour.Solve(new DngColourProfile { Calibrations = [] }, WhiteBalance.AsShot));
        var singular = new DngColourProfile { Calibrations = [new DngCalibration(6500, new ColourMatrix([1, 2, 3, 2, 4, 6, 1, 1, 1]))], AsShotNeutral = [0.5, 1, 0.7] };
        Assert.Throws<InputException>(() => CameraColour.Solve(singular, WhiteBalance.AsShot));
        var negative = DualIlluminant() with { AsShotNeutral = [0.5, -1, 0.7] };
        Assert.Contains("AsShotNeutral", Assert.Throws<InputException>(() => CameraColour.Solve(negative, WhiteBalance.AsShot)).Message);
        Assert.Throws<InputException>(() => CameraColour.Solve(DualIlluminant(), WhiteBalance.Multipliers(0, 1, 1)));
    }

    [Fact]
    public void The_mosaic_is_balanced_per_filter_colour_and_highlights_are_clipped_or_kept()
    {
        using var mosaic = new CfaImage(4, 2, CfaPattern.Grbg, 14);
        mosaic.Samples.Fill(0.6f);
        MosaicColour.WhiteBalance(mosaic, [2.0, 1.0, 1.5]);
        // G R G R / B G B G
        Assert.Equal([0.6f, 0.6f * 2, 0.6f, 0.6f * 2, 0.6f * 1.5f, 0.6f, 0.6f * 1.5f, 0.6f], mosaic.Samples.ToArray());

        MosaicColour.Highlights(mosaic, HighlightMode.Preserve);
        Assert.Equal(0.6f * 2, mosaic.Samples[1]);
        MosaicColour.Highlights(mosaic, HighlightMode.Clip);
        Assert.Equal([0.6f, 1f, 0.6f, 1f, 0.6f * 1.5f, 0.6f, 0.6f * 1.5f, 0.6f], mosaic.Samples.ToArray());
    }

    [Fact]
    public void A_matrix_is_applied_to_every_pixel()
    {
        using var rgb = new PlanarImage(3, 2);
        for (var c = 0; c < 3; c++)
        {
            rgb.GetPlane(c).Fill(c + 1);
        }

        MosaicColour.Transform(rgb, new ColourMatrix([1, 0, 0, 0.5, 0.5, 0, 0, 0, 2], [0, 0, 0.25]));
        Assert.All(rgb.GetPlane(0).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(rgb.GetPlane(1).ToArray(), v => Assert.Equal(1.5f, v));
        Assert.All(rgb.GetPlane(2).ToArray(), v => Assert.Equal(6.25f, v));
    }

    // A synthetic tungsten matrix: the D65 one with red response boosted, as tungsten calibrations are.
    private static readonly ColourMatrix StdA = Matrices.Multiply(Matrices.Diagonal(1.6, 1, 0.6), Canon5DMarkIID65);

    private static DngColourProfile DualIlluminant() => new()
    {
        Calibrations = [new DngCalibration(ColourTemperature.OfIlluminant(17), StdA), new DngCalibration(ColourTemperature.OfIlluminant(21), Canon5DMarkIID65)],
    };

    // The SDK normalization, written out: the largest camera response to the D50 white is 1.
    private static ColourMatrix Normalized(ColourMatrix m) => Matrices.Scale(m, 1 / Matrices.Apply(m, Chromaticity.D50.ToXyz()).Max());
}
