using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Develop;

namespace Rushes.Plugins.Dng.Development;

/// <summary>What the output pixels mean.</summary>
internal enum OutputSpace
{
    /// <summary>ACES 2065-1 (AP0, linear), through the DNG colour model.</summary>
    Aces,

    /// <summary>White-balanced, exposed camera RGB, linear, before any matrix.</summary>
    CameraLinear,
}

/// <summary>The DNG decode parameters, declared for the host and read back typed from a request.</summary>
internal sealed record DngDecodeOptions(DemosaicMethod Method, WhiteBalance WhiteBalance, double ExposureStops, HighlightMode Highlights, OutputSpace Output, ResolutionLevel Resolution)
{
    public static readonly ParameterDefinition Debayer = new()
    {
        Name = "debayer",
        Type = ParameterType.Choice,
        Description = "Demosaic method at full resolution (half and quarter resolution use 2×2 superpixels).",
        Default = "edge-directed",
        Choices =
        [
            new() { Value = "bilinear", Label = "Bilinear (fast, for proxies)" },
            new() { Value = "malvar-he-cutler", Label = "Malvar-He-Cutler gradient-corrected linear" },
            new() { Value = "edge-directed", Label = "Edge-directed, homogeneity-selected (best quality)" },
        ],
    };

    public static readonly ParameterDefinition WhiteBalanceMode = new()
    {
        Name = "white-balance",
        Type = ParameterType.Choice,
        Description = "As shot (AsShotNeutral or AsShotWhiteXY), a colour temperature with 'kelvin' and 'tint', or channel 'multipliers'.",
        Default = "as-shot",
        Choices = [new() { Value = "as-shot" }, new() { Value = "kelvin" }, new() { Value = "multipliers" }],
    };

    public static readonly ParameterDefinition Kelvin = new()
    {
        Name = "kelvin",
        Type = ParameterType.Number,
        Description = "Scene white's correlated colour temperature, for white-balance=kelvin.",
        Default = "5500",
        Minimum = 2000,
        Maximum = 50000,
    };

    public static readonly ParameterDefinition Tint = new()
    {
        Name = "tint",
        Type = ParameterType.Number,
        Description = "Green-magenta tint on the DNG SDK scale (positive toward magenta), for white-balance=kelvin.",
        Default = "0",
        Minimum = -150,
        Maximum = 150,
    };

    public static readonly ParameterDefinition Multipliers = new()
    {
        Name = "multipliers",
        Type = ParameterType.Text,
        Description = "Red, green and blue multipliers of the camera channels as 'r,g,b', for white-balance=multipliers.",
        Default = "1,1,1",
    };

    public static readonly ParameterDefinition Exposure = new()
    {
        Name = "exposure",
        Type = ParameterType.Number,
        Description = "Exposure in stops, added to the file's BaselineExposure.",
        Default = "0",
        Minimum = -16,
        Maximum = 16,
    };

    public static readonly ParameterDefinition HighlightHandling = new()
    {
        Name = "highlights",
        Type = ParameterType.Choice,
        Description = "Clip balanced photosites at the first channel's saturation (neutral blown areas), or preserve every value.",
        Default = "clip",
        Choices = [new() { Value = "clip" }, new() { Value = "preserve" }],
    };

    public static readonly ParameterDefinition OutputSpaceParameter = new()
    {
        Name = "output-space",
        Type = ParameterType.Choice,
        Description = "ACES 2065-1 through the DNG colour model, or white-balanced camera-native linear RGB.",
        Default = "aces2065-1",
        Choices = [new() { Value = "aces2065-1" }, new() { Value = "camera-linear" }],
    };

    public static IReadOnlyList<ParameterDefinition> All { get; } = [Debayer, WhiteBalanceMode, Kelvin, Tint, Multipliers, Exposure, HighlightHandling, OutputSpaceParameter];

    public static DngDecodeOptions From(DecodeRequest request, string clipPath)
    {
        var values = request.Parameters;
        var problems = values.Validate(All, "The DNG decoder");
        if (problems.Count > 0)
        {
            var first = problems[0];
            throw new InputException(first.Message, clipPath, first.Field, first.Expected);
        }

        if (request.Resolution is not (ResolutionLevel.Full or ResolutionLevel.Half or ResolutionLevel.Quarter))
        {
            throw new InputException($"Resolution {request.Resolution} is not one the DNG decoder offers.", clipPath, "resolution", "full, half or quarter");
        }

        var method = values.GetText(Debayer)!.ToUpperInvariant() switch
        {
            "BILINEAR" => DemosaicMethod.Bilinear,
            "MALVAR-HE-CUTLER" => DemosaicMethod.MalvarHeCutler,
            _ => DemosaicMethod.EdgeDirected,
        };
        // Checked even when another white balance is chosen: a malformed value is a mistake either way.
        var multipliers = ParseMultipliers(values.GetText(Multipliers)!, clipPath);
        var whiteBalance = values.GetText(WhiteBalanceMode)!.ToUpperInvariant() switch
        {
            "KELVIN" => WhiteBalance.Kelvin(values.GetNumber(Kelvin), values.GetNumber(Tint)),
            "MULTIPLIERS" => multipliers,
            _ => WhiteBalance.AsShot,
        };
        var highlights = string.Equals(values.GetText(HighlightHandling), "preserve", StringComparison.OrdinalIgnoreCase) ? HighlightMode.Preserve : HighlightMode.Clip;
        var output = string.Equals(values.GetText(OutputSpaceParameter), "camera-linear", StringComparison.OrdinalIgnoreCase) ? OutputSpace.CameraLinear : OutputSpace.Aces;
        return new DngDecodeOptions(method, whiteBalance, values.GetNumber(Exposure), highlights, output, request.Resolution);
    }

    private static WhiteBalance ParseMultipliers(string text, string clipPath)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !(numbers[i] > 0) || !double.IsFinite(numbers[i]))
            {
                numbers = [];
                break;
            }
        }

        return numbers.Length == 3
            ? WhiteBalance.Multipliers(numbers[0], numbers[1], numbers[2])
            : throw new InputException($"'{text}' is not three white-balance multipliers.", clipPath, Multipliers.Name, "three positive numbers as 'r,g,b'");
    }
}
