using Rushes.Colour.Kernel;

namespace Rushes.Plugins.CameraLog;

/// <summary>Camera gamuts as their vendors publish them (CIE 1931 x, y); D65 white unless stated.</summary>
internal static class CameraGamuts
{
    /// <summary>ARRI ALEXA Wide Gamut 3 (ARRI, "ALEXA Log C Curve - Usage in VFX", 2017).</summary>
    public static Primaries AlexaWideGamut3 { get; } = new(0.684, 0.313, 0.221, 0.848, 0.0861, -0.102, WhitePoint.D65);

    /// <summary>ARRI Wide Gamut 4 (ARRI, "ARRI LogC4 Logarithmic Color Space Specification", 2022).</summary>
    public static Primaries ArriWideGamut4 { get; } = new(0.7347, 0.2653, 0.1424, 0.8576, 0.0991, -0.0308, WhitePoint.D65);

    /// <summary>Sony S-Gamut3 (Sony, "Technical Summary for S-Gamut3.Cine/S-Log3 and S-Gamut3/S-Log3").</summary>
    public static Primaries SGamut3 { get; } = new(0.730, 0.280, 0.140, 0.855, 0.100, -0.050, WhitePoint.D65);

    /// <summary>Sony S-Gamut3.Cine (same source).</summary>
    public static Primaries SGamut3Cine { get; } = new(0.766, 0.275, 0.225, 0.800, 0.089, -0.087, WhitePoint.D65);

    /// <summary>Sony VENICE S-Gamut3 (Sony VENICE IDT, as in OpenColorIO's SonyCameras.cpp).</summary>
    public static Primaries VeniceSGamut3 { get; } = new(
        0.740464264304292, 0.27936437475066, 0.089241145423286, 0.893809528608105, 0.110488236673827, -0.052579333080476, WhitePoint.D65);

    /// <summary>Sony VENICE S-Gamut3.Cine (same source).</summary>
    public static Primaries VeniceSGamut3Cine { get; } = new(
        0.775901871567345, 0.274502392854799, 0.188682902773355, 0.828684937020288, 0.101337382499301, -0.089187517306263, WhitePoint.D65);

    /// <summary>REDWideGamutRGB (RED, "REDWideGamutRGB and Log3G10" white paper, 2017).</summary>
    public static Primaries RedWideGamutRgb { get; } = new(0.780308, 0.304253, 0.121595, 1.493994, 0.095612, -0.084589, WhitePoint.D65);

    /// <summary>Panasonic V-Gamut (Panasonic, "V-Log/V-Gamut Reference Manual", 2014).</summary>
    public static Primaries VGamut { get; } = new(0.730, 0.280, 0.165, 0.840, 0.100, -0.030, WhitePoint.D65);

    /// <summary>Canon Cinema Gamut (Canon, "Input Transform" notes; ACES 2.0 CSC.Canon.CLog*_CGamut_to_ACES).</summary>
    public static Primaries CinemaGamut { get; } = new(0.740, 0.270, 0.170, 1.140, 0.080, -0.100, WhitePoint.D65);

    /// <summary>Blackmagic Wide Gamut Gen 5, with its own white (Blackmagic, "Generation 5 Color Science", 2021).</summary>
    public static Primaries BlackmagicWideGamutGen5 { get; } = new(
        0.7177215, 0.3171181, 0.228041, 0.861569, 0.1005841, -0.0820452, new WhitePoint(0.3127170, 0.3290312));

    /// <summary>DaVinci Wide Gamut (Blackmagic, "DaVinci Resolve 17 Wide Gamut Intermediate", 2020).</summary>
    public static Primaries DaVinciWideGamut { get; } = new(0.8, 0.313, 0.1682, 0.9877, 0.079, -0.1155, WhitePoint.D65);

    /// <summary>DJI D-Gamut (DJI, "D-Log and D-Gamut White Paper", 2017; ACES 2.0 CSC.DJI.DLog_DGamut_to_ACES).</summary>
    public static Primaries DGamut { get; } = new(0.71, 0.31, 0.21, 0.88, 0.09, -0.08, WhitePoint.D65);
}
