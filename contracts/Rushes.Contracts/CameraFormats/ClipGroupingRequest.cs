namespace Rushes.Contracts.CameraFormats;

/// <summary>What the host hands a format to group into clips: one folder's worth of files.</summary>
public sealed record ClipGroupingRequest
{
    /// <summary>The folder, as a full path.</summary>
    public required string Directory { get; init; }

    /// <summary>Full paths of the files in the folder that this format detected, in ordinal order.</summary>
    public required IReadOnlyList<string> DetectedFiles { get; init; }

    /// <summary>Full paths of every file in the folder, for finding sidecars.</summary>
    public required IReadOnlyList<string> AllFiles { get; init; }
}
