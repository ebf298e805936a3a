namespace Rushes.Contracts.Deliverables;

/// <summary>A file that travels with a deliverable: an AMF, a CDL, an FDL, a provenance record.</summary>
public sealed record Sidecar
{
    /// <summary>What it is: <c>amf</c>, <c>cdl</c>, <c>cc</c>, <c>fdl</c>, <c>provenance</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Its file name, relative to the target folder.</summary>
    public required string FileName { get; init; }

    /// <summary>Its bytes, made by the host.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }
}
