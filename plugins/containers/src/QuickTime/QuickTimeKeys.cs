namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>
/// The 'mdta' keys mapped to normalized fields. Apple's keys: QTFF "QuickTime Metadata Keys"
/// (com.apple.quicktime.*); the ProRes RAW camera keys (com.apple.proapps.*, org.smpte.rdd18.*) as exiftool's
/// QuickTime.pm lists them from Apple ProRes RAW files ("seen in Apple ProRes RAW file"), whose RDD 18 names
/// follow SMPTE RDD 18 (Acquisition Metadata). Every other key is kept whole in the vendor set.
/// </summary>
internal static class QuickTimeKeys
{
    public const string CreationDate = "com.apple.quicktime.creationdate";
    public const string Make = "com.apple.quicktime.make";
    public const string Model = "com.apple.quicktime.model";
    public const string Manufacturer = "com.apple.proapps.manufacturer";
    public const string CustomGamma = "com.apple.proapps.customgamma";
    public const string TiffMake = "com.apple.proapps.image.{TIFF}.Make";
    public const string TiffModel = "com.apple.proapps.image.{TIFF}.Model";
    public const string TiffSoftware = "com.apple.proapps.image.{TIFF}.Software";
    public const string ExifFNumber = "com.apple.proapps.exif.{Exif}.FNumber";
    public const string ExifExposureIndex = "com.apple.proapps.exif.{Exif}.ExposureIndex";
    public const string IrisFNumber = "org.smpte.rdd18.lens.irisfnumber";
    public const string ShutterAngle = "org.smpte.rdd18.camera.shutterspeed_angle";
    public const string NdWheel = "org.smpte.rdd18.camera.neutraldensityfilterwheelsetting";
    public const string WhiteBalance = "org.smpte.rdd18.camera.whitebalance";
    public const string IsoSensitivity = "org.smpte.rdd18.camera.isosensitivity";
}
