namespace Rushes.Plugins.Dng.Develop;

/// <summary>A CIE 1931 xy chromaticity.</summary>
public readonly record struct Chromaticity(double X, double Y)
{
    /// <summary>D50, the DNG profile connection space white (DNG SDK dng_xy_coord.h: 0.3457, 0.3585).</summary>
    public static Chromaticity D50 { get; } = new(0.3457, 0.3585);

    /// <summary>D55 (DNG SDK: 0.3324, 0.3474).</summary>
    public static Chromaticity D55 { get; } = new(0.3324, 0.3474);

    /// <summary>D65 (DNG SDK and ITU-R BT.709: 0.3127, 0.3290).</summary>
    public static Chromaticity D65 { get; } = new(0.3127, 0.3290);

    /// <summary>D75 (DNG SDK: 0.2990, 0.3149).</summary>
    public static Chromaticity D75 { get; } = new(0.2990, 0.3149);

    /// <summary>CIE standard illuminant A (DNG SDK: 0.4476, 0.4074).</summary>
    public static Chromaticity StandardA { get; } = new(0.4476, 0.4074);

    /// <summary>The ACES white, "D60" (SMPTE ST 2065-1: 0.32168, 0.33767).</summary>
    public static Chromaticity Aces { get; } = new(0.32168, 0.33767);

    /// <summary>XYZ with Y = 1.</summary>
    public (double X, double Y, double Z) ToXyz() => (X / Y, 1, (1 - X - Y) / Y);

    /// <summary>The chromaticity of an XYZ triple.</summary>
    public static Chromaticity FromXyz(double x, double y, double z)
    {
        var sum = x + y + z;
        return sum > 0 ? new Chromaticity(x / sum, y / sum) : D50;
    }
}
