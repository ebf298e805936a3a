namespace Rushes.Contracts.CameraFormats;

/// <summary>Which stage of the decode a request wants.</summary>
public enum DecodeOutput
{
    /// <summary>Demosaiced, colour-converted RGB in a <see cref="Imaging.PlanarImage"/>.</summary>
    Rgb,

    /// <summary>The linearized mosaic before demosaicing, in a <see cref="Imaging.CfaImage"/> (raw formats only).</summary>
    Mosaic,
}
