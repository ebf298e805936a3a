namespace Rushes.Plugins.Stills;

/// <summary>Which declared colour encodings the sRGB tag truthfully describes.</summary>
internal static class SrgbTag
{
    /// <summary>
    /// True for an sRGB display encoding (IEC 61966-2-1: Rec.709 primaries, the piecewise sRGB curve), by the
    /// names the colour registry and ACES output transforms give it (<c>sRGB</c>, <c>ACES 1.0 Output - sRGB</c>,
    /// <c>Rec709-D65_100nit_in_Rec709-D65_sRGB-Piecewise</c>).
    /// </summary>
    public static bool Describes(string? colourEncoding)
        => colourEncoding is not null && colourEncoding.Contains("sRGB", StringComparison.OrdinalIgnoreCase);
}
