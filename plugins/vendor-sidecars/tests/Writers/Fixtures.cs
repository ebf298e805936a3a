namespace Rushes.Plugins.VendorSidecars.Tests.Writers;

/// <summary>The synthesized media the MLV and R3D tests read: fixed, documented facts, written by our own writers.</summary>
internal static class Fixtures
{
    public const ulong MlvGuid = 0x1122334455667788;

    /// <summary>Bytes of one 1920×1080 14-bit raw frame (the RAWI frame_size): 1920·1080·14/8.</summary>
    public const int MlvFrameBytes = 1920 * 1080 * 14 / 8;

    /// <summary>
    /// A Canon EOS 5D Mark III recording "M15-1430" of 3 frames at 23976/1000 fps: 1920×1080 14-bit raw, ISO 800,
    /// shutter 20833 µs, EF 50 mm at f/2.8 focused at 3 m, white balance 5600 K (Kelvin mode), recorded
    /// 2024-03-15 14:30:05, with an INFO note, blocks this reader skips (STYL, ELVL, an unknown 'ZZZZ') and NULL padding.
    /// Spanned, frames 0-1 are in M15-1430.MLV and frame 2 in M15-1430.M00.
    /// </summary>
    public static IReadOnlyList<string> Mlv(string folder, bool spanned = false)
    {
        var first = new MlvWriter()
            .FileHeader(MlvGuid, fileNum: 0, fileCount: (ushort)(spanned ? 2 : 1), videoClass: 1, videoFrames: spanned ? 2u : 3u, fpsNom: 23976, fpsDenom: 1000)
            .Rawi(1920, 1080, rawWidth: 2080, rawHeight: 1318, bits: 14, black: 2047, white: 15000)
            .Idnt("Canon EOS 5D Mark III", 0x80000285, "023021002351")
            .Expo(800, 20833)
            .Lens(50, 3000, 280, "EF50mm f/1.4 USM", "0000012345")
            .Wbal(9, 5600)
            .Rtci(new DateTime(2024, 3, 15, 14, 30, 5, DateTimeKind.Unspecified), "CET")
            .Info("take 3, roof")
            .Block("STYL", b => b.Write(new byte[36]))
            .Block("ELVL", b => b.Write(new byte[8]))
            .Block("ZZZZ", b => b.Write(new byte[100]))
            .Block("NULL", b => b.Write(new byte[48]))
            .Vidf(0, MlvFrameBytes)
            .Vidf(1, MlvFrameBytes);
        if (!spanned)
        {
            return [first.Vidf(2, MlvFrameBytes).WriteTo(Path.Combine(folder, "M15-1430.MLV"))];
        }

        var second = new MlvWriter()
            .FileHeader(MlvGuid, fileNum: 1, fileCount: 2, videoClass: 1, videoFrames: 1, fpsNom: 23976, fpsDenom: 1000)
            .Vidf(2, MlvFrameBytes);
        return [first.WriteTo(Path.Combine(folder, "M15-1430.MLV")), second.WriteTo(Path.Combine(folder, "M15-1430.M00"))];
    }

    /// <summary>
    /// The RED2 header of A001_C066_0303LZ_001.R3D with the facts REDline printed for the same clip
    /// (shared/conformance/metadata/red): RANGER MONSTRO 8K VV 130-27E-4B5, firmware 7.4.1, 4096×2160 at 24 fps,
    /// reel 001, take 066, 23:17:21:08, 2022-03-03 13:21:46, SIGMA 40 mm at F5.6 focused at 410 mm, ISO 250, 5600 K.
    /// </summary>
    public static R3dWriter R3d() => new R3dWriter()
        .Text(0x1001, "23:17:21:08")
        .Text(0x1005, "20220303132146")
        .Text(0x1006, "130-27E-4B5")
        .Text(0x1019, "RED")
        .Text(0x101A, "001")
        .Text(0x101B, "066")
        .Text(0x1023, "20220303")
        .Text(0x1024, "132146")
        .Text(0x1025, "7.4.1")
        .Text(0x1029, "01:20:52:10")
        .Text(0x1032, "20181024AAUS08390041")
        .Text(0x1056, "A001_C066_0303LZ_001.R3D")
        .Text(0x106E, "SIGMA")
        .Text(0x1070, "40mm T1.5 FF | 018")
        .Text(0x1071, "RANGER MONSTRO 8K VV")
        .Text(0x10A1, "MONSTRO 8K VV")
        .Float(0x200D, 5600f)
        .Float(0x2066, 24f)
        .U16(0x403B, 250)
        .U16(0x406A, 56)
        .U16(0x406B, 40)
        .I32(0x606C, 410)
        // A tag exiftool does not name: kept in the vendor set by its id.
        .Text(0x1041, "NA");
}
