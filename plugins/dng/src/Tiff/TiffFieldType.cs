namespace Rushes.Plugins.Dng.Tiff;

/// <summary>TIFF 6.0 field types (section 2), plus the BigTIFF 8-byte integers that some writers use in classic files.</summary>
internal enum TiffFieldType : ushort
{
    Byte = 1,
    Ascii = 2,
    Short = 3,
    Long = 4,
    Rational = 5,
    SByte = 6,
    Undefined = 7,
    SShort = 8,
    SLong = 9,
    SRational = 10,
    Float = 11,
    Double = 12,
    Ifd = 13,
    Long8 = 16,
    SLong8 = 17,
    Ifd8 = 18,
}

internal static class TiffFieldTypes
{
    /// <summary>Bytes per value of a type, or 0 for a type TIFF does not define.</summary>
    public static int SizeOf(TiffFieldType type) => type switch
    {
        TiffFieldType.Byte or TiffFieldType.Ascii or TiffFieldType.SByte or TiffFieldType.Undefined => 1,
        TiffFieldType.Short or TiffFieldType.SShort => 2,
        TiffFieldType.Long or TiffFieldType.SLong or TiffFieldType.Float or TiffFieldType.Ifd => 4,
        TiffFieldType.Rational or TiffFieldType.SRational or TiffFieldType.Double
            or TiffFieldType.Long8 or TiffFieldType.SLong8 or TiffFieldType.Ifd8 => 8,
        _ => 0,
    };

    public static bool IsInteger(TiffFieldType type) => type is TiffFieldType.Byte or TiffFieldType.Short or TiffFieldType.Long
        or TiffFieldType.SByte or TiffFieldType.SShort or TiffFieldType.SLong or TiffFieldType.Ifd
        or TiffFieldType.Long8 or TiffFieldType.SLong8 or TiffFieldType.Ifd8;

    public static bool IsNumeric(TiffFieldType type) => IsInteger(type) || type is TiffFieldType.Rational or TiffFieldType.SRational
        or TiffFieldType.Float or TiffFieldType.Double;
}
