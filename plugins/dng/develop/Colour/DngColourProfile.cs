using Rushes.Contracts.Colour;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// One calibration of a DNG camera profile: the matrices for CalibrationIlluminant1, 2 or 3.
/// </summary>
/// <param name="Kelvin">The illuminant's correlated colour temperature (see <see cref="ColourTemperature.OfIlluminant"/>; from IlluminantData for "other"); 0 when unknown.</param>
/// <param name="ColorMatrix">ColorMatrixN: XYZ to reference camera space, row-major (3×3).</param>
/// <param name="CameraCalibration">CameraCalibrationN, or null for the identity.</param>
/// <param name="ForwardMatrix">ForwardMatrixN: white-balanced camera to XYZ D50, or null.</param>
public sealed record DngCalibration(double Kelvin, ColourMatrix ColorMatrix, ColourMatrix? CameraCalibration = null, ColourMatrix? ForwardMatrix = null);

/// <summary>The colour tags of a DNG that map its camera space to CIE XYZ (DNG 1.6, chapter 6).</summary>
public sealed record DngColourProfile
{
    /// <summary>One to three calibrations (ColorMatrix1 with CalibrationIlluminant1, and so on).</summary>
    public required IReadOnlyList<DngCalibration> Calibrations { get; init; }

    /// <summary>AnalogBalance, or null for (1, 1, 1).</summary>
    public IReadOnlyList<double>? AnalogBalance { get; init; }

    /// <summary>AsShotNeutral: the camera-space value of a neutral under the scene's light.</summary>
    public IReadOnlyList<double>? AsShotNeutral { get; init; }

    /// <summary>AsShotWhiteXY: the scene white, when the file gives it instead of a neutral.</summary>
    public Chromaticity? AsShotWhite { get; init; }
}

/// <summary>How to white-balance: as shot, at a colour temperature and tint, or by explicit channel multipliers.</summary>
public abstract record WhiteBalance
{
    private WhiteBalance()
    {
    }

    /// <summary>The file's AsShotNeutral or AsShotWhiteXY (D50 if it has neither).</summary>
    public static WhiteBalance AsShot { get; } = new AsShotWhiteBalance();

    /// <summary>A white of the given temperature (kelvin) and tint (DNG SDK scale, positive toward magenta).</summary>
    public static WhiteBalance Kelvin(double kelvin, double tint = 0) => new KelvinWhiteBalance(kelvin, tint);

    /// <summary>Camera red, green and blue multipliers; the neutral they imply is their reciprocal.</summary>
    public static WhiteBalance Multipliers(double red, double green, double blue) => new MultipliersWhiteBalance(red, green, blue);

    internal sealed record AsShotWhiteBalance : WhiteBalance;

    internal sealed record KelvinWhiteBalance(double Temperature, double Tint) : WhiteBalance;

    internal sealed record MultipliersWhiteBalance(double Red, double Green, double Blue) : WhiteBalance;
}
