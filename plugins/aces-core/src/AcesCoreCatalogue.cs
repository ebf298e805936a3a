using Rushes.Colour.Kernel;
using Rushes.Contracts.Colour;

namespace Rushes.Plugins.AcesCore;

/// <summary>What aces-core provides: matrices derived from chromaticities in double precision, and curves.</summary>
public sealed partial class AcesCoreTransforms
{
    private const string V15 = "urn:ampas:aces:transformId:v1.5:";
    private const string V20 = "urn:ampas:aces:transformId:v2.0:";
    private const string Own = "org.rushes.aces-core.";

    private static ChromaticAdaptation Bradford => ChromaticAdaptation.Bradford;

    private static MatrixStage Matrix(ColourMatrix m) => new(m);

    private static CurveStage CurveOf(Curve c) => new(c);

    /// <summary>XYZ (D65) to a display gamut's RGB.</summary>
    private static MatrixStage FromXyzD65(Primaries display) => Matrix(display.ToXyz(WhitePoint.D65, Bradford).Invert());

    /// <summary>ACES2065-1 to a D65 gamut's linear RGB, adapting the ACES white with Bradford as OpenColorIO's ACES configs do.</summary>
    private static MatrixStage FromAces(Primaries gamut) => Matrix(Primaries.Ap0.To(gamut, Bradford));

    private static Definition[] AcesSpaces() =>
    [
        new(V15 + "ACEScsc.Academy.ACES_to_ACEScg.a1.0.3", [V20 + "CSC.Academy.ACES_to_ACEScg.a2.v1", "ACES2065-1_to_ACEScg"],
            "ACES2065-1 (AP0 linear) to ACEScg (AP1 linear).",
            [Matrix(Primaries.Ap0.To(Primaries.Ap1, Bradford))]),
        new(V15 + "ACEScsc.Academy.ACEScg_to_ACES.a1.0.3", [V20 + "CSC.Academy.ACEScg_to_ACES.a2.v1", "ACEScg_to_ACES2065-1"],
            "ACEScg (AP1 linear) to ACES2065-1 (AP0 linear).",
            [Matrix(Primaries.Ap1.To(Primaries.Ap0, Bradford))]),
        new(V15 + "ACEScsc.Academy.ACES_to_ACEScct.a1.0.3", [V20 + "CSC.Academy.ACES_to_ACEScct.a2.v1", "ACES2065-1_to_ACEScct"],
            "ACES2065-1 (AP0 linear) to ACEScct (AP1, log with a linear toe).",
            [Matrix(Primaries.Ap0.To(Primaries.Ap1, Bradford)), CurveOf(AcesCurves.LinearToAcesCct)]),
        new(V15 + "ACEScsc.Academy.ACEScct_to_ACES.a1.0.3", [V20 + "CSC.Academy.ACEScct_to_ACES.a2.v1", "ACEScct_to_ACES2065-1"],
            "ACEScct (AP1, log with a linear toe) to ACES2065-1 (AP0 linear).",
            [CurveOf(AcesCurves.LinearToAcesCct.Inverse()), Matrix(Primaries.Ap1.To(Primaries.Ap0, Bradford))]),
        new(V15 + "ACEScsc.Academy.ACES_to_ACEScc.a1.0.3", [V20 + "CSC.Academy.ACES_to_ACEScc.a2.v1", "ACES2065-1_to_ACEScc"],
            "ACES2065-1 (AP0 linear) to ACEScc (AP1, pure log; values at or below zero clamp to the floor).",
            [Matrix(Primaries.Ap0.To(Primaries.Ap1, Bradford)), CurveOf(AcesCurves.LinearToAcesCc)]),
        new(V15 + "ACEScsc.Academy.ACEScc_to_ACES.a1.0.3", [V20 + "CSC.Academy.ACEScc_to_ACES.a2.v1", "ACEScc_to_ACES2065-1"],
            "ACEScc (AP1, pure log) to ACES2065-1 (AP0 linear).",
            [CurveOf(AcesCurves.LinearToAcesCc.Inverse()), Matrix(Primaries.Ap1.To(Primaries.Ap0, Bradford))]),
        new(Own + "acescct-log-to-linear", ["CURVE - ACEScct-LOG_to_LINEAR", "ACEScct-LOG_to_LINEAR"],
            "The ACEScct curve alone: ACEScct code values to AP1 linear, primaries unchanged.",
            [CurveOf(AcesCurves.LinearToAcesCct.Inverse())]),
    ];

    private static Definition[] Utilities() =>
    [
        new(Own + "identity", ["IDENTITY"], "Changes nothing.", [], TransformCategory.Utility),
        new(Own + "ap0-to-xyz-d65-bradford", ["UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD", "ACES2065-1_to_CIE-XYZ-D65"],
            "ACES2065-1 (AP0) to CIE XYZ with the ACES white adapted to D65 by Bradford.",
            [Matrix(Primaries.Ap0.ToXyz(WhitePoint.D65, Bradford))], TransformCategory.Utility),
        new(Own + "ap1-to-xyz-d65-bradford", ["UTILITY - ACES-AP1_to_CIE-XYZ-D65_BFD", "ACEScg_to_CIE-XYZ-D65"],
            "ACEScg (AP1) to CIE XYZ with the ACES white adapted to D65 by Bradford.",
            [Matrix(Primaries.Ap1.ToXyz(WhitePoint.D65, Bradford))], TransformCategory.Utility),
        new(Own + "ap1-to-linear-rec709-bradford", ["UTILITY - ACES-AP1_to_LINEAR-REC709_BFD", "ACEScg_to_Linear-Rec709"],
            "ACEScg (AP1) to linear ITU-R BT.709 primaries, Bradford adaptation from the ACES white to D65.",
            [Matrix(Primaries.Ap1.To(Primaries.Rec709, Bradford))], TransformCategory.Utility),
        new(Own + "pq-to-linear", ["CURVE - ST-2084_to_LINEAR"],
            "SMPTE ST 2084 (PQ) code values to linear light with 1.0 = 100 cd/m², mirrored below zero.",
            [CurveOf(new PqCurve(encode: false))], TransformCategory.Utility),
        new(Own + "linear-to-pq", ["CURVE - LINEAR_to_ST-2084"],
            "Linear light with 1.0 = 100 cd/m² to SMPTE ST 2084 (PQ) code values, mirrored below zero.",
            [CurveOf(new PqCurve(encode: true))], TransformCategory.Utility),
        new(Own + "hlg-oetf", ["CURVE - HLG-OETF"],
            "The ITU-R BT.2100 HLG OETF, scene-linear 3.0 at code 1.0 as in OpenColorIO, mirrored below zero.",
            [CurveOf(new HlgCurve(encode: true))], TransformCategory.Utility),
        new(Own + "hlg-oetf-inverse", ["CURVE - HLG-OETF-INVERSE"],
            "The inverse of the ITU-R BT.2100 HLG OETF, code 1.0 to scene-linear 3.0 as in OpenColorIO, mirrored below zero.",
            [CurveOf(new HlgCurve(encode: false))], TransformCategory.Utility),
    ];

    /// <summary>OpenColorIO's display encodings from CIE XYZ (D65): a matrix to the display's RGB and its inverse EOTF.</summary>
    private static Definition[] DisplayEncodings()
    {
        Definition Display(string id, string ocio, string description, Stage[] stages, bool invertible = true)
            => new(Own + id, ["DISPLAY - CIE-XYZ-D65_to_" + ocio], description, stages, TransformCategory.ColourSpace, invertible);

        var dcdmScale = new ColourMatrix([48 / 52.37, 0, 0, 0, 48 / 52.37, 0, 0, 0, 48 / 52.37]);
        return
        [
            Display("xyz-d65-to-rec1886-rec709", "REC.1886-REC.709", "CIE XYZ (D65) to Rec.709 display code values, the inverse of the BT.1886 EOTF (gamma 2.4); negatives clip to 0.",
                [FromXyzD65(Primaries.Rec709), CurveOf(new PowerCurve(1 / 2.4, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-rec1886-rec709-mirror", "REC.1886-REC.709 - MIRROR NEGS", "As the Rec.709 BT.1886 encoding, with the curve mirrored below zero.",
                [FromXyzD65(Primaries.Rec709), CurveOf(new PowerCurve(1 / 2.4, Negatives.Mirror))]),
            Display("xyz-d65-to-rec1886-rec2020", "REC.1886-REC.2020", "CIE XYZ (D65) to Rec.2020 display code values, the inverse of the BT.1886 EOTF (gamma 2.4); negatives clip to 0.",
                [FromXyzD65(Primaries.Rec2020), CurveOf(new PowerCurve(1 / 2.4, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-rec1886-rec2020-mirror", "REC.1886-REC.2020 - MIRROR NEGS", "As the Rec.2020 BT.1886 encoding, with the curve mirrored below zero.",
                [FromXyzD65(Primaries.Rec2020), CurveOf(new PowerCurve(1 / 2.4, Negatives.Mirror))]),
            Display("xyz-d65-to-g22-rec709", "G2.2-REC.709", "CIE XYZ (D65) to Rec.709 primaries with a pure 2.2 gamma; negatives clip to 0.",
                [FromXyzD65(Primaries.Rec709), CurveOf(new PowerCurve(1 / 2.2, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-g22-rec709-mirror", "G2.2-REC.709 - MIRROR NEGS", "As the gamma 2.2 Rec.709 encoding, with the curve mirrored below zero.",
                [FromXyzD65(Primaries.Rec709), CurveOf(new PowerCurve(1 / 2.2, Negatives.Mirror))]),
            Display("xyz-d65-to-srgb", "sRGB", "CIE XYZ (D65) to sRGB: the piecewise curve from gamma 2.4 and offset 0.055, continuous in slope as OpenColorIO builds it; the linear segment continues below zero.",
                [FromXyzD65(Primaries.Rec709), CurveOf(MonCurve.ContinuousEncode(2.4, 0.055))]),
            Display("xyz-d65-to-srgb-mirror", "sRGB - MIRROR NEGS", "As the sRGB display encoding, with the curve mirrored below zero.",
                [FromXyzD65(Primaries.Rec709), CurveOf(MonCurve.ContinuousEncode(2.4, 0.055, mirror: true))]),
            Display("xyz-d65-to-g26-p3-dci-bradford", "G2.6-P3-DCI-BFD", "CIE XYZ (D65) to DCI-P3 (DCI white, Bradford) with gamma 2.6; negatives clip to 0.",
                [FromXyzD65(Primaries.P3Dci), CurveOf(new PowerCurve(1 / 2.6, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-g26-p3-d65", "G2.6-P3-D65", "CIE XYZ (D65) to P3-D65 with gamma 2.6; negatives clip to 0.",
                [FromXyzD65(Primaries.P3D65), CurveOf(new PowerCurve(1 / 2.6, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-g26-p3-d65-mirror", "G2.6-P3-D65 - MIRROR NEGS", "As the P3-D65 gamma 2.6 encoding, with the curve mirrored below zero.",
                [FromXyzD65(Primaries.P3D65), CurveOf(new PowerCurve(1 / 2.6, Negatives.Mirror))]),
            Display("xyz-d65-to-g26-p3-d60-bradford", "G2.6-P3-D60-BFD", "CIE XYZ (D65) to P3 with the ACES white (Bradford) and gamma 2.6; negatives clip to 0.",
                [FromXyzD65(Primaries.P3D60), CurveOf(new PowerCurve(1 / 2.6, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-dcdm-d65", "DCDM-D65", "CIE XYZ (D65) to DCDM X'Y'Z' (SMPTE ST 428-1): scaled by 48/52.37 and encoded with gamma 2.6; negatives clip to 0.",
                [Matrix(dcdmScale), CurveOf(new PowerCurve(1 / 2.6, Negatives.Clamp))], invertible: false),
            Display("xyz-d65-to-display-p3", "DisplayP3", "CIE XYZ (D65) to Display P3 (P3-D65 primaries, the sRGB curve as OpenColorIO builds it).",
                [FromXyzD65(Primaries.P3D65), CurveOf(MonCurve.ContinuousEncode(2.4, 0.055))]),
            Display("xyz-d65-to-rec2100-pq", "REC.2100-PQ", "CIE XYZ (D65) to Rec.2100 PQ (Rec.2020 primaries, SMPTE ST 2084 with 1.0 = 100 cd/m²).",
                [FromXyzD65(Primaries.Rec2020), CurveOf(new PqCurve(encode: true))]),
            Display("xyz-d65-to-st2084-p3-d65", "ST2084-P3-D65", "CIE XYZ (D65) to P3-D65 with SMPTE ST 2084 (1.0 = 100 cd/m²).",
                [FromXyzD65(Primaries.P3D65), CurveOf(new PqCurve(encode: true))]),
            Display("xyz-d65-to-st2084-dcdm-d65", "ST2084-DCDM-D65", "CIE XYZ (D65) encoded directly with SMPTE ST 2084 (1.0 = 100 cd/m²).",
                [CurveOf(new PqCurve(encode: true))]),
        ];
    }

    /// <summary>ACES2065-1 to the common working and video spaces: no tone mapping, Bradford from the ACES white to D65.</summary>
    private static Definition[] ScenePresentations() =>
    [
        new(Own + "aces-to-linear-rec709", ["ACES2065-1_to_Linear-Rec709", "Linear Rec.709 (sRGB)"],
            "ACES2065-1 to linear ITU-R BT.709 primaries (D65).", [FromAces(Primaries.Rec709)]),
        new(Own + "aces-to-linear-rec2020", ["ACES2065-1_to_Linear-Rec2020", "Linear Rec.2020"],
            "ACES2065-1 to linear ITU-R BT.2020 primaries (D65).", [FromAces(Primaries.Rec2020)]),
        new(Own + "aces-to-linear-p3-d65", ["ACES2065-1_to_Linear-P3-D65", "Linear P3-D65"],
            "ACES2065-1 to linear P3-D65 primaries.", [FromAces(Primaries.P3D65)]),
        new(Own + "aces-to-rec709-bt1886", ["ACES2065-1_to_Rec709-BT1886", "Rec.1886 Rec.709"],
            "ACES2065-1 to Rec.709 encoded with the inverse BT.1886 EOTF (gamma 2.4), no tone mapping; negatives clip to 0.",
            [FromAces(Primaries.Rec709), CurveOf(new PowerCurve(1 / 2.4, Negatives.Clamp))], invertible: false),
        new(Own + "aces-to-rec709-oetf", ["ACES2065-1_to_Rec709-OETF", "Rec.709 camera"],
            "ACES2065-1 to Rec.709 encoded with the ITU-R BT.709 camera OETF (4.5 L below 0.018, 1.099 L^0.45 − 0.099 above).",
            [FromAces(Primaries.Rec709), CurveOf(MonCurve.Rec709Oetf())]),
        new(Own + "aces-to-srgb", ["ACES2065-1_to_sRGB", "sRGB Encoded Rec.709 (sRGB)"],
            "ACES2065-1 to sRGB (Rec.709 primaries, IEC 61966-2-1 piecewise curve), no tone mapping.",
            [FromAces(Primaries.Rec709), CurveOf(MonCurve.SrgbEncode())]),
        new(Own + "aces-to-display-p3", ["ACES2065-1_to_DisplayP3", "Display P3"],
            "ACES2065-1 to Display P3 (P3-D65 primaries, sRGB piecewise curve), no tone mapping.",
            [FromAces(Primaries.P3D65), CurveOf(MonCurve.SrgbEncode())]),
        new(Own + "aces-to-p3-d65-gamma26", ["ACES2065-1_to_P3-D65-G2.6", "Gamma 2.6 Encoded P3-D65"],
            "ACES2065-1 to P3-D65 encoded with gamma 2.6, no tone mapping; negatives clip to 0.",
            [FromAces(Primaries.P3D65), CurveOf(new PowerCurve(1 / 2.6, Negatives.Clamp))], invertible: false),
        new(Own + "aces-to-rec2100-pq", ["ACES2065-1_to_Rec2100-PQ", "Rec.2100-PQ"],
            "ACES2065-1 to Rec.2020 primaries encoded with SMPTE ST 2084 (1.0 = 100 cd/m²), no tone mapping.",
            [FromAces(Primaries.Rec2020), CurveOf(new PqCurve(encode: true))]),
        new(Own + "aces-to-rec2100-hlg", ["ACES2065-1_to_Rec2100-HLG", "Rec.2100-HLG"],
            "ACES2065-1 to Rec.2020 primaries encoded with the BT.2100 HLG OETF (scene-referred, OpenColorIO's scaling: 3.0 at code 1), no OOTF.",
            [FromAces(Primaries.Rec2020), CurveOf(new HlgCurve(encode: true))]),
    ];
}
