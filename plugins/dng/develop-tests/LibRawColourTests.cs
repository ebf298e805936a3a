using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Develop.Tests;

/// <summary>
/// Our camera-to-XYZ against LibRaw's on the same DNG: a single D65 ColorMatrix (the Canon EOS 5D Mark II's)
/// and an AsShotNeutral of a D65 white, where both models agree. LibRaw's XYZ output (-o 5) is relative to
/// D65, so ours (D50, the DNG connection space) is adapted back to D65 with Bradford before comparing.
/// </summary>
public sealed class LibRawColourTests : IDisposable
{
    private static readonly ColourMatrix Canon5DMarkIID65 = new([0.4716, 0.0603, -0.0830, -0.7798, 1.5474, 0.2480, -0.1496, 0.1937, 0.6651]);

    private readonly string _folder = Directory.CreateTempSubdirectory("rushes-colour-").FullName;

    [Fact]
    public void Camera_RGB_to_XYZ_matches_LibRaw_for_a_D65_white()
    {
        var colour = CameraColour.Solve(new DngColourProfile { Calibrations = [new DngCalibration(6500, Canon5DMarkIID65)], AsShotWhite = Chromaticity.D65 }, WhiteBalance.AsShot);
        var neutral = colour.CameraNeutral;
        // Three flat patches in camera RGB: a grey, a warm colour and a cool one.
        double[][] patches = [[neutral[0] * 0.3, neutral[1] * 0.3, neutral[2] * 0.3], [0.30, 0.20, 0.05], [0.05, 0.15, 0.25]];
        const int Side = 32;
        var samples = new ushort[3 * Side * Side];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < 3 * Side; x++)
            {
                samples[(y * 3 * Side) + x] = (ushort)Math.Round(patches[x / Side][(int)CfaPattern.Rggb.ColourAt(x, y)] * 65535);
            }
        }

        var dng = Path.Combine(_folder, "patches.dng");
        DngWriter.Write(new DngFile
        {
            Width = 3 * Side, Height = Side, Samples = samples,
            ColorMatrix1 = [.. Canon5DMarkIID65.Coefficients], CalibrationIlluminant1 = 21, AsShotNeutral = [.. neutral],
        }, dng);
        // As-shot white balance (-w), XYZ output (-o 5), linear 16-bit, bilinear (flat patches: exact inside).
        var libraw = LibRaw.Run(dng, "xyz", "-4", "-w", "-o", "5", "-c", "0", "-t", "0", "-q", "0");

        var toD65 = Matrices.Multiply(Bradford.Adapt(Chromaticity.D50, Chromaticity.D65), colour.CameraToXyzD50);
        for (var k = 0; k < 3; k++)
        {
            // Compare the patch centre, with the samples' 16-bit quantization (in camera RGB) as the tolerance.
            var ours = Matrices.Apply(toD65, patches[k]);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(ours[c], libraw[c, (k * Side) + (Side / 2), Side / 2], 2e-4);
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
