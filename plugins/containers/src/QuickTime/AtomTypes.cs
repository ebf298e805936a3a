namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>
/// Atom types read here. Source: Apple, QuickTime File Format Specification (2016-09-13 edition, "Movie
/// Atoms", "Media Data Atom Types", "Metadata"); ISO/IEC 14496-12 names the same boxes for MP4.
/// </summary>
internal static class AtomTypes
{
    public static readonly uint Ftyp = FourCc.Of("ftyp");   // file type (QTFF "File Type Compatibility Atom")
    public static readonly uint Moov = FourCc.Of("moov");   // movie
    public static readonly uint Mvhd = FourCc.Of("mvhd");   // movie header
    public static readonly uint Trak = FourCc.Of("trak");   // track
    public static readonly uint Tkhd = FourCc.Of("tkhd");   // track header
    public static readonly uint Tref = FourCc.Of("tref");   // track reference
    public static readonly uint Tmcd = FourCc.Of("tmcd");   // timecode: handler subtype, sample description format and tref type
    public static readonly uint Mdia = FourCc.Of("mdia");   // media
    public static readonly uint Mdhd = FourCc.Of("mdhd");   // media header
    public static readonly uint Hdlr = FourCc.Of("hdlr");   // handler reference
    public static readonly uint Minf = FourCc.Of("minf");   // media information
    public static readonly uint Stbl = FourCc.Of("stbl");   // sample table
    public static readonly uint Stsd = FourCc.Of("stsd");   // sample descriptions
    public static readonly uint Stts = FourCc.Of("stts");   // time-to-sample
    public static readonly uint Stsz = FourCc.Of("stsz");   // sample sizes
    public static readonly uint Stco = FourCc.Of("stco");   // 32-bit chunk offsets
    public static readonly uint Co64 = FourCc.Of("co64");   // 64-bit chunk offsets
    public static readonly uint Udta = FourCc.Of("udta");   // user data
    public static readonly uint Meta = FourCc.Of("meta");   // metadata (QTFF "Metadata" chapter)
    public static readonly uint Keys = FourCc.Of("keys");   // metadata item keys
    public static readonly uint Ilst = FourCc.Of("ilst");   // metadata item list
    public static readonly uint Data = FourCc.Of("data");   // metadata value
    public static readonly uint Mdta = FourCc.Of("mdta");   // key namespace of reverse-DNS keys, and the meta handler type
    public static readonly uint Name = FourCc.Of("name");   // the timecode sample description's source (reel) name; a track's name in udta
    public static readonly uint Pasp = FourCc.Of("pasp");   // pixel aspect ratio
    public static readonly uint Clap = FourCc.Of("clap");   // clean aperture

    /// <summary>Types that may start a QuickTime file (QTFF "Atoms"; 'wide', 'free', 'skip' are padding, 'pnot' a preview).</summary>
    public static readonly HashSet<uint> TopLevel = [Ftyp, Moov, FourCc.Of("mdat"), FourCc.Of("wide"), FourCc.Of("free"), FourCc.Of("skip"), FourCc.Of("pnot")];
}
