using FluentValidation.Results;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>
/// OpenEXR image sequences, written by our own code: scanline, RGB or RGBA, half or float, NONE, RLE,
/// ZIPS, ZIP or PIZ compression, and the ACES image container mode (SMPTE ST 2065-4). NaN and infinite
/// samples (and half overflow) refuse the frame unless <c>non-finite=clamp</c>.
/// </summary>
public sealed class OpenExrDeliverableType : IDeliverableType
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.BitDepths, "16f", "32f")
        .Add(CapabilityNames.Channels, "RGB", "RGBA")
        .Add(CapabilityNames.Compressions, "none", "rle", "zips", "zip", "piz")
        .Add(CapabilityNames.ColourEncodings, [.. Chromaticities.Known])
        .Add(CapabilityNames.Sidecars, "amf", "cdl", "cc", "fdl", "provenance")
        .Add(CapabilityNames.Timecode)
        .Add("org.rushes.aces-container", "SMPTE ST 2065-4")
        .Build();

    private static readonly OpenExrOptionsValidator OptionsValidator = new();

    /// <inheritdoc />
    public string Id => "openexr";

    /// <inheritdoc />
    public string DisplayName => "OpenEXR image sequence";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["exr"];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Options => OpenExrOptions.Definitions;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(Options, "OpenEXR");
        return problems.Count > 0 ? problems : ToDiagnostics(OptionsValidator.Validate(OpenExrOptions.From(options)));
    }

    /// <inheritdoc />
    public IDeliverableWriter CreateWriter(DeliverableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidateOptions(request.Options) is [var problem, ..])
        {
            throw new InputException(problem.Message, field: problem.Field, expected: problem.Expected);
        }

        var options = OpenExrOptions.From(request.Options);
        if (ToDiagnostics(new OpenExrRequestValidator(options).Validate(request)) is [var refused, ..])
        {
            throw new InputException(refused.Message, field: refused.Field, expected: refused.Expected);
        }

        return new OpenExrWriter(request, options);
    }

    private static List<Diagnostic> ToDiagnostics(ValidationResult result)
        => [.. result.Errors.Select(e => Diagnostic.Error(e.ErrorMessage, field: e.PropertyName, expected: e.CustomState as string))];
}
