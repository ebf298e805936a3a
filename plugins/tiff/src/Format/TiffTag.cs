namespace Rushes.Plugins.Tiff.Format;

/// <summary>The tags this plugin writes and reads (TIFF 6.0, sections 8 and 19; ICC.1 annex B.4 for the profile; Adobe Photoshop TIFF technical note 3 for SampleFormat and the floating-point predictor).</summary>
internal static class TiffTag
{
    public const ushort ImageWidth = 256;
    public const ushort ImageLength = 257;
    public const ushort BitsPerSample = 258;
    public const ushort Compression = 259;
    public const ushort PhotometricInterpretation = 262;
    public const ushort DocumentName = 269;
    public const ushort ImageDescription = 270;
    public const ushort StripOffsets = 273;
    public const ushort Orientation = 274;
    public const ushort SamplesPerPixel = 277;
    public const ushort RowsPerStrip = 278;
    public const ushort StripByteCounts = 279;
    public const ushort XResolution = 282;
    public const ushort YResolution = 283;
    public const ushort PlanarConfiguration = 284;
    public const ushort ResolutionUnit = 296;
    public const ushort Software = 305;
    public const ushort DateTime = 306;
    public const ushort Artist = 315;
    public const ushort Predictor = 317;
    public const ushort SampleFormat = 339;
    public const ushort Copyright = 33432;
    public const ushort IccProfile = 34675;
}

/// <summary>Field types of an IFD entry and their sizes (TIFF 6.0, section 2).</summary>
internal enum TiffType : ushort
{
    Byte = 1,
    Ascii = 2,
    Short = 3,
    Long = 4,
    Rational = 5,
    Undefined = 7,
}

/// <summary>Compression codes (TIFF 6.0 section 3; 8 is Adobe Deflate, zlib streams, from TIFF technical note 2).</summary>
internal enum TiffCompression : ushort
{
    None = 1,
    Deflate = 8,
}

/// <summary>Predictor codes: 1 none, 2 horizontal differencing (TIFF 6.0 section 14), 3 floating point (Adobe technical note 3).</summary>
internal enum TiffPredictor : ushort
{
    None = 1,
    Horizontal = 2,
    FloatingPoint = 3,
}

/// <summary>The two sample encodings written: 16-bit unsigned integers (SampleFormat 1) and 32-bit IEEE floats (SampleFormat 3).</summary>
internal enum TiffSampleType
{
    UInt16,
    Float32,
}
