namespace Rushes.Contracts.CameraFormats;

/// <summary>The resolution to decode at; the value is the divisor of each side.</summary>
public enum ResolutionLevel
{
    /// <summary>Every photosite.</summary>
    Full = 1,

    /// <summary>Half width and height (for Bayer, one RGB pixel per 2×2 tile).</summary>
    Half = 2,

    /// <summary>A quarter of the width and height.</summary>
    Quarter = 4,
}
