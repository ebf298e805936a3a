using System.Collections.Frozen;
using System.Globalization;
using Rushes.Colour.Kernel;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.CameraLog;

/// <summary>
/// Camera log encodings and gamuts to and from ACES2065-1. Canonical ids are the Academy's ACES 2.0
/// CSC transformIds (aces-input-and-colorspaces); the ACES 1.x IDT/ACEScsc ids and OpenColorIO's
/// built-in names resolve to them as aliases. Inverse runs ACES2065-1 to the camera encoding.
/// </summary>
public sealed class CameraLogTransforms : IColourTransformProvider
{
    private const string V15 = "urn:ampas:aces:transformId:v1.5:";
    private const string V20 = "urn:ampas:aces:transformId:v2.0:";

    /// <summary>The exposure indices ARRI published ACES 1.x LogC3 IDTs for.</summary>
    internal static readonly int[] ArriExposureIndices = [160, 200, 250, 320, 400, 500, 640, 800, 1000, 1280, 1600, 2000, 2560, 3200];

    private static readonly ParameterDefinition ExposureIndex = new()
    {
        Name = "ei",
        Type = ParameterType.Number,
        Description = "The camera's exposure index (ASA) when the footage was shot.",
        Default = "800",
        Minimum = 160,
        Maximum = 3200,
    };

    internal static readonly CameraEncoding[] Encodings = Build();

    private static readonly FrozenDictionary<string, CameraEncoding> ByName = Encodings
        .SelectMany(e => e.Aliases.Prepend(e.Id).Select(name => KeyValuePair.Create(name, e)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Id => "camera-log";

    /// <inheritdoc />
    public string DisplayName => "Camera log encodings and gamuts (ARRI, Sony, RED, Panasonic, Canon, Blackmagic, DJI, Apple)";

    /// <inheritdoc />
    public Capabilities Capabilities { get; } = Capabilities.Create().Add(CapabilityNames.Inverse).Build();

    /// <inheritdoc />
    public IReadOnlyList<TransformInfo> Transforms { get; } = [.. Encodings.Select(e => new TransformInfo
    {
        Id = e.Id,
        Aliases = e.Aliases,
        Description = e.Description,
        Category = e.Category,
        Invertible = true,
        Parameters = e.TakesExposureIndex ? [ExposureIndex] : [],
    })];

    /// <inheritdoc />
    public IPixelProcessor Compile(TransformDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (!ByName.TryGetValue(description.TransformId ?? string.Empty, out var encoding))
        {
            throw new InputException(
                $"The camera-log plugin has no transform '{description.TransformId}'.",
                field: "transformId",
                expected: "an id listed by 'rushes color list'");
        }

        if (description.Direction is not (TransformDirection.Forward or TransformDirection.Inverse))
        {
            throw new InputException($"'{description.Direction}' is not a transform direction.", field: "direction", expected: "Forward or Inverse");
        }

        ParameterDefinition[] declared = encoding.TakesExposureIndex ? [ExposureIndex] : [];
        var problems = description.Parameters.Validate(declared, encoding.Id);
        if (problems.Count > 0)
        {
            var problem = problems[0];
            throw new InputException(problem.Message, field: problem.Field, expected: problem.Expected);
        }

        var ei = encoding.TakesExposureIndex ? description.Parameters.GetNumber(ExposureIndex) : encoding.FixedExposureIndex;
        var stages = encoding.ForwardStages(ei);
        if (description.Direction == TransformDirection.Inverse)
        {
            stages = [.. stages.Reverse().Select(s => s.Inverse())];
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{encoding.Id}|{description.Direction}{(encoding.TakesExposureIndex ? $"|ei={ei}" : string.Empty)}");
        return new StageProcessor(name, stages);
    }

    private static CameraEncoding[] Build()
    {
        var cat02 = ChromaticAdaptation.Cat02;
        var bradford = ChromaticAdaptation.Bradford;
        var list = new List<CameraEncoding>
        {
            new(V20 + "CSC.Arri.LogC3_to_ACES.a2.v1", [],
                "ARRI LogC3 (ALEXA, any exposure index; parameter 'ei', default 800) with ALEXA Wide Gamut 3 to ACES2065-1 (CAT02).",
                CameraCurves.LogC3, CameraGamuts.AlexaWideGamut3, cat02, TakesExposureIndex: true),
        };

        foreach (var ei in ArriExposureIndices)
        {
            string[] aliases = ei == 800
                ? [V15 + "IDT.ARRI.Alexa-v3-logC-EI800.a1.v1", V15 + "ACEScsc.Academy.LogC_EI800_AWG_to_ACES.a1.1.0", "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1"]
                : [V15 + $"IDT.ARRI.Alexa-v3-logC-EI{ei}.a1.v1"];
            list.Add(new(V15 + $"IDT.ARRI.Alexa-v3-logC-EI{ei}.a1.v2", aliases,
                $"ARRI LogC3 at EI {ei} with ALEXA Wide Gamut 3 to ACES2065-1 (CAT02).",
                CameraCurves.LogC3, CameraGamuts.AlexaWideGamut3, cat02, FixedExposureIndex: ei));
        }

        list.AddRange(
        [
            new(V20 + "CSC.Arri.LogC4_to_ACES.a2.v1", [V15 + "IDT.ARRI.ARRI-LogC4.a1.v1", V15 + "ACEScsc.Academy.LogC4_to_ACES.a1.1.0", "ARRI_LOGC4_to_ACES2065-1"],
                "ARRI LogC4 (ALEXA 35) with ARRI Wide Gamut 4 to ACES2065-1 (CAT02).",
                _ => CameraCurves.LogC4(), CameraGamuts.ArriWideGamut4, cat02),
            new(V20 + "CSC.Sony.SLog3_SGamut3_to_ACES.a2.v1", [V15 + "IDT.Sony.SLog3_SGamut3.a1.v1", V15 + "ACEScsc.Academy.SLog3_SGamut3_to_ACES.a1.1.0", "SONY_SLOG3-SGAMUT3_to_ACES2065-1"],
                "Sony S-Log3 with S-Gamut3 to ACES2065-1 (CAT02).",
                _ => CameraCurves.SLog3(), CameraGamuts.SGamut3, cat02),
            new(V20 + "CSC.Sony.SLog3_SGamut3Cine_to_ACES.a2.v1", [V15 + "IDT.Sony.SLog3_SGamut3Cine.a1.v1", V15 + "ACEScsc.Academy.SLog3_SGamut3Cine_to_ACES.a1.1.0", "SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1"],
                "Sony S-Log3 with S-Gamut3.Cine to ACES2065-1 (CAT02).",
                _ => CameraCurves.SLog3(), CameraGamuts.SGamut3Cine, cat02),
            new(V20 + "CSC.Sony.Venice_SLog3_SGamut3_to_ACES.a2.v1", [V15 + "IDT.Sony.Venice_SLog3_SGamut3.a1.v1", "SONY_SLOG3-SGAMUT3-VENICE_to_ACES2065-1"],
                "Sony VENICE S-Log3 with VENICE S-Gamut3 to ACES2065-1 (CAT02).",
                _ => CameraCurves.SLog3(), CameraGamuts.VeniceSGamut3, cat02),
            new(V20 + "CSC.Sony.Venice_SLog3_SGamut3Cine_to_ACES.a2.v1", [V15 + "IDT.Sony.Venice_SLog3_SGamut3Cine.a1.v1", "SONY_SLOG3-SGAMUT3.CINE-VENICE_to_ACES2065-1"],
                "Sony VENICE S-Log3 with VENICE S-Gamut3.Cine to ACES2065-1 (CAT02).",
                _ => CameraCurves.SLog3(), CameraGamuts.VeniceSGamut3Cine, cat02),
            new(V20 + "CSC.Red.Log3G10_RWG_to_ACES.a2.v1", [V15 + "ACEScsc.Academy.Log3G10_RWG_to_ACES.a1.1.0", "RED_LOG3G10-RWG_to_ACES2065-1"],
                "RED Log3G10 with REDWideGamutRGB to ACES2065-1 (Bradford).",
                _ => CameraCurves.Log3G10(), CameraGamuts.RedWideGamutRgb, bradford),
            new("org.rushes.camera-log.redlogfilm-rwg-to-aces", ["RED_REDLOGFILM-RWG_to_ACES2065-1"],
                "RED REDLogFilm with REDWideGamutRGB to ACES2065-1 (Bradford); no Academy transformId exists.",
                _ => CameraCurves.RedLogFilm(), CameraGamuts.RedWideGamutRgb, bradford),
            new(V20 + "CSC.Panasonic.VLog_VGamut_to_ACES.a2.v1", [V15 + "ACEScsc.Academy.VLog_VGamut_to_ACES.a1.1.0", "PANASONIC_VLOG-VGAMUT_to_ACES2065-1"],
                "Panasonic V-Log with V-Gamut to ACES2065-1 (Bradford).",
                _ => CameraCurves.VLog(), CameraGamuts.VGamut, bradford),
            new(V20 + "CSC.Canon.CLog2_CGamut_to_ACES.a2.v1", [V15 + "ACEScsc.Academy.CLog2_CGamut_to_ACES.a1.1.0", "CANON_CLOG2-CGAMUT_to_ACES2065-1"],
                "Canon Log 2 with Cinema Gamut to ACES2065-1 (CAT02).",
                _ => CameraCurves.CanonLog2(), CameraGamuts.CinemaGamut, cat02),
            new(V20 + "CSC.Canon.CLog3_CGamut_to_ACES.a2.v1", [V15 + "ACEScsc.Academy.CLog3_CGamut_to_ACES.a1.1.0", "CANON_CLOG3-CGAMUT_to_ACES2065-1"],
                "Canon Log 3 with Cinema Gamut to ACES2065-1 (CAT02).",
                _ => CameraCurves.CanonLog3(), CameraGamuts.CinemaGamut, cat02),
            new(V20 + "CSC.Canon.CLog2_BT2020_to_ACES.a2.v1", ["CANON_CLOG2-BT2020_to_ACES2065-1"],
                "Canon Log 2 with ITU-R BT.2020 primaries to ACES2065-1 (CAT02, as Canon's CSC).",
                _ => CameraCurves.CanonLog2(), Primaries.Rec2020, cat02),
            new(V20 + "CSC.Canon.CLog3_BT2020_to_ACES.a2.v1", ["CANON_CLOG3-BT2020_to_ACES2065-1"],
                "Canon Log 3 with ITU-R BT.2020 primaries to ACES2065-1 (CAT02, as Canon's CSC).",
                _ => CameraCurves.CanonLog3(), Primaries.Rec2020, cat02),
            new(V20 + "CSC.Blackmagic.BMDFilm_WideGamut_Gen5_to_ACES.a2.v1", [V15 + "IDT.BlackmagicDesign.BMDFilm_WideGamut_Gen5.a1.v1", V15 + "ACEScsc.Academy.BMDFilm_WideGamut_Gen5_to_ACES.a1.v1", "BMDFilm_WideGamut_Gen5_to_ACES2065-1"],
                "Blackmagic Film Generation 5 with Blackmagic Wide Gamut Gen 5 to ACES2065-1 (CAT02).",
                _ => CameraCurves.BlackmagicFilmGen5(), CameraGamuts.BlackmagicWideGamutGen5, cat02),
            new("org.rushes.camera-log.davinci-intermediate-dwg-to-aces", ["DaVinci_Intermediate-DWG_to_ACES2065-1"],
                "DaVinci Intermediate with DaVinci Wide Gamut to ACES2065-1 (CAT02); no Academy transformId or OpenColorIO built-in exists.",
                _ => CameraCurves.DaVinciIntermediate(), CameraGamuts.DaVinciWideGamut, cat02),
            new(V20 + "CSC.DJI.DLog_DGamut_to_ACES.a2.v1", ["DJI_DLOG-DGAMUT_to_ACES2065-1"],
                "DJI D-Log with D-Gamut to ACES2065-1 (CAT02).",
                _ => CameraCurves.DLog(), CameraGamuts.DGamut, cat02),
            new(V20 + "CSC.Apple.AppleLog_BT2020_to_ACES.a2.v1", [V15 + "IDT.Apple.AppleLog_BT2020.a1.v1", "APPLE_LOG_to_ACES2065-1"],
                "Apple Log with ITU-R BT.2020 primaries to ACES2065-1 (Bradford).",
                _ => CameraCurves.AppleLog(), Primaries.Rec2020, bradford),
            new("org.rushes.camera-log.curve.canon-clog2-to-linear", ["CURVE - CANON_CLOG2_to_LINEAR"],
                "The Canon Log 2 curve alone: code values to scene-linear, primaries unchanged.",
                _ => CameraCurves.CanonLog2(), null, null),
            new("org.rushes.camera-log.curve.canon-clog3-to-linear", ["CURVE - CANON_CLOG3_to_LINEAR"],
                "The Canon Log 3 curve alone: code values to scene-linear, primaries unchanged.",
                _ => CameraCurves.CanonLog3(), null, null),
            new("org.rushes.camera-log.curve.apple-log-to-linear", ["CURVE - APPLE_LOG_to_LINEAR"],
                "The Apple Log curve alone: code values to scene-linear, primaries unchanged.",
                _ => CameraCurves.AppleLog(), null, null),
        ]);
        return [.. list];
    }
}
