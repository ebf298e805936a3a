using FluentValidation.Results;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dpx.Format;

namespace Rushes.Plugins.Dpx.Deliverable;

/// <summary>
/// DPX image sequences (SMPTE ST 268 v2.0), written by our own code: RGB, 10-bit filled (method A) or 16-bit,
/// big-endian, with transfer and colorimetric codes, timecode, reel and frame rate. Samples are quantized as
/// round(clamp(v, 0, 1) × largest code); NaN and infinite samples refuse the frame unless <c>non-finite=clamp</c>.
/// </summary>
public sealed class DpxDeliverableType : IDeliverableType
{
    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.BitDepths, "10", "16")
        .Add(CapabilityNames.Channels, "RGB")
        .Add(CapabilityNames.Compressions, "none")
        .Add(CapabilityNames.ColourEncodings, [.. DpxCharacteristics.Options.Select(o => o.Option)])
        .Add(CapabilityNames.Sidecars, "amf", "cdl", "cc", "fdl", "provenance")
        .Add(CapabilityNames.Timecode)
        .Build();

    private static readonly DpxOptionsValidator OptionsValidator = new();
    private static readonly DpxRequestValidator RequestValidator = new();

    private readonly TimeProvider _clock;

    /// <summary>A deliverable type that stamps files with the system clock.</summary>
    public DpxDeliverableType()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A deliverable type with its own clock, so that tests get the same bytes every run.</summary>
    internal DpxDeliverableType(TimeProvider clock) => _clock = clock;

    /// <inheritdoc />
    public string Id => "dpx";

    /// <inheritdoc />
    public string DisplayName => "DPX image sequence";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["dpx"];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Options => DpxOptions.Definitions;

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(Options, "DPX");
        return problems.Count > 0 ? problems : ToDiagnostics(OptionsValidator.Validate(DpxOptions.From(options)));
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

        return new DpxWriter(request, DpxOptions.From(request.Options), _clock);
    }

    private static List<Diagnostic> ToDiagnostics(ValidationResult result)
        => [.. result.Errors.Select(e => Diagnostic.Error(e.ErrorMessage, field: e.PropertyName, expected: e.CustomState as string))];
}
