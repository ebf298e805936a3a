using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Deliverables;

/// <summary>A kind of deliverable file (OpenEXR, DPX, a ProRes movie): its options and its writers.</summary>
public interface IDeliverableType : IPluginComponent
{
    /// <summary>File extensions written, lower case without the dot.</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>The options a spec may set, with their defaults.</summary>
    IReadOnlyList<ParameterDefinition> Options { get; }

    /// <summary>
    /// Checks option values beyond their declared types (combinations, codec limits); returns the
    /// problems, or an empty list. The host checks types, ranges and choices first.
    /// </summary>
    IReadOnlyList<Diagnostic> ValidateOptions(ParameterValues options);

    /// <summary>Starts a writer. Throws <see cref="InputException"/> when the request cannot be met.</summary>
    IDeliverableWriter CreateWriter(DeliverableRequest request);
}
