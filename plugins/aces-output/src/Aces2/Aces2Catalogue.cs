namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>The ACES 2.0 output transforms this plugin provides, by Academy transformId and OpenColorIO name.</summary>
internal static class Aces2Catalogue
{
    private const string V20 = "urn:ampas:aces:transformId:v2.0:";

    public static IEnumerable<OutputDefinition> All()
    {
        var rec709D60 = Gamut.Rec709.WithWhite(Gamut.D60);
        var p3D60 = Gamut.P3D65.WithWhite(Gamut.D60);
        var rec2020D60 = Gamut.Rec2020.WithWhite(Gamut.D60);

        // aces-output presets (ACEStransformID): peak, limiting primaries, encoding, EOTF. The 48 cd/m²
        // cinema preset renders with a 100 cd/m² peak and a 2.6 gamma, as the CTL sets it.
        foreach (var d in Pair("Rec709-D65_100nit_in_Rec709-D65_BT1886", "Rec.709 display (BT.1886, γ 2.4), 100 cd/m².",
                     100, Gamut.Rec709, new DisplayEncoder(Gamut.Rec709, Eotf.Bt1886, double.PositiveInfinity)))
        {
            yield return d;
        }

        foreach (var d in Pair("Rec709-D65_100nit_in_Rec709-D65_sRGB-Piecewise", "sRGB display (Rec.709 primaries, sRGB piecewise curve), 100 cd/m².",
                     100, Gamut.Rec709, new DisplayEncoder(Gamut.Rec709, Eotf.SrgbPiecewise, double.PositiveInfinity)))
        {
            yield return d;
        }

        foreach (var d in Pair("P3-D65_48nit_in_P3-D65_Gamma2pt6", "P3-D65 cinema, 48 cd/m², γ 2.6.",
                     100, Gamut.P3D65, new DisplayEncoder(Gamut.P3D65, Eotf.Gamma26, double.PositiveInfinity)))
        {
            yield return d;
        }

        // The PQ presets differ only in peak, limiting and encoding primaries.
        var pq2100 = new DisplayEncoder(Gamut.Rec2020, Eotf.Pq, double.PositiveInfinity);
        var pqP3 = new DisplayEncoder(Gamut.P3D65, Eotf.Pq, double.PositiveInfinity);
        foreach (var peak in new[] { 500, 1000, 2000, 4000 })
        {
            foreach (var d in Pair($"P3-D65_{peak}nit_in_Rec2100-D65_ST2084", $"Rec.2100 PQ, {peak} cd/m², limited to P3-D65.", peak, Gamut.P3D65, pq2100)
                .Concat(Pair($"Rec2100-D65_{peak}nit_in_Rec2100-D65_ST2084", $"Rec.2100 PQ, {peak} cd/m².", peak, Gamut.Rec2020, pq2100))
                .Concat(Pair($"P3-D65_{peak}nit_in_P3-D65_ST2084", $"P3-D65 PQ, {peak} cd/m².", peak, Gamut.P3D65, pqP3)))
            {
                yield return d;
            }
        }

        // 108 cd/m² HDR cinema renders with a 225 cd/m² peak (108 × 100/48) and a 0.48 linear scale.
        foreach (var d in Pair("P3-D65_108nit_in_P3-D65_ST2084", "P3-D65 PQ HDR cinema, 108 cd/m².", 225, Gamut.P3D65, pqP3, linearScale: 0.48))
        {
            yield return d;
        }

        // OpenColorIO's built-in ACES 2.0 outputs (ACES.cpp aces2_output_transforms): peak, limiting and
        // encoding primaries, linear scale, white scaling; output display-referred XYZ, 1 = 100 cd/m².
        yield return Ocio("SDR-100nit-REC709_2.0", 100, Gamut.Rec709, Gamut.Rec709);
        yield return Ocio("SDR-100nit-P3-D65_2.0", 100, Gamut.P3D65, Gamut.P3D65);
        yield return Ocio("HDR-108nit-P3-D65_2.0", 225, Gamut.P3D65, Gamut.P3D65, linearScale: 0.48);
        yield return Ocio("HDR-300nit-P3-D65_2.0", 625, Gamut.P3D65, Gamut.P3D65, linearScale: 0.48);
        foreach (var peak in new[] { 500, 1000, 2000, 4000 })
        {
            yield return Ocio($"HDR-{peak}nit-P3-D65_2.0", peak, Gamut.P3D65, Gamut.P3D65);
        }

        foreach (var peak in new[] { 500, 1000, 2000, 4000 })
        {
            yield return Ocio($"HDR-{peak}nit-REC2020_2.0", peak, Gamut.Rec2020, Gamut.Rec2020);
        }

        yield return Ocio("SDR-100nit-REC709-D60-in-REC709-D65_2.0", 100, rec709D60, Gamut.Rec709, scaleWhite: true);
        yield return Ocio("SDR-100nit-REC709-D60-in-P3-D65_2.0", 100, rec709D60, Gamut.P3D65, scaleWhite: true);
        yield return Ocio("SDR-100nit-REC709-D60-in-REC2020-D65_2.0", 100, rec709D60, Gamut.Rec2020, scaleWhite: true);
        yield return Ocio("SDR-100nit-P3-D60-in-P3-D65_2.0", 100, p3D60, Gamut.P3D65, scaleWhite: true);
        yield return Ocio("SDR-100nit-P3-D60-in-XYZ-E_2.0", 100, p3D60, Gamut.XyzE);
        yield return Ocio("HDR-108nit-P3-D60-in-P3-D65_2.0", 225, p3D60, Gamut.P3D65, linearScale: 0.48, scaleWhite: true);
        yield return Ocio("HDR-300nit-P3-D60-in-XYZ-E_2.0", 625, p3D60, Gamut.XyzE, linearScale: 0.48, scaleWhite: true);
        foreach (var peak in new[] { 500, 1000, 2000, 4000 })
        {
            yield return Ocio($"HDR-{peak}nit-P3-D60-in-P3-D65_2.0", peak, p3D60, Gamut.P3D65, scaleWhite: true);
        }

        foreach (var peak in new[] { 500, 1000, 2000, 4000 })
        {
            yield return Ocio($"HDR-{peak}nit-P3-D60-in-REC2020-D65_2.0", peak, p3D60, Gamut.Rec2020, scaleWhite: true);
        }

        foreach (var peak in new[] { 500, 1000, 2000, 4000 })
        {
            yield return Ocio($"HDR-{peak}nit-REC2020-D60-in-REC2020-D65_2.0", peak, rec2020D60, Gamut.Rec2020, scaleWhite: true);
        }
    }

    private static IEnumerable<OutputDefinition> Pair(string name, string what, double peak, Gamut limiting, DisplayEncoder encoder, double linearScale = 1)
    {
        var rendering = new Lazy<Aces2Rendering>(() => new Aces2Rendering(peak, limiting, encoder.Primaries, scaleWhite: false, linearScale, encoder));
        var id = V20 + "Output.Academy." + name + ".a2.v1";
        var inverseId = V20 + "InvOutput.Academy." + name + ".a2.v1";
        yield return new OutputDefinition(id, [], "ACES 2.0 output transform: ACES2065-1 to " + what, () => rendering.Value.Forward(), () => rendering.Value.Inverse());
        yield return new OutputDefinition(inverseId, [], "Inverse of " + id + ".", () => rendering.Value.Inverse(), () => rendering.Value.Forward());
    }

    private static OutputDefinition Ocio(string style, double peak, Gamut limiting, Gamut encoding, double linearScale = 1, bool scaleWhite = false)
    {
        var rendering = new Lazy<Aces2Rendering>(() => new Aces2Rendering(peak, limiting, encoding, scaleWhite, linearScale, encoder: null));
        var name = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - " + style;
        return new OutputDefinition("org.rushes.aces-output.aces2." + style.ToLowerInvariant(), [name],
            $"ACES 2.0 output transform to display-referred CIE XYZ (OpenColorIO built-in): {limiting.Name} limited, {peak} cd/m² tone-scale peak.",
            () => rendering.Value.Forward(), () => rendering.Value.Inverse());
    }
}
