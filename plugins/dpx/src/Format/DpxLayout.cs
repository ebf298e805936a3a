namespace Rushes.Plugins.Dpx.Format;

/// <summary>
/// Byte offsets of the DPX header fields, from the file's start (SMPTE ST 268: file information header
/// 768 bytes, image information header 640, image source header 256, motion-picture film header 256,
/// television header 128).
/// </summary>
internal static class DpxLayout
{
    public const uint HeaderSize = 2048;
    public const uint GenericHeaderSize = 768 + 640 + 256;
    public const uint IndustryHeaderSize = 256 + 128;

    /// <summary>"SDPX" read as a big-endian word; a little-endian file reads "XPDS".</summary>
    public const uint Magic = 0x53445058;

    /// <summary>Descriptor codes for RGB and RGBA elements (ST 268, image element descriptor table).</summary>
    public const byte DescriptorRgb = 50;
    public const byte DescriptorRgba = 51;

    // File information header.
    public const int MagicAt = 0, ImageOffsetAt = 4, VersionAt = 8, FileSizeAt = 16, DittoKeyAt = 20, GenericSizeAt = 24,
        IndustrySizeAt = 28, UserSizeAt = 32, FileNameAt = 36, CreationTimeAt = 136, CreatorAt = 160, ProjectAt = 260,
        CopyrightAt = 460, EncryptionKeyAt = 660;

    // Image information header; the first of eight 72-byte element descriptions starts at 780.
    public const int OrientationAt = 768, ElementCountAt = 770, WidthAt = 772, HeightAt = 776, ElementAt = 780, ElementSize = 72;

    // Offsets inside an element description.
    public const int DataSignAt = 0, RefLowDataAt = 4, RefLowQuantityAt = 8, RefHighDataAt = 12, RefHighQuantityAt = 16,
        DescriptorAt = 20, TransferAt = 21, ColorimetricAt = 22, BitDepthAt = 23, PackingAt = 24, EncodingAt = 26,
        DataOffsetAt = 28, EndOfLinePaddingAt = 32, EndOfImagePaddingAt = 36, DescriptionAt = 40;

    // Image source (orientation) header.
    public const int XOffsetAt = 1408, YOffsetAt = 1412, XCenterAt = 1416, YCenterAt = 1420, XOriginalAt = 1424, YOriginalAt = 1428,
        SourceFileNameAt = 1432, SourceTimeAt = 1532, InputDeviceAt = 1556, InputSerialAt = 1588, BorderAt = 1620,
        AspectAt = 1628, ScannedSizeAt = 1636;

    // Motion-picture film header.
    public const int FilmMakerAt = 1664, FilmFormatAt = 1680, FramePositionAt = 1712, SequenceLengthAt = 1716, HeldCountAt = 1720,
        FilmFrameRateAt = 1724, ShutterAngleAt = 1728, FrameIdAt = 1732, SlateInfoAt = 1764;

    // Television header.
    public const int TimeCodeAt = 1920, UserBitsAt = 1924, InterlaceAt = 1928, FieldNumberAt = 1929, VideoSignalAt = 1930,
        HorizontalRateAt = 1932, VerticalRateAt = 1936, TemporalRateAt = 1940, TimeOffsetAt = 1944, GammaAt = 1948,
        BlackLevelAt = 1952, BlackGainAt = 1956, BreakpointAt = 1960, WhiteLevelAt = 1964, IntegrationTimeAt = 1968;

    // Text field lengths.
    public const int FileNameLength = 100, TimeLength = 24, CreatorLength = 100, ProjectLength = 200, CopyrightLength = 200,
        DescriptionLength = 32, SourceFileNameLength = 100, InputDeviceLength = 32, FilmFormatLength = 32, FrameIdLength = 32,
        SlateInfoLength = 100;
}
