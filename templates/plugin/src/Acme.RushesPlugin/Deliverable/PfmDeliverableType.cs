using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Acme.RushesPlugin.Deliverable;

/// <summary>
/// An example deliverable: a sequence of portable float maps (PFM), one 32-bit float RGB file per
/// frame. Stateless, so one instance serves every thread; each writer serves one deliverable.
/// </summary>
public sealed class PfmDeliverableType : IDeliverableType
{
    internal static readonly ParameterDefinition ByteOrder = new()
    {
        Name = "byte-order",
        Type = ParameterType.Choice,
        Description = "The byte order of the samples; PFM records it in the sign of the header's scale.",
        Default = "little",
        Choices =
        [
            new ParameterChoice { Value = "little", Label = "Little-endian (scale -1.0)" },
            new ParameterChoice { Value = "big", Label = "Big-endian (scale 1.0)" },
        ],
    };

    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.BitDepths, "32f")
        .Add(CapabilityNames.Channels, "RGB")
        .Add(CapabilityNames.Sidecars, "amf", "cdl", "cc", "fdl", "provenance")
        .Build();

    /// <inheritdoc />
    public string Id => "pfm";

    /// <inheritdoc />
    public string DisplayName => "Portable float map sequence (example deliverable)";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions { get; } = ["pfm"];

    /// <inheritdoc />
    public IReadOnlyList<ParameterDefinition> Options { get; } = [ByteOrder];

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // PFM has no option combinations to rule out, so this re-checks the declared types only,
        // which keeps the writer safe when it is driven by something other than the host.
        return options.Validate(Options, "PFM");
    }

    /// <inheritdoc />
    public IDeliverableWriter CreateWriter(DeliverableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidateOptions(request.Options) is [var problem, ..])
        {
            throw new InputException(problem.Message, field: problem.Field, expected: problem.Expected);
        }

        if (!ImageLimits.IsAllowed(request.Width, request.Height))
        {
            throw new InputException($"A {request.Width} × {request.Height} deliverable is outside the image limits.",
                field: "size", expected: $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        }

        var bigEndian = string.Equals(request.Options.GetText(ByteOrder), "big", StringComparison.OrdinalIgnoreCase);
        return new PfmWriter(request, bigEndian);
    }
}
