namespace Rushes.Host.Amf.Pipeline;

/// <summary>What a deliverable wants from an AMF's pipeline.</summary>
public sealed record AmfPlanOptions
{
    /// <summary>Apply the output transform (viewing deliverables); ACES plates leave it for the viewer.</summary>
    public bool IncludeOutput { get; init; } = true;

    /// <summary>Apply the looks not yet applied; plates for VFX usually carry them in the AMF instead.</summary>
    public bool IncludeLooks { get; init; } = true;

    /// <summary>Undo looks already in the pixels (applied="true"), to reach clean ACES.</summary>
    public bool RemoveAppliedLooks { get; init; }
}
