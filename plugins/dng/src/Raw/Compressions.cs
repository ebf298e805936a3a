using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Raw;

/// <summary>The Compression tag values of DNG raw data (DNG 1.7.1, "Compression"), and which of them we decode.</summary>
internal static class Compressions
{
    public const int None = 1;
    public const int LosslessJpeg = 7;
    public const int Deflate = 8;

    // Not decoded: VC-5 (9; GoPro's GPR files), lossy JPEG (34892, DNG 1.4), JPEG XL (52546, DNG 1.7).
    public const int Vc5 = 9;
    public const int LossyJpeg = 34892;
    public const int JpegXl = 52546;

    public static void Check(int compression, string file)
    {
        var name = compression switch
        {
            None or LosslessJpeg or Deflate => null,
            Vc5 => "VC-5 (SMPTE ST 2073, GoPro GPR)",
            LossyJpeg => "lossy JPEG (DNG 1.4)",
            JpegXl => "JPEG XL (DNG 1.7)",
            _ => $"compression {compression}",
        };
        if (name is not null)
        {
            throw new InputException($"Unsupported compression: the raw data is {name}, which Rushes does not decode.", file, "Compression",
                "1 (uncompressed), 7 (lossless JPEG) or 8 (Deflate)");
        }
    }
}
