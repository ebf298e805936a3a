using System.Collections.Frozen;
using System.Globalization;

namespace Rushes.Plugins.Dng.Tiff;

/// <summary>
/// Tag numbers and names: TIFF 6.0, TIFF/EP, EXIF 2.32 and 3.0, GPS, DNG 1.7.1 (chapter 4 and the 1.6/1.7 additions) and
/// CinemaDNG 1.1. Names are the specifications' (as exiftool also spells them), so vendor keys read the same in both.
/// </summary>
internal static class TiffTags
{
    public const ushort NewSubFileType = 0x00FE;
    public const ushort ImageWidth = 0x0100;
    public const ushort ImageLength = 0x0101;
    public const ushort BitsPerSample = 0x0102;
    public const ushort Compression = 0x0103;
    public const ushort PhotometricInterpretation = 0x0106;
    public const ushort Make = 0x010F;
    public const ushort Model = 0x0110;
    public const ushort StripOffsets = 0x0111;
    public const ushort Orientation = 0x0112;
    public const ushort SamplesPerPixel = 0x0115;
    public const ushort RowsPerStrip = 0x0116;
    public const ushort StripByteCounts = 0x0117;
    public const ushort PlanarConfiguration = 0x011C;
    public const ushort Software = 0x0131;
    public const ushort DateTime = 0x0132;
    public const ushort Predictor = 0x013D;
    public const ushort TileWidth = 0x0142;
    public const ushort TileLength = 0x0143;
    public const ushort TileOffsets = 0x0144;
    public const ushort TileByteCounts = 0x0145;
    public const ushort SubIfds = 0x014A;
    public const ushort SampleFormat = 0x0153;
    public const ushort Xmp = 0x02BC;
    public const ushort CfaRepeatPatternDim = 0x828D;
    public const ushort CfaPattern = 0x828E;
    public const ushort ExposureTime = 0x829A;
    public const ushort FNumber = 0x829D;
    public const ushort ExifIfd = 0x8769;
    public const ushort GpsIfd = 0x8825;
    public const ushort IsoSpeedRatings = 0x8827;
    public const ushort DateTimeOriginal = 0x9003;
    public const ushort FocalLength = 0x920A;
    public const ushort BodySerialNumber = 0xA431;
    public const ushort LensMake = 0xA433;
    public const ushort LensModel = 0xA434;
    public const ushort LensSerialNumber = 0xA435;
    public const ushort DngVersion = 0xC612;
    public const ushort UniqueCameraModel = 0xC614;
    public const ushort CfaPlaneColor = 0xC616;
    public const ushort CfaLayout = 0xC617;
    public const ushort LinearizationTable = 0xC618;
    public const ushort BlackLevelRepeatDim = 0xC619;
    public const ushort BlackLevel = 0xC61A;
    public const ushort BlackLevelDeltaH = 0xC61B;
    public const ushort BlackLevelDeltaV = 0xC61C;
    public const ushort WhiteLevel = 0xC61D;
    public const ushort DefaultScale = 0xC61E;
    public const ushort DefaultCropOrigin = 0xC61F;
    public const ushort DefaultCropSize = 0xC620;
    public const ushort ColorMatrix1 = 0xC621;
    public const ushort ColorMatrix2 = 0xC622;
    public const ushort CameraCalibration1 = 0xC623;
    public const ushort CameraCalibration2 = 0xC624;
    public const ushort AnalogBalance = 0xC627;
    public const ushort AsShotNeutral = 0xC628;
    public const ushort AsShotWhiteXY = 0xC629;
    public const ushort BaselineExposure = 0xC62A;
    public const ushort CameraSerialNumber = 0xC62F;
    public const ushort LensInfo = 0xC630;
    public const ushort CalibrationIlluminant1 = 0xC65A;
    public const ushort CalibrationIlluminant2 = 0xC65B;
    public const ushort ActiveArea = 0xC68D;
    public const ushort ForwardMatrix1 = 0xC714;
    public const ushort ForwardMatrix2 = 0xC715;
    public const ushort OpcodeList1 = 0xC740;
    public const ushort OpcodeList2 = 0xC741;
    public const ushort OpcodeList3 = 0xC74E;
    public const ushort TimeCodes = 0xC763;
    public const ushort FrameRate = 0xC764;
    public const ushort TStop = 0xC772;
    public const ushort ReelName = 0xC789;
    public const ushort CameraLabel = 0xC7A1;
    public const ushort BaselineExposureOffset = 0xC7A5;
    public const ushort CalibrationIlluminant3 = 0xCD31;
    public const ushort CameraCalibration3 = 0xCD32;
    public const ushort ColorMatrix3 = 0xCD33;
    public const ushort ForwardMatrix3 = 0xCD34;
    public const ushort IlluminantData1 = 0xCD35;
    public const ushort IlluminantData2 = 0xCD36;
    public const ushort IlluminantData3 = 0xCD37;

    private static readonly FrozenDictionary<ushort, string> Names = new Dictionary<ushort, string>
    {
        // TIFF 6.0 and TIFF/EP
        [0x00FE] = "NewSubFileType", [0x00FF] = "SubfileType", [0x0100] = "ImageWidth", [0x0101] = "ImageLength",
        [0x0102] = "BitsPerSample", [0x0103] = "Compression", [0x0106] = "PhotometricInterpretation", [0x010A] = "FillOrder",
        [0x010D] = "DocumentName", [0x010E] = "ImageDescription", [0x010F] = "Make", [0x0110] = "Model",
        [0x0111] = "StripOffsets", [0x0112] = "Orientation", [0x0115] = "SamplesPerPixel", [0x0116] = "RowsPerStrip",
        [0x0117] = "StripByteCounts", [0x011A] = "XResolution", [0x011B] = "YResolution", [0x011C] = "PlanarConfiguration",
        [0x0128] = "ResolutionUnit", [0x0131] = "Software", [0x0132] = "DateTime", [0x013B] = "Artist",
        [0x013D] = "Predictor", [0x0142] = "TileWidth", [0x0143] = "TileLength", [0x0144] = "TileOffsets",
        [0x0145] = "TileByteCounts", [0x014A] = "SubIFDs", [0x0152] = "ExtraSamples", [0x0153] = "SampleFormat",
        [0x015B] = "JPEGTables", [0x0201] = "JPEGInterchangeFormat", [0x0202] = "JPEGInterchangeFormatLength",
        [0x0211] = "YCbCrCoefficients", [0x0212] = "YCbCrSubSampling", [0x0213] = "YCbCrPositioning",
        [0x0214] = "ReferenceBlackWhite", [0x02BC] = "XMP", [0x4746] = "Rating", [0x8298] = "Copyright",
        [0x828D] = "CFARepeatPatternDim", [0x828E] = "CFAPattern", [0x83BB] = "IPTC-NAA", [0x8649] = "PhotoshopSettings",
        [0x8769] = "ExifIFD", [0x8773] = "ICCProfile", [0x8825] = "GPSInfo", [0x9216] = "TIFF-EPStandardID",
        [0x9217] = "SensingMethod",

        // EXIF 2.32 / 3.0
        [0x829A] = "ExposureTime", [0x829D] = "FNumber", [0x8822] = "ExposureProgram", [0x8824] = "SpectralSensitivity",
        [0x8827] = "ISO", [0x8830] = "SensitivityType", [0x8831] = "StandardOutputSensitivity",
        [0x8832] = "RecommendedExposureIndex", [0x8833] = "ISOSpeed", [0x9000] = "ExifVersion", [0x9003] = "DateTimeOriginal",
        [0x9004] = "CreateDate", [0x9010] = "OffsetTime", [0x9011] = "OffsetTimeOriginal", [0x9012] = "OffsetTimeDigitized",
        [0x9101] = "ComponentsConfiguration", [0x9201] = "ShutterSpeedValue", [0x9202] = "ApertureValue",
        [0x9203] = "BrightnessValue", [0x9204] = "ExposureCompensation", [0x9205] = "MaxApertureValue",
        [0x9206] = "SubjectDistance", [0x9207] = "MeteringMode", [0x9208] = "LightSource", [0x9209] = "Flash",
        [0x920A] = "FocalLength", [0x927C] = "MakerNote", [0x9286] = "UserComment", [0x9290] = "SubSecTime",
        [0x9291] = "SubSecTimeOriginal", [0x9292] = "SubSecTimeDigitized", [0xA000] = "FlashpixVersion",
        [0xA001] = "ColorSpace", [0xA002] = "ExifImageWidth", [0xA003] = "ExifImageHeight", [0xA005] = "InteropIFD",
        [0xA20E] = "FocalPlaneXResolution", [0xA20F] = "FocalPlaneYResolution", [0xA210] = "FocalPlaneResolutionUnit",
        [0xA217] = "SensingMethod", [0xA300] = "FileSource", [0xA301] = "SceneType", [0xA401] = "CustomRendered",
        [0xA402] = "ExposureMode", [0xA403] = "WhiteBalance", [0xA404] = "DigitalZoomRatio",
        [0xA405] = "FocalLengthIn35mmFormat", [0xA406] = "SceneCaptureType", [0xA420] = "ImageUniqueID",
        [0xA430] = "OwnerName", [0xA431] = "SerialNumber", [0xA432] = "LensInfo", [0xA433] = "LensMake",
        [0xA434] = "LensModel", [0xA435] = "LensSerialNumber", [0xA436] = "ImageTitle", [0xA437] = "Photographer",
        [0xA460] = "CompositeImage",

        // GPS
        [0x0000] = "GPSVersionID", [0x0001] = "GPSLatitudeRef", [0x0002] = "GPSLatitude", [0x0003] = "GPSLongitudeRef",
        [0x0004] = "GPSLongitude", [0x0005] = "GPSAltitudeRef", [0x0006] = "GPSAltitude", [0x0007] = "GPSTimeStamp",
        [0x0012] = "GPSMapDatum", [0x001D] = "GPSDateStamp",

        // DNG 1.0 - 1.7.1
        [0xC612] = "DNGVersion", [0xC613] = "DNGBackwardVersion", [0xC614] = "UniqueCameraModel",
        [0xC615] = "LocalizedCameraModel", [0xC616] = "CFAPlaneColor", [0xC617] = "CFALayout",
        [0xC618] = "LinearizationTable", [0xC619] = "BlackLevelRepeatDim", [0xC61A] = "BlackLevel",
        [0xC61B] = "BlackLevelDeltaH", [0xC61C] = "BlackLevelDeltaV", [0xC61D] = "WhiteLevel", [0xC61E] = "DefaultScale",
        [0xC61F] = "DefaultCropOrigin", [0xC620] = "DefaultCropSize", [0xC621] = "ColorMatrix1", [0xC622] = "ColorMatrix2",
        [0xC623] = "CameraCalibration1", [0xC624] = "CameraCalibration2", [0xC625] = "ReductionMatrix1",
        [0xC626] = "ReductionMatrix2", [0xC627] = "AnalogBalance", [0xC628] = "AsShotNeutral", [0xC629] = "AsShotWhiteXY",
        [0xC62A] = "BaselineExposure", [0xC62B] = "BaselineNoise", [0xC62C] = "BaselineSharpness",
        [0xC62D] = "BayerGreenSplit", [0xC62E] = "LinearResponseLimit", [0xC62F] = "CameraSerialNumber",
        [0xC630] = "DNGLensInfo", [0xC631] = "ChromaBlurRadius", [0xC632] = "AntiAliasStrength", [0xC633] = "ShadowScale",
        [0xC634] = "DNGPrivateData", [0xC635] = "MakerNoteSafety", [0xC65A] = "CalibrationIlluminant1",
        [0xC65B] = "CalibrationIlluminant2", [0xC65C] = "BestQualityScale", [0xC65D] = "RawDataUniqueID",
        [0xC68B] = "OriginalRawFileName", [0xC68C] = "OriginalRawFileData", [0xC68D] = "ActiveArea",
        [0xC68E] = "MaskedAreas", [0xC68F] = "AsShotICCProfile", [0xC690] = "AsShotPreProfileMatrix",
        [0xC691] = "CurrentICCProfile", [0xC692] = "CurrentPreProfileMatrix", [0xC6BF] = "ColorimetricReference",
        [0xC6F3] = "CameraCalibrationSignature", [0xC6F4] = "ProfileCalibrationSignature", [0xC6F5] = "ExtraCameraProfiles",
        [0xC6F6] = "AsShotProfileName", [0xC6F7] = "NoiseReductionApplied", [0xC6F8] = "ProfileName",
        [0xC6F9] = "ProfileHueSatMapDims", [0xC6FA] = "ProfileHueSatMapData1", [0xC6FB] = "ProfileHueSatMapData2",
        [0xC6FC] = "ProfileToneCurve", [0xC6FD] = "ProfileEmbedPolicy", [0xC6FE] = "ProfileCopyright",
        [0xC714] = "ForwardMatrix1", [0xC715] = "ForwardMatrix2", [0xC716] = "PreviewApplicationName",
        [0xC717] = "PreviewApplicationVersion", [0xC718] = "PreviewSettingsName", [0xC719] = "PreviewSettingsDigest",
        [0xC71A] = "PreviewColorSpace", [0xC71B] = "PreviewDateTime", [0xC71C] = "RawImageDigest",
        [0xC71D] = "OriginalRawFileDigest", [0xC71E] = "SubTileBlockSize", [0xC71F] = "RowInterleaveFactor",
        [0xC725] = "ProfileLookTableDims", [0xC726] = "ProfileLookTableData", [0xC740] = "OpcodeList1",
        [0xC741] = "OpcodeList2", [0xC74E] = "OpcodeList3", [0xC761] = "NoiseProfile", [0xC791] = "OriginalDefaultFinalSize",
        [0xC792] = "OriginalBestQualitySize", [0xC793] = "OriginalDefaultCropSize", [0xC7A3] = "ProfileHueSatMapEncoding",
        [0xC7A4] = "ProfileLookTableEncoding", [0xC7A5] = "BaselineExposureOffset", [0xC7A6] = "DefaultBlackRender",
        [0xC7A7] = "NewRawImageDigest", [0xC7A8] = "RawToPreviewGain", [0xC7B5] = "DefaultUserCrop",
        [0xC7E9] = "DepthFormat", [0xC7EA] = "DepthNear", [0xC7EB] = "DepthFar", [0xC7EC] = "DepthUnits",
        [0xC7ED] = "DepthMeasureType", [0xC7EE] = "EnhanceParams", [0xCD2D] = "ProfileGainTableMap",
        [0xCD2E] = "SemanticName", [0xCD30] = "SemanticInstanceID", [0xCD31] = "CalibrationIlluminant3",
        [0xCD32] = "CameraCalibration3", [0xCD33] = "ColorMatrix3", [0xCD34] = "ForwardMatrix3",
        [0xCD35] = "IlluminantData1", [0xCD36] = "IlluminantData2", [0xCD37] = "IlluminantData3",
        [0xCD38] = "MaskSubArea", [0xCD39] = "ProfileHueSatMapData3", [0xCD3A] = "ReductionMatrix3",
        [0xCD3F] = "RGBTables", [0xCD40] = "ProfileGainTableMap2", [0xCD41] = "JUMBF", [0xCD43] = "ColumnInterleaveFactor",
        [0xCD44] = "ImageSequenceInfo", [0xCD46] = "ImageStats", [0xCD47] = "ProfileDynamicRange",
        [0xCD48] = "ProfileGroupName", [0xCD49] = "JXLDistance", [0xCD4A] = "JXLEffort", [0xCD4B] = "JXLDecodeSpeed",

        // CinemaDNG 1.1
        [0xC763] = "TimeCodes", [0xC764] = "FrameRate", [0xC772] = "TStop", [0xC789] = "ReelName", [0xC7A1] = "CameraLabel",
    }.ToFrozenDictionary();

    /// <summary>The tag's name, or <c>Tag0xABCD</c> for one the specifications above do not name.</summary>
    public static string NameOf(ushort tag)
        => Names.TryGetValue(tag, out var name) ? name : string.Create(CultureInfo.InvariantCulture, $"Tag0x{tag:X4}");
}
