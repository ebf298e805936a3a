using Rushes.Contracts.Parameters;
using Rushes.Plugins.Tiff.Format;
using Rushes.Plugins.Tiff.IO;

namespace Rushes.Plugins.Tiff.Deliverable;

/// <summary>The options a TIFF deliverable declares, and their values read from a spec.</summary>
internal sealed record TiffOptions
{
    public static readonly ParameterDefinition BitDepthOption = new()
    {
        Name = "bit-depth",
        Type = ParameterType.Choice,
        Description = "The sample type: 16-bit unsigned integers (0.0 to 1.0 as codes 0 to 65535) or 32-bit IEEE floats.",
        Default = "16",
        Choices = [new ParameterChoice { Value = "16", Label = "16-bit unsigned integer" }, new ParameterChoice { Value = "32f", Label = "32-bit float" }],
    };

    public static readonly ParameterDefinition CompressionOption = new()
    {
        Name = "compression",
        Type = ParameterType.Choice,
        Description = "How each strip is stored; both are lossless.",
        Default = "none",
        Choices = [new ParameterChoice { Value = "none", Label = "Uncompressed" }, new ParameterChoice { Value = "deflate", Label = "Deflate (zlib), Adobe compression 8" }],
    };

    public static readonly ParameterDefinition PredictorOption = new()
    {
        Name = "predictor",
        Type = ParameterType.Choice,
        Description = "The predictor applied before Deflate: 'auto' takes horizontal differencing (2) for 16-bit and the floating-point predictor (3) for floats.",
        Default = "auto",
        Choices = [new ParameterChoice { Value = "auto", Label = "The sample type's predictor" }, new ParameterChoice { Value = "none", Label = "No predictor" }],
    };

    public static readonly ParameterDefinition DeflateLevelOption = new()
    {
        Name = "deflate-level",
        Type = ParameterType.Integer,
        Description = "The zlib level of Deflate compression (libtiff's default is 6).",
        Default = "6",
        Minimum = 1,
        Maximum = 9,
    };

    public static readonly ParameterDefinition IccProfileOption = new()
    {
        Name = "icc-profile",
        Type = ParameterType.Text,
        Description = "The path of an RGB ICC profile to embed (tag 34675); none when empty.",
        Default = "",
    };

    public static readonly ParameterDefinition DescriptionOption = new()
    {
        Name = "description",
        Type = ParameterType.Text,
        Description = "The ImageDescription tag; the request's comments when empty.",
        Default = "",
    };

    public static readonly ParameterDefinition NonFiniteOption = new()
    {
        Name = "non-finite",
        Type = ParameterType.Choice,
        Description = "What to do with NaN or infinite samples: refuse the frame, or clamp (16-bit: NaN and -inf to 0, +inf to 65535; float: NaN to 0, infinities to the largest finite float). 16-bit always clamps finite values to 0..1.",
        Default = "reject",
        Choices = [new ParameterChoice { Value = "reject", Label = "Refuse the frame" }, new ParameterChoice { Value = "clamp", Label = "Clamp to the sample type's range" }],
    };

    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
        [BitDepthOption, CompressionOption, PredictorOption, DeflateLevelOption, IccProfileOption, DescriptionOption, NonFiniteOption];

    public required TiffEncoding Encoding { get; init; }

    public required string IccProfile { get; init; }

    public required string Description { get; init; }

    /// <summary>Reads values already checked against <see cref="Definitions"/>.</summary>
    public static TiffOptions From(ParameterValues values)
    {
        var floats = string.Equals(values.GetText(BitDepthOption), "32f", StringComparison.OrdinalIgnoreCase);
        var deflate = string.Equals(values.GetText(CompressionOption), "deflate", StringComparison.OrdinalIgnoreCase);
        var predict = !string.Equals(values.GetText(PredictorOption), "none", StringComparison.OrdinalIgnoreCase);
        return new TiffOptions
        {
            Encoding = new TiffEncoding(
                floats ? TiffSampleType.Float32 : TiffSampleType.UInt16,
                deflate ? TiffCompression.Deflate : TiffCompression.None,
                !deflate || !predict ? TiffPredictor.None : floats ? TiffPredictor.FloatingPoint : TiffPredictor.Horizontal,
                (int)values.GetInteger(DeflateLevelOption),
                string.Equals(values.GetText(NonFiniteOption), "clamp", StringComparison.OrdinalIgnoreCase) ? NonFinitePolicy.Clamp : NonFinitePolicy.Reject),
            IccProfile = values.GetText(IccProfileOption) ?? "",
            Description = values.GetText(DescriptionOption) ?? "",
        };
    }
}
