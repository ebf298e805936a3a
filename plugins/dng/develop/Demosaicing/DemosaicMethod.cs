namespace Rushes.Plugins.Dng.Develop;

/// <summary>How a Bayer mosaic is turned into full RGB.</summary>
public enum DemosaicMethod
{
    /// <summary>Each missing colour is the mean of its nearest neighbours of that colour (3×3); fast, for proxies.</summary>
    Bilinear,

    /// <summary>
    /// Malvar, He and Cutler, "High-quality linear interpolation for demosaicing of Bayer-patterned colour images",
    /// ICASSP 2004: bilinear plus a gradient correction from the centre colour (5×5 linear filters).
    /// </summary>
    MalvarHeCutler,

    /// <summary>
    /// Ratio-corrected, edge-directed demosaicing in the manner of Sanz Rodríguez's RCD: a soft vertical/horizontal
    /// (and diagonal) direction weight from local high-pass energy, green from ratio-corrected directional estimates,
    /// red and blue from gradient-weighted colour differences. The high-quality method.
    /// </summary>
    EdgeDirected,
}
