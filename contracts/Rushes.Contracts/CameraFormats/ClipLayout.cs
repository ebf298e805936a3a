namespace Rushes.Contracts.CameraFormats;

/// <summary>How a clip is laid out on disk.</summary>
public enum ClipLayout
{
    /// <summary>One file holds the whole clip (MXF, MOV, R3D, a single DNG).</summary>
    SingleFile,

    /// <summary>A folder of numbered per-frame files (CinemaDNG).</summary>
    FrameSequence,

    /// <summary>A media file with sidecar files that carry part of its metadata (Sony XML, ARRI CSV).</summary>
    FileWithSidecars,
}
