using Rushes.Contracts.Colour;

namespace Rushes.Host.Render.Colour;

/// <summary>A deliverable's colour, compiled: one processor for the whole chain, and what its output pixels mean.</summary>
public sealed record ColourPlan(IPixelProcessor Processor, string OutputEncoding, IReadOnlyList<TransformDescription> Steps, string? InputTransformId)
{
    /// <summary>The chain as text, for provenance and logs.</summary>
    public IReadOnlyList<string> StepNames => [.. Steps.Select(s => s.Direction == TransformDirection.Inverse ? $"{s.TransformId} (inverse)" : s.TransformId)];
}
