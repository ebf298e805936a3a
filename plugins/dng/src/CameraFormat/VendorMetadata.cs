using System.Text;
using Rushes.Contracts.Metadata;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.CameraFormat;

/// <summary>
/// Every field of every directory as vendor metadata, named <c>FAMILY:TagName</c> by the specification that defines
/// the tag (TIFF, EXIF, GPS, DNG, CinemaDNG); fields of the raw SubIFD read <c>DNG:Raw.BlackLevel</c>, of other
/// directories <c>TIFF:IFD1.ImageWidth</c>. The XMP packet is kept whole as <c>XMP:Packet</c>.
/// </summary>
internal static class VendorMetadata
{
    /// <summary>Longer arrays (strip offsets, linearization tables) are kept as their bytes.</summary>
    private const int MaxListValues = 256;

    public static void Add(MetadataSet.Builder builder, TiffFile tiff, TiffDirectory raw)
    {
        foreach (var directory in tiff.Directories)
        {
            var prefix = directory switch
            {
                _ when directory.Kind is TiffDirectoryKind.Exif or TiffDirectoryKind.Gps || directory == tiff.Ifd0 => string.Empty,
                _ when directory == raw => "Raw.",
                _ => directory.Name + ".",
            };
            foreach (var entry in directory.Entries)
            {
                if (entry.Tag == TiffTags.Xmp)
                {
                    builder.Set("XMP:Packet", MetadataValue.Of(Encoding.UTF8.GetString(entry.Bytes).TrimEnd('\0')));
                    continue;
                }

                builder.Set($"{Family(directory, entry.Tag)}:{prefix}{entry.Name}", Value(entry));
            }
        }
    }

    private static string Family(TiffDirectory directory, ushort tag) => directory.Kind switch
    {
        TiffDirectoryKind.Exif => "EXIF",
        TiffDirectoryKind.Gps => "GPS",
        _ => tag switch
        {
            TiffTags.TimeCodes or TiffTags.FrameRate or TiffTags.TStop or TiffTags.ReelName or TiffTags.CameraLabel => "CinemaDNG",
            >= 0xC612 and <= 0xC7EE or >= 0xCD2D and <= 0xCD4B => "DNG",
            _ => "TIFF",
        },
    };

    public static MetadataValue Value(TiffEntry entry)
    {
        switch (entry.Type)
        {
            case TiffFieldType.Ascii:
                return MetadataValue.Of(entry.Text());
            case TiffFieldType.Undefined when entry.Count > 16 || entry.Tag is TiffTags.OpcodeList1 or TiffTags.OpcodeList2 or TiffTags.OpcodeList3:
                return MetadataValue.Of(entry.Bytes.ToArray());
            case TiffFieldType.Rational or TiffFieldType.SRational when entry.Count == 1:
                var (n, d) = entry.Fraction(0);
                return d == 0 ? MetadataValue.Of(double.NaN, MetadataUnit.None) : MetadataValue.Of(new Rational(n, d), MetadataUnit.None);
            case TiffFieldType.Float or TiffFieldType.Double when entry.Count == 1:
                return MetadataValue.Of(entry.Number(0), MetadataUnit.None);
            default:
                if (entry.Count > MaxListValues)
                {
                    return MetadataValue.Of(entry.Bytes.ToArray());
                }

                if (entry.Count == 1 && TiffFieldTypes.IsInteger(entry.Type))
                {
                    return MetadataValue.Of((long)entry.Number(0), MetadataUnit.None);
                }

                return MetadataValue.Of(entry.Numbers(), MetadataUnit.None);
        }
    }
}
