using FluentValidation.Results;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// QuickTime movies encoded by the system's ffmpeg (ProRes 422 HQ, ProRes 4444, DNxHR HQX, H.264 proxies),
/// with frames piped as 16-bit or float RGB. Display-referred samples: NaN and infinities refuse the frame
/// unless <c>non-finite=clamp</c>; the 16-bit pipe clamps to 0..1.
/// </summary>
public sealed class FfmpegDeliverableType : IDeliverableType
{
    /// <summary>The plugin setting naming the ffmpeg executable.</summary>
    public const string FfmpegSetting = "ffmpeg";

    /// <summary>The plugin setting naming the font file for burn-ins.</summary>
    public const string BurnInFontSetting = "burn-in-font";

    private static readonly MovieOptionsValidator OptionsValidator = new();

    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.BitDepths, "8", "10", "16")
        .Add(CapabilityNames.Channels, "RGB", "RGBA")
        .Add(CapabilityNames.Compressions, [.. MovieCodec.All.Select(c => c.Name)])
        .Add(CapabilityNames.ColourEncodings, ColourTags.Known)
        .Add(CapabilityNames.MultiFrameFile)
        .Add(CapabilityNames.Timecode)
        .Add(CapabilityNames.Sidecars, "amf", "cdl", "cc", "fdl", "provenance")
        .Add("org.rushes.containers", "mov")
        .Add("org.rushes.pipe-formats", "rgb48le", "rgba64le", "gbrpf32le", "gbrapf32le")
        .Build();

    private readonly FfmpegLocator _locator;
    private readonly string? _burnInFont;

    /// <summary>Uses <c>ffmpeg</c> on PATH unless an option names another.</summary>
    public FfmpegDeliverableType()
        : this(configured: null)
    {
    }

    /// <summary>
    /// Takes the ffmpeg path from the plugin setting <c>ffmpeg</c> (<c>Plugins:Settings:org.rushes.ffmpeg:ffmpeg</c>)
    /// and the burn-in font from <c>burn-in-font</c>, when set.
    /// </summary>
    public FfmpegDeliverableType(IPluginContext context)
        : this(Setting(context, FfmpegSetting), Setting(context, BurnInFontSetting))
    {
    }

    private FfmpegDeliverableType(string? configured, string? burnInFont = null)
    {
        _locator = new FfmpegLocator(configured);
        _burnInFont = burnInFont;
    }

    /// <inheritdoc />
    public string Id => "ffmpeg";

    /// <inheritdoc />
    public string DisplayName => "QuickTime movie through ffmpeg (ProRes, DNxHR, H.264)";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["mov"];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Options => MovieOptions.Definitions;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(Options, "Movie (ffmpeg)");
        return problems.Count > 0 ? problems : ToDiagnostics(OptionsValidator.Validate(MovieOptions.From(options)));
    }

    /// <inheritdoc />
    public IDeliverableWriter CreateWriter(DeliverableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidateOptions(request.Options) is [var problem, ..])
        {
            throw new InputException(problem.Message, field: problem.Field, expected: problem.Expected);
        }

        var options = MovieOptions.From(request.Options);
        if (ToDiagnostics(new MovieRequestValidator(options).Validate(request)) is [var refused, ..])
        {
            throw new InputException(refused.Message, field: refused.Field, expected: refused.Expected);
        }

        var font = options.HasBurnIns ? BurnInFont.Resolve(options.BurnInFont, _burnInFont) : null;
        return new MovieWriter(request, options, ColourTags.For(request.ColourEncoding)!, _locator.Resolve(options), font);
    }

    private static string? Setting(IPluginContext? context, string name)
        => context?.Settings.TryGetValue(name, out var value) == true && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static List<Diagnostic> ToDiagnostics(ValidationResult result)
        => [.. result.Errors.Select(e => Diagnostic.Error(e.ErrorMessage, field: e.PropertyName, expected: e.CustomState as string))];
}
