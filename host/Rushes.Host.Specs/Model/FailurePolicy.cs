namespace Rushes.Host.Specs.Model;

/// <summary>What a render does when one frame of a deliverable fails (compare FLAPI's RenderDeliverable).</summary>
public enum FailurePolicy
{
    /// <summary>Stop the deliverable and report it; nothing partial is committed.</summary>
    Abort,

    /// <summary>Write a black frame in its place and report it.</summary>
    BlackFrame,

    /// <summary>Leave the frame out and report it.</summary>
    Skip,
}
