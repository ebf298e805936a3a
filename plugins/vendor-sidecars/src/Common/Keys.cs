namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>
/// Normalized keys of the host's clip schema v1 that the contracts' NormalizedField does not name yet
/// (the same strings as Rushes.Host.Metadata.ClipKeys; plugins see only the contracts).
/// </summary>
internal static class Keys
{
    public const string FileName = "clip.file_name";
    public const string Duration = "clip.duration";
    public const string TimecodeOut = "timecode.out";
    public const string ActiveWidth = "image.active_width";
    public const string ActiveHeight = "image.active_height";
    public const string Lut = "colour.lut";
    public const string Cdl = "colour.cdl";

    /// <summary>ACES 2.0 transform ids from the Academy's aces-input-and-colorspaces (as the camera-log plugin registers them).</summary>
    public const string ArriLogC3ToAces = "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1";
    public const string ArriLogC4ToAces = "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC4_to_ACES.a2.v1";
    public const string BmdFilmGen5ToAces = "urn:ampas:aces:transformId:v2.0:CSC.Blackmagic.BMDFilm_WideGamut_Gen5_to_ACES.a2.v1";
}
