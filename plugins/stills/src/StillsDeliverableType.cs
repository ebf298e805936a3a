using FluentValidation.Results;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using SkiaSharp;

namespace Rushes.Plugins.Stills;

/// <summary>
/// JPEG and PNG stills and thumbnails, one file per frame, encoded by SkiaSharp (libjpeg-turbo, libpng).
/// Input is display-referred RGB: each sample is clamped to 0..1, scaled to 255 or 65535 and rounded to
/// nearest. NaN and infinite samples refuse the frame unless <c>non-finite=clamp</c>.
/// </summary>
public sealed class StillsDeliverableType : IDeliverableType
{
    private static readonly StillsOptionsValidator OptionsValidator = new();

    /// <summary>Creates the component, loading Skia's native library now so that a missing one fails the plugin at load time, not mid-render.</summary>
    public StillsDeliverableType()
    {
        Capabilities = Capabilities.Create()
            .Add(CapabilityNames.BitDepths, "8", "16")
            .Add(CapabilityNames.Channels, "RGB")
            .Add(CapabilityNames.Compressions, "jpeg", "png")
            .Add(CapabilityNames.ColourEncodings, "sRGB", "any display-referred (untagged, icc=false)")
            .Add(CapabilityNames.Sidecars, "amf", "cdl", "cc", "fdl", "provenance")
            .Add("org.rushes.thumbnails", "lanczos3")
            .Add("org.rushes.native-library", $"libSkiaSharp {SkiaSharpVersion.Native}")
            .Build();
    }

    /// <inheritdoc />
    public string Id => "stills";

    /// <inheritdoc />
    public string DisplayName => "JPEG / PNG stills and thumbnails";

    /// <inheritdoc />
    public Capabilities Capabilities { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["jpg", "png"];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Options => StillsOptions.Definitions;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(Options, "Stills");
        return problems.Count > 0 ? problems : ToDiagnostics(OptionsValidator.Validate(StillsOptions.From(options)));
    }

    /// <inheritdoc />
    public IDeliverableWriter CreateWriter(DeliverableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidateOptions(request.Options) is [var problem, ..])
        {
            throw new InputException(problem.Message, field: problem.Field, expected: problem.Expected);
        }

        var options = StillsOptions.From(request.Options);
        if (ToDiagnostics(new StillsRequestValidator(options).Validate(request)) is [var refused, ..])
        {
            throw new InputException(refused.Message, field: refused.Field, expected: refused.Expected);
        }

        return new StillsWriter(request, options);
    }

    private static List<Diagnostic> ToDiagnostics(ValidationResult result)
        => [.. result.Errors.Select(e => Diagnostic.Error(e.ErrorMessage, field: e.PropertyName, expected: e.CustomState as string))];
}
