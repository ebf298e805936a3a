namespace Rushes.Contracts.CameraFormats;

/// <summary>How sure a camera format is that a file is its own.</summary>
public enum DetectionConfidence
{
    /// <summary>Not this format.</summary>
    None = 0,

    /// <summary>The bytes fit the format's family (or only the name fits); opening will tell.</summary>
    Possible = 1,

    /// <summary>The bytes prove it.</summary>
    Certain = 2,
}
