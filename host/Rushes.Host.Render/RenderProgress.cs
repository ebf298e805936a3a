namespace Rushes.Host.Render;

/// <summary>Where a render is: its stage, and frames done out of the frames to render in this run.</summary>
public sealed record RenderProgress(string Stage, long FramesDone, long FramesTotal, long? SourceFrame = null, string? Message = null);
