using Rushes.Contracts.Parameters;

namespace Rushes.Plugins.Stills;

/// <summary>The file format of a still.</summary>
internal enum StillFormat
{
    Jpeg,
    Png,
}

/// <summary>The options a stills deliverable declares, and their values read from a spec.</summary>
internal sealed record StillsOptions
{
    public static readonly ParameterDefinition FormatOption = new()
    {
        Name = "format",
        Type = ParameterType.Choice,
        Description = "The file format of each still.",
        Default = "jpeg",
        Choices =
        [
            new ParameterChoice { Value = "jpeg", Label = "JPEG (8-bit, lossy)" },
            new ParameterChoice { Value = "png", Label = "PNG (8- or 16-bit, lossless)" },
        ],
    };

    public static readonly ParameterDefinition QualityOption = new()
    {
        Name = "quality",
        Type = ParameterType.Integer,
        Description = "JPEG quality (libjpeg scale); 95 keeps grain and gradients for review stills.",
        Default = "95",
        Minimum = 1,
        Maximum = 100,
    };

    public static readonly ParameterDefinition SubsamplingOption = new()
    {
        Name = "chroma-subsampling",
        Type = ParameterType.Choice,
        Description = "JPEG chroma subsampling: 4:4:4 keeps colour edges, 4:2:0 makes smaller thumbnails.",
        Default = "444",
        Choices =
        [
            new ParameterChoice { Value = "444", Label = "4:4:4 (no subsampling)" },
            new ParameterChoice { Value = "422", Label = "4:2:2 (half horizontal chroma)" },
            new ParameterChoice { Value = "420", Label = "4:2:0 (half horizontal and vertical chroma)" },
        ],
    };

    public static readonly ParameterDefinition BitDepthOption = new()
    {
        Name = "bit-depth",
        Type = ParameterType.Choice,
        Description = "Bits per sample: 8, or 16 for PNG.",
        Default = "8",
        Choices = [new ParameterChoice { Value = "8", Label = "8-bit" }, new ParameterChoice { Value = "16", Label = "16-bit (PNG only)" }],
    };

    public static readonly ParameterDefinition LongEdgeOption = new()
    {
        Name = "long-edge",
        Type = ParameterType.Integer,
        Description = "Thumbnail size: the longer side in pixels after resizing (Lanczos-3); 0 keeps the frame's size. Never enlarges.",
        Default = "0",
        Minimum = 0,
        Maximum = 65536,
    };

    public static readonly ParameterDefinition IccOption = new()
    {
        Name = "icc",
        Type = ParameterType.Boolean,
        Description = "Tag the file as sRGB: an ICC profile in JPEG (APP2), the sRGB chunk in PNG. Needs sRGB pixels.",
        Default = "true",
    };

    public static readonly ParameterDefinition PngLevelOption = new()
    {
        Name = "png-level",
        Type = ParameterType.Integer,
        Description = "The zlib level of PNG compression (0 stores, 9 is smallest); lossless at every level.",
        Default = "6",
        Minimum = 0,
        Maximum = 9,
    };

    public static readonly ParameterDefinition NonFiniteOption = new()
    {
        Name = "non-finite",
        Type = ParameterType.Choice,
        Description = "What to do with NaN or infinite samples: refuse the frame, or write NaN as 0 and clamp infinities into 0..1.",
        Default = "reject",
        Choices = [new ParameterChoice { Value = "reject", Label = "Refuse the frame" }, new ParameterChoice { Value = "clamp", Label = "NaN to 0, infinities clamped to 0 or 1" }],
    };

    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
        [FormatOption, QualityOption, SubsamplingOption, BitDepthOption, LongEdgeOption, IccOption, PngLevelOption, NonFiniteOption];

    public required StillFormat Format { get; init; }

    public required int Quality { get; init; }

    public required string ChromaSubsampling { get; init; }

    public required int BitDepth { get; init; }

    public required int LongEdge { get; init; }

    public required bool Icc { get; init; }

    public required int PngLevel { get; init; }

    public required bool ClampNonFinite { get; init; }

    /// <summary>Options the spec set that only the other format reads, so a mismatch can be named.</summary>
    public required IReadOnlySet<string> Given { get; init; }

    public string Extension => Format == StillFormat.Png ? "png" : "jpg";

    /// <summary>Reads values already checked against <see cref="Definitions"/>.</summary>
    public static StillsOptions From(ParameterValues values) => new()
    {
        Format = string.Equals(values.GetText(FormatOption), "png", StringComparison.OrdinalIgnoreCase) ? StillFormat.Png : StillFormat.Jpeg,
        Quality = (int)values.GetInteger(QualityOption),
        ChromaSubsampling = values.GetText(SubsamplingOption)!,
        BitDepth = values.GetText(BitDepthOption) == "16" ? 16 : 8,
        LongEdge = (int)values.GetInteger(LongEdgeOption),
        Icc = values.GetBoolean(IccOption),
        PngLevel = (int)values.GetInteger(PngLevelOption),
        ClampNonFinite = string.Equals(values.GetText(NonFiniteOption), "clamp", StringComparison.OrdinalIgnoreCase),
        Given = values.Given.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
    };
}
