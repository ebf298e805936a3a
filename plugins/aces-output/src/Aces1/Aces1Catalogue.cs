namespace Rushes.Plugins.AcesOutput.Aces1;

/// <summary>The ACES 1.3 output transforms this plugin provides, by Academy transformId and OpenColorIO name.</summary>
internal static class Aces1Catalogue
{
    private const string V15 = "urn:ampas:aces:transformId:v1.5:";

    // ACESlib.ODT_Common.ctl: cinema black and white (cd/m²).
    private const double CinemaBlack = 0.02, CinemaWhite = 48;

    public static IEnumerable<OutputDefinition> All()
    {
        var sdr = new Aces1Settings { Scope = Aces1Scope.RrtOdt, MinNits = CinemaBlack, PeakNits = CinemaWhite };
        var rec709 = new DisplayEncoder(Gamut.Rec709, Eotf.Bt1886, 1);
        var srgb = new DisplayEncoder(Gamut.Rec709, Eotf.SrgbPiecewise, 1);
        var p3 = new DisplayEncoder(Gamut.P3D65, Eotf.Gamma26, 1);
        var pq2020 = new DisplayEncoder(Gamut.Rec2020, Eotf.Pq, double.PositiveInfinity);

        // The Academy's transforms (aces-dev v1.3 ACEStransformID / ACESuserName), each with its inverse.
        foreach (var d in Pair("RRT.a1.0.3", "InvRRT.a1.0.3", "ACES 1.0 - RRT", "ACES 1.0 - Inverse RRT",
                     "ACES 1.3 Reference Rendering Transform: ACES2065-1 to OCES (AP0, output-referred; 18 % grey lands at 4.8).",
                     sdr with { Scope = Aces1Scope.Rrt }))
        {
            yield return d;
        }

        foreach (var d in Pair("ODT.Academy.Rec709_100nits_dim.a1.0.3", "InvODT.Academy.Rec709_100nits_dim.a1.0.3", "ACES 1.0 Output - Rec.709", "ACES 1.0 Inverse Output - Rec.709",
                     "ACES 1.3 ODT: OCES to Rec.709, 100 cd/m², dim surround, BT.1886 (γ 2.4) full-range code values.",
                     sdr with { Scope = Aces1Scope.Odt, DimSurround = true, Encoder = rec709 }))
        {
            yield return d;
        }

        foreach (var d in Pair("ODT.Academy.RGBmonitor_100nits_dim.a1.0.3", "InvODT.Academy.RGBmonitor_100nits_dim.a1.0.3", "ACES 1.0 Output - sRGB", "ACES 1.0 Inverse Output - sRGB",
                     "ACES 1.3 ODT: OCES to an sRGB monitor (Rec.709 primaries, 100 cd/m², dim surround, sRGB piecewise curve).",
                     sdr with { Scope = Aces1Scope.Odt, DimSurround = true, Encoder = srgb }))
        {
            yield return d;
        }

        foreach (var d in Pair("ODT.Academy.P3D65_48nits.a1.1.0", "InvODT.Academy.P3D65_48nits.a1.1.0", "ACES 1.0 Output - P3D65", "ACES 1.0 Inverse Output - P3-D65",
                     "ACES 1.3 ODT: OCES to P3-D65 cinema, 48 cd/m², dark surround, γ 2.6.",
                     sdr with { Scope = Aces1Scope.Odt, Encoder = p3 }))
        {
            yield return d;
        }

        foreach (var d in Pair("RRTODT.Academy.Rec2020_1000nits_15nits_ST2084.a1.1.0", "InvRRTODT.Academy.Rec2020_1000nits_15nits_ST2084.a1.1.0",
                     "ACES 1.0 Output - Rec.2020 ST2084 (1000 nits)", "ACES 1.0 Inverse Output - Rec.2020 ST2084 (1000 nits)",
                     "ACES 1.3 single-stage output: ACES2065-1 to Rec.2020 PQ, 0.0001–1000 cd/m² with 18 % grey at 15 cd/m².",
                     Hdr(1000, 15, Gamut.Rec2020) with { Encoder = pq2020 }))
        {
            yield return d;
        }

        // OpenColorIO's built-in ACES 1.x outputs (ACES.cpp): ACES2065-1 to display-referred CIE XYZ (D65
        // adapted); SDR has display white at Y = 1, HDR 100 cd/m² at Y = 1.
        yield return Ocio("SDR-CINEMA_1.0", "SDR cinema (48 cd/m², dark surround).", sdr);
        yield return Ocio("SDR-VIDEO_1.0", "SDR video (100 cd/m², dim surround).", sdr with { DimSurround = true });
        yield return Ocio("SDR-CINEMA-REC709lim_1.1", "SDR cinema limited to Rec.709 primaries.", sdr with { White = Aces1WhiteHandling.Limit, LimitingPrimaries = Gamut.Rec709 });
        yield return Ocio("SDR-VIDEO-REC709lim_1.1", "SDR video limited to Rec.709 primaries.", sdr with { DimSurround = true, White = Aces1WhiteHandling.Limit, LimitingPrimaries = Gamut.Rec709 });
        yield return Ocio("SDR-VIDEO-P3lim_1.1", "SDR video limited to P3-D65 primaries.", sdr with { DimSurround = true, White = Aces1WhiteHandling.Limit, LimitingPrimaries = Gamut.P3D65 });

        // D60 simulation scales and roll-offs as OCIO ACES.cpp sets them.
        yield return Ocio("SDR-CINEMA-D60sim-D65_1.1", "SDR cinema simulating the ACES white on a D65 display.", sdr with { White = Aces1WhiteHandling.SimulateD60, SimulationScale = 0.964 });
        yield return Ocio("SDR-VIDEO-D60sim-D65_1.0", "SDR video simulating the ACES white on a D65 display.", sdr with { DimSurround = true, White = Aces1WhiteHandling.SimulateD60, SimulationScale = 0.955 });
        yield return Ocio("SDR-CINEMA-D60sim-DCI_1.0", "SDR cinema simulating the ACES white on a DCI-white projector.", sdr with { White = Aces1WhiteHandling.SimulateD60OnDci, SimulationScale = 0.96, RollWhite = 0.918 });
        yield return Ocio("SDR-CINEMA-D65sim-DCI_1.1", "SDR cinema simulating D65 white on a DCI-white projector.", sdr with { White = Aces1WhiteHandling.SimulateD65OnDci, SimulationScale = 0.9575, RollWhite = 0.908 });
        foreach (var peak in new[] { 1000, 2000, 4000 })
        {
            yield return Ocio($"HDR-VIDEO-{peak}nit-15nit-REC2020lim_1.1", $"HDR video, {peak} cd/m², limited to Rec.2020.", Hdr(peak, 15, Gamut.Rec2020) with { Scope = Aces1Scope.RrtOdt });
            yield return Ocio($"HDR-VIDEO-{peak}nit-15nit-P3lim_1.1", $"HDR video, {peak} cd/m², limited to P3-D65.", Hdr(peak, 15, Gamut.P3D65) with { Scope = Aces1Scope.RrtOdt });
        }

        yield return Ocio("HDR-CINEMA-108nit-7.2nit-P3lim_1.1", "HDR cinema, 108 cd/m² with grey at 7.2, limited to P3-D65.", Hdr(108, 7.2, Gamut.P3D65));
    }

    // ACESlib.OutputTransforms.ctl outputTransform with the RRTODT presets' 0.0001 cd/m² black.
    private static Aces1Settings Hdr(double peak, double mid, Gamut limit) => new()
    {
        Scope = Aces1Scope.RrtOdt,
        Hdr = true,
        MinNits = 0.0001,
        MidNits = mid,
        PeakNits = peak,
        White = Aces1WhiteHandling.Limit,
        LimitingPrimaries = limit,
    };

    private static IEnumerable<OutputDefinition> Pair(string id, string inverseId, string userName, string inverseUserName, string description, Aces1Settings settings)
    {
        var rendering = new Lazy<Aces1Rendering>(() => new Aces1Rendering(settings));
        yield return new OutputDefinition(V15 + id, [userName], description, () => rendering.Value.Forward(), () => rendering.Value.Inverse());
        yield return new OutputDefinition(V15 + inverseId, [inverseUserName], "Inverse of " + V15 + id + ".", () => rendering.Value.Inverse(), () => rendering.Value.Forward());
    }

    private static OutputDefinition Ocio(string style, string what, Aces1Settings settings)
    {
        var rendering = new Lazy<Aces1Rendering>(() => new Aces1Rendering(settings));
        var name = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - " + style;
        return new OutputDefinition("org.rushes.aces-output.aces1." + style.ToLowerInvariant(), [name],
            $"ACES 1.3 RRT and ODT to display-referred CIE XYZ (OpenColorIO built-in): {what}",
            () => rendering.Value.Forward(), () => rendering.Value.Inverse());
    }
}
