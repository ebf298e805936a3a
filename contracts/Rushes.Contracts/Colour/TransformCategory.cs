namespace Rushes.Contracts.Colour;

/// <summary>Where a transform sits in an ACES pipeline.</summary>
public enum TransformCategory
{
    /// <summary>Between colour spaces or encodings (ACES2065-1 to ACEScct, linear to sRGB).</summary>
    ColourSpace,

    /// <summary>A camera's encoding to ACES (an IDT).</summary>
    Input,

    /// <summary>A creative look (CDL, LUT, LMT).</summary>
    Look,

    /// <summary>ACES to a display (RRT+ODT, or an ACES 2.0 output transform).</summary>
    Output,

    /// <summary>Anything else (range, clamp, exposure).</summary>
    Utility,
}
