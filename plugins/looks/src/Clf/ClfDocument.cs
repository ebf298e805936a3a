using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Clf;

/// <summary>A parsed, validated CLF ProcessList: its header and its ops normalised to 32-bit float.</summary>
internal sealed record ClfDocument(
    string Id,
    string? Name,
    string Version,
    IReadOnlyList<string> Descriptions,
    string? InputDescriptor,
    string? OutputDescriptor,
    IReadOnlyList<LookOp> Ops,
    IReadOnlyList<string> Warnings);
