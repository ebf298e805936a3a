namespace Rushes.Plugins.Containers.Mxf;

/// <summary>
/// The keys and labels the MXF reader recognises, each with the document that defines it.
/// </summary>
internal static class Labels
{
    /// <summary>Partition pack keys: byte 13 is the kind (2 header, 3 body, 4 footer), byte 14 the status (SMPTE ST 377-1 §7.1, Table 5).</summary>
    public static readonly Ul PartitionPack = Ul.Parse("06.0e.2b.34.02.05.01.01.0d.01.02.01.01.00.00.00");

    /// <summary>The first 13 bytes of every partition pack key, used for sniffing (ST 377-1 §7.1).</summary>
    public const int PartitionPrefixLength = 13;

    /// <summary>Primer pack (ST 377-1 §9.2).</summary>
    public static readonly Ul PrimerPack = Ul.Parse("06.0e.2b.34.02.05.01.01.0d.01.02.01.01.05.01.00");

    /// <summary>KLV fill item (ST 377-1 §7.3; SMPTE RP 210 "KLV Fill item"; written with registry version 1 or 2).</summary>
    public static readonly Ul Fill = Ul.Parse("06.0e.2b.34.01.01.01.02.03.01.02.10.01.00.00.00");

    /// <summary>Structural metadata sets share this prefix; byte 14 names the set (ST 377-1 Annex A, SMPTE RP 224 / RP 210 groups).</summary>
    public static readonly Ul StructuralSet = Ul.Parse("06.0e.2b.34.02.53.01.01.0d.01.01.01.01.01.00.00");

    /// <summary>DMS-1 descriptive metadata sets (SMPTE ST 380, registered in RP 210's groups): 06.0e.2b.34.02.53.01.01.0d.01.04.01.01 …</summary>
    public static readonly Ul DescriptiveSet = Ul.Parse("06.0e.2b.34.02.53.01.01.0d.01.04.01.00.00.00.00");

    /// <summary>SMPTE RDD 18 acquisition metadata sets: lens unit, camera unit, user-defined (RDD 18 §5; camera-formats.md §1.5).</summary>
    public static readonly Ul Rdd18LensUnit = Ul.Parse("06.0e.2b.34.02.53.01.01.0c.02.01.01.01.01.00.00");
    public static readonly Ul Rdd18CameraUnit = Ul.Parse("06.0e.2b.34.02.53.01.01.0c.02.01.01.02.01.00.00");
    public static readonly Ul Rdd18UserDefined = Ul.Parse("06.0e.2b.34.02.53.01.01.0c.02.01.01.7f.01.00.00");

    /// <summary>Track data definitions (SMPTE RP 224 "Data Definitions"): picture essence and SMPTE 12M timecode tracks.</summary>
    public static readonly Ul PictureTrack = Ul.Parse("06.0e.2b.34.04.01.01.01.01.03.02.02.01.00.00.00");
    public static readonly Ul TimecodeTrack = Ul.Parse("06.0e.2b.34.04.01.01.01.01.03.02.01.01.00.00.00");

    /// <summary>Byte 14 of a structural set key, 06.0e.2b.34.02.53.01.01.0d.01.01.01.01.01.XX.00 (ST 377-1 Annex A).</summary>
    public static class SetKind
    {
        public const byte Preface = 0x2F;
        public const byte Identification = 0x30;
        public const byte ContentStorage = 0x18;
        public const byte MaterialPackage = 0x36;
        public const byte SourcePackage = 0x37;
        public const byte TimelineTrack = 0x3B;
        public const byte Sequence = 0x0F;
        public const byte SourceClip = 0x11;
        public const byte TimecodeComponent = 0x14;
        public const byte MultipleDescriptor = 0x44;
        public const byte CdciDescriptor = 0x28;
        public const byte RgbaDescriptor = 0x29;
        public const byte TapeDescriptor = 0x2E;         // ST 377-1 Annex E "Physical descriptors"
        public const byte ImportDescriptor = 0x4A;
        public const byte Mpeg2VideoDescriptor = 0x51;   // SMPTE ST 381-1, a CDCI sub-class
        public const byte DmSegment = 0x41;
    }

    /// <summary>Picture essence coding label prefixes (SMPTE RP 224 "Compression" node) and their codec names.</summary>
    public static readonly (Ul Prefix, int Length, string Name)[] PictureCodings =
    [
        (Ul.Parse("06.0e.2b.34.04.01.01.01.04.01.02.02.01.00.00.00"), 13, "MPEG Video"),               // RP 224: 04.01.02.02.01 MPEG compression (MPEG-2 in 01.01..01.05, H.264 in 01.31..)
        (Ul.Parse("06.0e.2b.34.04.01.01.01.04.01.02.02.03.01.00.00"), 14, "JPEG 2000"),                // RP 224: 04.01.02.02.03.01 JPEG 2000
        (Ul.Parse("06.0e.2b.34.04.01.01.01.04.01.02.02.03.06.00.00"), 14, "Apple ProRes"),             // SMPTE RDD 44: ProRes picture coding
        (Ul.Parse("06.0e.2b.34.04.01.01.01.04.01.02.02.71.00.00.00"), 13, "VC-3 (Avid DNxHD/DNxHR)"),  // SMPTE ST 2019-4: VC-3 picture coding
        (Ul.Parse("06.0e.2b.34.04.01.01.01.04.01.02.01.00.00.00.00"), 12, "Uncompressed"),             // RP 224: 04.01.02.01 uncompressed picture coding
    ];

    /// <summary>
    /// Within RP 224's MPEG node, byte 13 names the family: 01 to 05 the MPEG-2 profiles (MP, 422P, …; ST 381-1),
    /// 0x20 MPEG-4 Visual, 0x30 to 0x3F H.264/AVC (ST 381-3).
    /// </summary>
    public static string MpegName(Ul coding) => coding[13] switch
    {
        >= 0x01 and <= 0x05 => "MPEG-2 Video",
        0x20 => "MPEG-4 Visual",
        >= 0x30 and <= 0x3F => "H.264/AVC",
        _ => "MPEG Video",
    };
}
