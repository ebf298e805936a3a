namespace Rushes.Plugins.Containers.Mxf;

/// <summary>Static local tags of the sets read (SMPTE ST 377-1 Annex A; their ULs are in SMPTE RP 210).</summary>
internal static class Tags
{
    // Preface
    public const ushort Identifications = 0x3B06;
    public const ushort ContentStorage = 0x3B03;
    public const ushort OperationalPattern = 0x3B09;

    // Identification
    public const ushort CompanyName = 0x3C01;
    public const ushort ProductName = 0x3C02;
    public const ushort VersionString = 0x3C04;
    public const ushort Platform = 0x3C08;
    public const ushort ModificationDate = 0x3C06;

    // Content storage and packages
    public const ushort Packages = 0x1901;
    public const ushort PackageUid = 0x4401;
    public const ushort PackageName = 0x4402;
    public const ushort PackageTracks = 0x4403;
    public const ushort PackageCreationDate = 0x4405;
    public const ushort Descriptor = 0x4701;

    // Tracks, sequences, components
    public const ushort TrackId = 0x4801;
    public const ushort TrackName = 0x4802;
    public const ushort TrackSequence = 0x4803;
    public const ushort EditRate = 0x4B01;
    public const ushort DataDefinition = 0x0201;
    public const ushort ComponentDuration = 0x0202;
    public const ushort StructuralComponents = 0x1001;

    // Timecode component
    public const ushort StartTimecode = 0x1501;
    public const ushort RoundedTimecodeBase = 0x1502;
    public const ushort DropFrame = 0x1503;

    // File and picture descriptors
    public const ushort SubDescriptors = 0x3F01;
    public const ushort SampleRate = 0x3001;
    public const ushort ContainerDuration = 0x3002;
    public const ushort PictureEssenceCoding = 0x3201;
    public const ushort StoredHeight = 0x3202;
    public const ushort StoredWidth = 0x3203;
    public const ushort SampledHeight = 0x3204;
    public const ushort SampledWidth = 0x3205;
    public const ushort DisplayHeight = 0x3208;
    public const ushort DisplayWidth = 0x3209;
    public const ushort AspectRatio = 0x320E;
    public const ushort TransferCharacteristic = 0x3210;
    public const ushort ColorPrimaries = 0x3219;
    public const ushort ComponentDepth = 0x3301;
}

/// <summary>
/// RDD 18 acquisition metadata items read into normalized fields, by their local tags (SMPTE RDD 18 tables as
/// listed in camera-formats.md §1.5 from the Sony F65 manual appendix).
/// </summary>
internal static class Rdd18Tags
{
    public const ushort IrisFNumber = 0x8000;         // 16-bit code: F = 2^((1 − v/65536)·8)
    public const ushort CaptureFrameRate = 0x8106;    // Rational
    public const ushort ShutterAngle = 0x8108;        // 1/60 degree
    public const ushort IsoSensitivity = 0x810B;
    public const ushort WhiteBalance = 0x810E;        // kelvin
    public const ushort ExposureIndex = 0x8115;
}
