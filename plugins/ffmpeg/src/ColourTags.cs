namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// The colour description a movie is tagged with (ITU-T H.273 code points, by ffmpeg's names), and the
/// Y'CbCr matrix the RGB frames are converted with. Derived from the deliverable's declared colour encoding.
/// </summary>
internal sealed record ColourTags(string Primaries, string Transfer, string Matrix)
{
    /// <summary>The encodings we can label: display-referred video encodings.</summary>
    public static readonly string[] Known = ["Rec.709 / BT.1886", "sRGB", "Rec.2020", "Rec.2100 PQ (ST 2084)", "Rec.2100 HLG", "P3-D65 PQ (ST 2084)"];

    /// <summary>The tags for an encoding name such as <c>Rec.709</c> or <c>Rec709-D65_100nit_in_Rec709-D65_sRGB-Piecewise</c>; null when unknown.</summary>
    public static ColourTags? For(string? encoding)
    {
        if (string.IsNullOrWhiteSpace(encoding))
        {
            return null;
        }

        var name = encoding.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        string? primaries = name.Contains("2020", StringComparison.Ordinal) || name.Contains("2100", StringComparison.Ordinal) ? "bt2020"
            : name.Contains("P3D65", StringComparison.Ordinal) || name.Contains("P3-D65", StringComparison.Ordinal) ? "smpte432"
            : name.Contains("709", StringComparison.Ordinal) || name.Contains("SRGB", StringComparison.Ordinal) || name.Contains("1886", StringComparison.Ordinal) ? "bt709"
            : null;
        if (primaries is null)
        {
            return null;
        }

        // The transfer named in the encoding wins; plain Rec.709/Rec.2020 mean their own (BT.1886-displayed) curves.
        string? transfer = name.Contains("SRGB", StringComparison.Ordinal) ? "iec61966-2-1"
            : name.Contains("ST2084", StringComparison.Ordinal) || name.Contains("PQ", StringComparison.Ordinal) ? "smpte2084"
            : name.Contains("HLG", StringComparison.Ordinal) ? "arib-std-b67"
            : primaries == "bt2020" ? "bt2020-10"
            : primaries == "bt709" ? "bt709"
            : null;
        if (transfer is null)
        {
            return null;
        }

        // BT.2020 non-constant luminance for BT.2020/2100 pictures, BT.709 otherwise (P3 masters go out with the BT.709 matrix).
        return new ColourTags(primaries, transfer, primaries == "bt2020" ? "bt2020nc" : "bt709");
    }

    /// <summary>swscale's name for the matrix (its <c>out_color_matrix</c> takes <c>bt2020</c>, not <c>bt2020nc</c>).</summary>
    public string ScaleMatrix => Matrix == "bt2020nc" ? "bt2020" : Matrix;
}
