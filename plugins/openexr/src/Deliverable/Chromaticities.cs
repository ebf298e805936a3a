namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>The CIE xy chromaticities written for each colour encoding a deliverable may declare.</summary>
internal static class Chromaticities
{
    // ACES AP0 (SMPTE ST 2065-1, Table 1) with the ACES white point.
    public static readonly float[] Ap0 = [0.7347f, 0.2653f, 0.0f, 1.0f, 0.0001f, -0.0770f, 0.32168f, 0.33767f];

    // ACES AP1 (Academy S-2014-004, ACEScg).
    private static readonly float[] Ap1 = [0.713f, 0.293f, 0.165f, 0.830f, 0.128f, 0.044f, 0.32168f, 0.33767f];

    // ITU-R BT.709-6, Table 1, with D65.
    private static readonly float[] Rec709 = [0.64f, 0.33f, 0.30f, 0.60f, 0.15f, 0.06f, 0.3127f, 0.3290f];

    // ITU-R BT.2020-2, Table 3, with D65.
    private static readonly float[] Rec2020 = [0.708f, 0.292f, 0.170f, 0.797f, 0.131f, 0.046f, 0.3127f, 0.3290f];

    // SMPTE EG 432-1 (P3-D65) and SMPTE RP 431-2 (DCI white).
    private static readonly float[] P3D65 = [0.680f, 0.320f, 0.265f, 0.690f, 0.150f, 0.060f, 0.3127f, 0.3290f];
    private static readonly float[] P3Dci = [0.680f, 0.320f, 0.265f, 0.690f, 0.150f, 0.060f, 0.314f, 0.351f];

    /// <summary>ACES white, the adoptedNeutral of an ACES container (SMPTE ST 2065-4).</summary>
    public static readonly (float X, float Y) AcesWhite = (0.32168f, 0.33767f);

    private static readonly Dictionary<string, float[]> ByEncoding = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ACES2065-1"] = Ap0,
        ["ACES"] = Ap0,
        ["AP0"] = Ap0,
        ["ACEScg"] = Ap1,
        ["ACEScct"] = Ap1,
        ["ACEScc"] = Ap1,
        ["AP1"] = Ap1,
        ["Rec.709"] = Rec709,
        ["BT.709"] = Rec709,
        ["sRGB"] = Rec709,
        ["Rec.2020"] = Rec2020,
        ["BT.2020"] = Rec2020,
        ["P3-D65"] = P3D65,
        ["Display P3"] = P3D65,
        ["P3-DCI"] = P3Dci,
        ["DCI-P3"] = P3Dci,
    };

    /// <summary>The encodings whose chromaticities are known.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. ByEncoding.Keys];

    /// <summary>The chromaticities of an encoding, or null when it is not one of <see cref="Known"/> (the attribute is then left out).</summary>
    public static float[]? For(string encoding) => ByEncoding.GetValueOrDefault(encoding.Trim());

    public static bool IsAces20651(string encoding) => For(encoding) == Ap0;
}
