using Rushes.Contracts.Parameters;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>The options an OpenEXR deliverable declares, and their values read from a spec.</summary>
internal sealed record OpenExrOptions
{
    public static readonly ParameterDefinition CompressionOption = new()
    {
        Name = "compression",
        Type = ParameterType.Choice,
        Description = "How each chunk of scanlines is compressed; all are lossless.",
        Default = "zip",
        Choices =
        [
            new ParameterChoice { Value = "none", Label = "Uncompressed" },
            new ParameterChoice { Value = "rle", Label = "Run-length, one scanline per chunk" },
            new ParameterChoice { Value = "zips", Label = "zlib, one scanline per chunk" },
            new ParameterChoice { Value = "zip", Label = "zlib, 16 scanlines per chunk" },
            new ParameterChoice { Value = "piz", Label = "Wavelet and Huffman, 32 scanlines per chunk" },
        ],
    };

    public static readonly ParameterDefinition PixelTypeOption = new()
    {
        Name = "pixel-type",
        Type = ParameterType.Choice,
        Description = "The sample type of every channel.",
        Default = "half",
        Choices =
        [
            new ParameterChoice { Value = "half", Label = "16-bit float" },
            new ParameterChoice { Value = "float", Label = "32-bit float" },
        ],
    };

    public static readonly ParameterDefinition ChannelsOption = new()
    {
        Name = "channels",
        Type = ParameterType.Choice,
        Description = "The channels written; RGBA of an image without alpha writes an opaque alpha of 1.",
        Default = "rgb",
        Choices = [new ParameterChoice { Value = "rgb", Label = "R, G, B" }, new ParameterChoice { Value = "rgba", Label = "R, G, B, A" }],
    };

    public static readonly ParameterDefinition AcesContainerOption = new()
    {
        Name = "aces-container",
        Type = ParameterType.Boolean,
        Description = "Write an ACES image container file (SMPTE ST 2065-4): half, RGB(A), AP0, uncompressed, acesImageContainerFlag = 1.",
        Default = "false",
    };

    public static readonly ParameterDefinition NonFiniteOption = new()
    {
        Name = "non-finite",
        Type = ParameterType.Choice,
        Description = "What to do with NaN, infinite, or (in half) out-of-range samples: refuse the frame, or write NaN as 0 and clamp to the largest finite value.",
        Default = "reject",
        Choices = [new ParameterChoice { Value = "reject", Label = "Refuse the frame" }, new ParameterChoice { Value = "clamp", Label = "NaN to 0, infinities to the largest finite value" }],
    };

    public static readonly ParameterDefinition ZipLevelOption = new()
    {
        Name = "zip-level",
        Type = ParameterType.Integer,
        Description = "The zlib level of zip and zips compression (OpenEXR's default is 4).",
        Default = "4",
        Minimum = 1,
        Maximum = 9,
    };

    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
        [CompressionOption, PixelTypeOption, ChannelsOption, AcesContainerOption, NonFiniteOption, ZipLevelOption];

    public required ExrCompression Compression { get; init; }

    public required ExrPixelType PixelType { get; init; }

    public required bool Alpha { get; init; }

    public required bool AcesContainer { get; init; }

    public required NonFinitePolicy NonFinite { get; init; }

    public required int ZipLevel { get; init; }

    /// <summary>Reads values already checked against <see cref="Definitions"/>.</summary>
    public static OpenExrOptions From(ParameterValues values) => new()
    {
        Compression = values.GetText(CompressionOption)!.ToLowerInvariant() switch
        {
            "none" => ExrCompression.None,
            "rle" => ExrCompression.Rle,
            "zips" => ExrCompression.Zips,
            "piz" => ExrCompression.Piz,
            _ => ExrCompression.Zip,
        },
        PixelType = string.Equals(values.GetText(PixelTypeOption), "float", StringComparison.OrdinalIgnoreCase) ? ExrPixelType.Float : ExrPixelType.Half,
        Alpha = string.Equals(values.GetText(ChannelsOption), "rgba", StringComparison.OrdinalIgnoreCase),
        AcesContainer = values.GetBoolean(AcesContainerOption),
        NonFinite = string.Equals(values.GetText(NonFiniteOption), "clamp", StringComparison.OrdinalIgnoreCase) ? NonFinitePolicy.Clamp : NonFinitePolicy.Reject,
        ZipLevel = (int)values.GetInteger(ZipLevelOption),
    };
}
