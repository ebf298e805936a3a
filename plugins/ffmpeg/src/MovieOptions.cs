using Rushes.Contracts.Parameters;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>The options a movie deliverable declares, and their values read from a spec.</summary>
internal sealed record MovieOptions
{
    public static readonly ParameterDefinition CodecOption = new()
    {
        Name = "codec",
        Type = ParameterType.Choice,
        Description = "The video codec; every movie is a QuickTime (.mov) file.",
        Default = MovieCodec.ProRes422Hq.Name,
        Choices = [.. MovieCodec.All.Select(c => new ParameterChoice { Value = c.Name, Label = c.Label })],
    };

    public static readonly ParameterDefinition PipeOption = new()
    {
        Name = "pipe",
        Type = ParameterType.Choice,
        Description = "How frames travel to ffmpeg: 16-bit integer RGB (rgb48le), or 32-bit float planes (gbrpf32le) with no quantization before ffmpeg's conversion.",
        Default = "rgb48",
        Choices =
        [
            new ParameterChoice { Value = "rgb48", Label = "16-bit RGB, samples clamped to 0..1 and rounded" },
            new ParameterChoice { Value = "float", Label = "32-bit float planar RGB" },
        ],
    };

    public static readonly ParameterDefinition ChannelsOption = new()
    {
        Name = "channels",
        Type = ParameterType.Choice,
        Description = "RGBA keeps alpha (ProRes 4444 only); an image without alpha gets an opaque one.",
        Default = "rgb",
        Choices = [new ParameterChoice { Value = "rgb", Label = "R, G, B" }, new ParameterChoice { Value = "rgba", Label = "R, G, B, A (prores-4444)" }],
    };

    public static readonly ParameterDefinition CrfOption = new()
    {
        Name = "crf",
        Type = ParameterType.Integer,
        Description = "H.264 constant rate factor (x264: 0 is lossless, 18 is visually transparent for proxies, 23 is x264's default).",
        Default = "18",
        Minimum = 0,
        Maximum = 51,
    };

    public static readonly ParameterDefinition PresetOption = new()
    {
        Name = "preset",
        Type = ParameterType.Choice,
        Description = "H.264 speed/size trade-off (x264 presets).",
        Default = "medium",
        Choices = [.. new[] { "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow" }.Select(p => new ParameterChoice { Value = p, Label = p })],
    };

    public static readonly ParameterDefinition RangeOption = new()
    {
        Name = "range",
        Type = ParameterType.Choice,
        Description = "Y'CbCr code range: limited (video levels, 64-940 in 10-bit) as ProRes and DNxHR require, or full (H.264 only).",
        Default = "limited",
        Choices = [new ParameterChoice { Value = "limited", Label = "Limited (tv)" }, new ParameterChoice { Value = "full", Label = "Full (pc)" }],
    };

    public static readonly ParameterDefinition FfmpegOption = new()
    {
        Name = "ffmpeg",
        Type = ParameterType.Text,
        Description = "The ffmpeg executable: a path, or a name searched on PATH. Empty: the plugin setting 'ffmpeg', else 'ffmpeg' on PATH.",
        Default = string.Empty,
    };

    public static readonly ParameterDefinition NonFiniteOption = new()
    {
        Name = "non-finite",
        Type = ParameterType.Choice,
        Description = "What to do with NaN or infinite samples: refuse the frame, or write NaN as 0 and clamp infinities into 0..1.",
        Default = "reject",
        Choices = [new ParameterChoice { Value = "reject", Label = "Refuse the frame" }, new ParameterChoice { Value = "clamp", Label = "NaN to 0, infinities clamped to 0 or 1" }],
    };

    public static readonly ParameterDefinition BurnInTimecodeOption = new()
    {
        Name = "burn-in-timecode",
        Type = ParameterType.Boolean,
        Description = "Burn the running timecode, from the request's start timecode, into a box at the bottom right of the picture.",
        Default = "false",
    };

    public static readonly ParameterDefinition BurnInClipNameOption = new()
    {
        Name = "burn-in-clip-name",
        Type = ParameterType.Boolean,
        Description = "Burn the clip name (attribute clip-name, else the clip's metadata) into a box at the bottom left of the picture.",
        Default = "false",
    };

    public static readonly ParameterDefinition BurnInFontOption = new()
    {
        Name = "burn-in-font",
        Type = ParameterType.Text,
        Description = "The TrueType/OpenType font file for burn-ins. Empty: the plugin setting 'burn-in-font', else DejaVu Sans Mono or DejaVu Sans (Debian's fonts-dejavu-core).",
        Default = string.Empty,
    };

    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
        [CodecOption, PipeOption, ChannelsOption, CrfOption, PresetOption, RangeOption, FfmpegOption, NonFiniteOption, BurnInTimecodeOption, BurnInClipNameOption, BurnInFontOption];

    public required MovieCodec Codec { get; init; }

    public required bool FloatPipe { get; init; }

    public required bool Alpha { get; init; }

    public required int Crf { get; init; }

    public required string Preset { get; init; }

    public required bool FullRange { get; init; }

    public required string? Ffmpeg { get; init; }

    public required bool ClampNonFinite { get; init; }

    public required bool BurnInTimecode { get; init; }

    public required bool BurnInClipName { get; init; }

    public required string? BurnInFont { get; init; }

    public bool HasBurnIns => BurnInTimecode || BurnInClipName;

    /// <summary>Options the spec set, so that one the codec ignores can be named.</summary>
    public required IReadOnlySet<string> Given { get; init; }

    /// <summary>Reads values already checked against <see cref="Definitions"/>.</summary>
    public static MovieOptions From(ParameterValues values) => new()
    {
        Codec = MovieCodec.Named(values.GetText(CodecOption)!),
        FloatPipe = string.Equals(values.GetText(PipeOption), "float", StringComparison.OrdinalIgnoreCase),
        Alpha = string.Equals(values.GetText(ChannelsOption), "rgba", StringComparison.OrdinalIgnoreCase),
        Crf = (int)values.GetInteger(CrfOption),
        Preset = values.GetText(PresetOption)!.ToLowerInvariant(),
        FullRange = string.Equals(values.GetText(RangeOption), "full", StringComparison.OrdinalIgnoreCase),
        Ffmpeg = string.IsNullOrWhiteSpace(values.GetText(FfmpegOption)) ? null : values.GetText(FfmpegOption)!.Trim(),
        ClampNonFinite = string.Equals(values.GetText(NonFiniteOption), "clamp", StringComparison.OrdinalIgnoreCase),
        BurnInTimecode = values.GetBoolean(BurnInTimecodeOption),
        BurnInClipName = values.GetBoolean(BurnInClipNameOption),
        BurnInFont = string.IsNullOrWhiteSpace(values.GetText(BurnInFontOption)) ? null : values.GetText(BurnInFontOption)!.Trim(),
        Given = values.Given.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
    };
}
