using FluentValidation.Results;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Tiff.Deliverable;

/// <summary>
/// Baseline TIFF image sequences, written by our own code: RGB, chunky strips, 16-bit unsigned integers or 32-bit
/// IEEE floats, uncompressed or Deflate with the predictor of the sample type, and an optional ICC profile. 16-bit
/// samples are quantized as round(clamp(v, 0, 1) × 65535); NaN and infinite samples refuse the frame unless
/// <c>non-finite=clamp</c>.
/// </summary>
public sealed class TiffDeliverableType : IDeliverableType
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.BitDepths, "16", "32f")
        .Add(CapabilityNames.Channels, "RGB")
        .Add(CapabilityNames.Compressions, "none", "deflate")
        // TIFF carries no colour labels of its own: any encoding is written, labelled by an ICC profile when given.
        .Add(CapabilityNames.ColourEncodings, "any", "icc-profile")
        .Add(CapabilityNames.Sidecars, "amf", "cdl", "cc", "fdl", "provenance")
        .Build();

    private static readonly TiffOptionsValidator OptionsValidator = new();
    private static readonly TiffRequestValidator RequestValidator = new();

    private readonly TimeProvider _clock;

    /// <summary>A deliverable type that stamps files with the system clock.</summary>
    public TiffDeliverableType()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A deliverable type with its own clock, so that tests get the same bytes every run.</summary>
    internal TiffDeliverableType(TimeProvider clock) => _clock = clock;

    /// <inheritdoc />
    public string Id => "tiff";

    /// <inheritdoc />
    public string DisplayName => "TIFF image sequence";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["tif", "tiff"];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Options => TiffOptions.Definitions;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(Options, "TIFF");
        return problems.Count > 0 ? problems : ToDiagnostics(OptionsValidator.Validate(TiffOptions.From(options)));
    }

    /// <inheritdoc />
    public IDeliverableWriter CreateWriter(DeliverableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidateOptions(request.Options) is [var problem, ..])
        {
            throw new InputException(problem.Message, field: problem.Field, expected: problem.Expected);
        }

        if (ToDiagnostics(RequestValidator.Validate(request)) is [var refused, ..])
        {
            throw new InputException(refused.Message, field: refused.Field, expected: refused.Expected);
        }

        return new TiffWriter(request, TiffOptions.From(request.Options), _clock);
    }

    private static List<Diagnostic> ToDiagnostics(ValidationResult result)
        => [.. result.Errors.Select(e => Diagnostic.Error(e.ErrorMessage, field: e.PropertyName, expected: e.CustomState as string))];
}
