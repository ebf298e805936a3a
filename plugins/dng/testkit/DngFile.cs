namespace Rushes.Plugins.Dng.TestKit;

/// <summary>How the raw image data is stored.</summary>
public enum DngCompression
{
    Uncompressed = 1,
    LosslessJpeg = 7,
    Deflate = 8,
}

/// <summary>
/// Everything a test DNG holds: a known raw image and known metadata. Defaults make a small,
/// valid Bayer DNG; tests set what they check. Colour values are written as the DNG spec types
/// them (SRATIONAL matrices, RATIONAL neutrals).
/// </summary>
public sealed class DngFile
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>1 for a CFA mosaic, 3 for LinearRaw.</summary>
    public int SamplesPerPixel { get; init; } = 1;

    /// <summary>Integer samples, row-major, components interleaved.</summary>
    public ushort[] Samples { get; init; } = [];

    /// <summary>Float samples for a floating-point Deflate DNG (SampleFormat 3); <see cref="Samples"/> is then ignored.</summary>
    public float[]? FloatSamples { get; init; }

    /// <summary>8 to 16 for integers (10, 12 and 14 are bit-packed when uncompressed); 16, 24 or 32 for floats.</summary>
    public int BitsPerSample { get; init; } = 16;

    public DngCompression Compression { get; init; } = DngCompression.Uncompressed;

    /// <summary>Tile size; 0 writes strips.</summary>
    public int TileWidth { get; init; }

    public int TileHeight { get; init; }

    /// <summary>Rows per strip; 0 writes one strip.</summary>
    public int RowsPerStrip { get; init; }

    public int Lj92Predictor { get; init; } = 1;

    /// <summary>Interleaved JPEG components per tile row (DNG maps a W-wide tile onto a W/n-wide n-component JPEG).</summary>
    public int Lj92Components { get; init; } = 1;

    public int Lj92RestartRows { get; init; }

    /// <summary>TIFF Predictor: 1 none, 2 / 34892 / 34893 horizontal difference (X1/X2/X4), 3 / 34894 / 34895 floating point (X1/X2/X4).</summary>
    public int DeflatePredictor { get; init; } = 1;

    public bool BigEndian { get; init; }

    /// <summary>True: a small preview in IFD0 and the raw image in a SubIFD, as cameras write; false: the raw image in IFD0.</summary>
    public bool RawInSubIfd { get; init; } = true;

    public byte[] DngVersion { get; init; } = [1, 4, 0, 0];

    public string CfaPattern { get; init; } = "RGGB";

    public ushort[]? LinearizationTable { get; init; }

    public (int Rows, int Cols) BlackLevelRepeatDim { get; init; } = (1, 1);

    /// <summary>Rows × cols × samples values, rational.</summary>
    public double[] BlackLevel { get; init; } = [0];

    public double[]? BlackLevelDeltaH { get; init; }

    public double[]? BlackLevelDeltaV { get; init; }

    public uint[] WhiteLevel { get; init; } = [65535];

    /// <summary>Top, left, bottom, right.</summary>
    public uint[]? ActiveArea { get; init; }

    public double[]? DefaultCropOrigin { get; init; }

    public double[]? DefaultCropSize { get; init; }

    public double[]? DefaultScale { get; init; }

    public ushort Orientation { get; init; } = 1;

    public double[]? ColorMatrix1 { get; init; } = [0.6722, -0.0635, -0.0963, -0.4287, 1.2460, 0.2028, -0.0908, 0.2162, 0.5668];

    public double[]? ColorMatrix2 { get; init; }

    public ushort CalibrationIlluminant1 { get; init; } = 21;

    public ushort CalibrationIlluminant2 { get; init; } = 17;

    public double[]? ForwardMatrix1 { get; init; }

    public double[]? ForwardMatrix2 { get; init; }

    public double[]? CameraCalibration1 { get; init; }

    public double[]? CameraCalibration2 { get; init; }

    public double[]? AnalogBalance { get; init; }

    public double[]? AsShotNeutral { get; init; } = [0.5, 1, 0.75];

    public double[]? AsShotWhiteXY { get; init; }

    public double? BaselineExposure { get; init; }

    public string Make { get; init; } = "Rushes";

    public string Model { get; init; } = "Test Camera";

    public string? UniqueCameraModel { get; init; } = "Rushes Test Camera";

    public string? CameraSerialNumber { get; init; }

    public string? Software { get; init; }

    public string? DateTime { get; init; }

    public ushort? Iso { get; init; }

    public (uint Num, uint Den)? ExposureTime { get; init; }

    public (uint Num, uint Den)? FNumber { get; init; }

    public (uint Num, uint Den)? FocalLength { get; init; }

    public string? LensMake { get; init; }

    public string? LensModel { get; init; }

    public string? LensSerialNumber { get; init; }

    public string? BodySerialNumber { get; init; }

    public string? DateTimeOriginal { get; init; }

    /// <summary>CinemaDNG TimeCodes: hours, minutes, seconds, frames, drop frame.</summary>
    public (int H, int M, int S, int F, bool Drop)? TimeCode { get; init; }

    public (int Num, int Den)? FrameRate { get; init; }

    public (uint Num, uint Den)? TStop { get; init; }

    public string? ReelName { get; init; }

    public string? CameraLabel { get; init; }

    public string? Xmp { get; init; }

    public byte[]? OpcodeList1 { get; init; }

    public byte[]? OpcodeList2 { get; init; }

    public byte[]? OpcodeList3 { get; init; }

    /// <summary>Fields added to (or replacing those of) IFD0, the raw IFD and the EXIF IFD: for odd or broken files.</summary>
    public Dictionary<ushort, TiffValue> ExtraIfd0Fields { get; init; } = [];

    public Dictionary<ushort, TiffValue> ExtraRawFields { get; init; } = [];

    public Dictionary<ushort, TiffValue> ExtraExifFields { get; init; } = [];
}
