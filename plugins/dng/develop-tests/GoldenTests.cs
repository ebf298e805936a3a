using System.Globalization;
using System.Text;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Develop.Tests;

/// <summary>Golden files: any change to a method's pixels or to the colour solution shows up as a reviewed diff.</summary>
public sealed class GoldenTests
{
    [Theory]
    [InlineData(DemosaicMethod.Bilinear, ResolutionLevel.Full)]
    [InlineData(DemosaicMethod.MalvarHeCutler, ResolutionLevel.Full)]
    [InlineData(DemosaicMethod.EdgeDirected, ResolutionLevel.Full)]
    [InlineData(DemosaicMethod.Bilinear, ResolutionLevel.Half)]
    [InlineData(DemosaicMethod.Bilinear, ResolutionLevel.Quarter)]
    public void Demosaiced_pixels_match_their_golden_image(DemosaicMethod method, ResolutionLevel level)
    {
        var truth = Scenes.Natural(48, 32);
        using var mosaic = truth.Mosaic(CfaPattern.Grbg);
        using var rgb = Demosaic.Run(mosaic, method, level);
        Golden.VerifyImage(FloatImage.FromPlanar(rgb), $"{method}-{level}", new ImageTolerance(1e-5, 100));
    }

    [Fact]
    public void The_colour_solution_matches_its_golden_text()
    {
        var d65 = new ColourMatrix([0.4716, 0.0603, -0.0830, -0.7798, 1.5474, 0.2480, -0.1496, 0.1937, 0.6651]);
        var stdA = new ColourMatrix([0.7546, 0.0965, -0.1328, -0.7798, 1.5474, 0.2480, -0.0898, 0.1162, 0.3991]);
        var profile = new DngColourProfile
        {
            Calibrations = [new DngCalibration(ColourTemperature.OfIlluminant(17), stdA), new DngCalibration(ColourTemperature.OfIlluminant(21), d65)],
            AsShotNeutral = [0.4537, 1, 0.7012],
            AnalogBalance = [1, 1, 1],
        };
        var text = new StringBuilder();
        foreach (var (name, balance) in new (string, WhiteBalance)[]
        {
            ("as shot", WhiteBalance.AsShot),
            ("3200 K, tint +10", WhiteBalance.Kelvin(3200, 10)),
            ("multipliers 2.0 1.0 1.5", WhiteBalance.Multipliers(2.0, 1.0, 1.5)),
        })
        {
            var colour = CameraColour.Solve(profile, balance, exposureStops: 0.5);
            text.AppendLine(CultureInfo.InvariantCulture, $"[{name}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"white xy {colour.White.X:F6} {colour.White.Y:F6}, {colour.Kelvin:F1} K, tint {colour.Tint:F2}");
            text.AppendLine(CultureInfo.InvariantCulture, $"camera neutral {Join(colour.CameraNeutral)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"multipliers {Join(colour.Multipliers)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"camera to XYZ D50 {Join(colour.CameraToXyzD50.Coefficients)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"balanced camera to ACES (+0.5 stop) {Join(colour.BalancedCameraToAces.Coefficients)}");
        }

        Golden.VerifyText(text.ToString(), "colour");

        static string Join(IEnumerable<double> values) => string.Join(' ', values.Select(v => v.ToString("F6", CultureInfo.InvariantCulture)));
    }
}
