namespace Rushes.Contracts.Colour;

/// <summary>Which way a transform runs.</summary>
public enum TransformDirection
{
    /// <summary>As defined: an IDT from camera to ACES, an output transform from ACES to display.</summary>
    Forward,

    /// <summary>Backwards.</summary>
    Inverse,
}
