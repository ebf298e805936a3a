namespace Rushes.Plugins.AcesOutput.Aces1;

/// <summary>Which parts of the ACES 1.x rendering a transform runs.</summary>
internal enum Aces1Scope
{
    /// <summary>RRT alone: ACES2065-1 to OCES (AP0).</summary>
    Rrt,

    /// <summary>ODT alone: OCES (AP0) to the display.</summary>
    Odt,

    /// <summary>RRT and ODT together: ACES2065-1 to the display.</summary>
    RrtOdt,
}

/// <summary>How display-linear AP1 becomes display-referred XYZ (the ODT variants).</summary>
internal enum Aces1WhiteHandling
{
    /// <summary>Bradford D60→D65 adaptation (the D65 ODTs).</summary>
    AdaptToD65,

    /// <summary>Clip to limiting primaries (Bradford for SDR, none then Bradford for HDR as the CTL does).</summary>
    Limit,

    /// <summary>Keep the ACES white on a D65 display, scaled so no channel clips (D60 simulation).</summary>
    SimulateD60,

    /// <summary>D60 white simulated on a DCI-white projector: roll off white, scale, adapt DCI→D65.</summary>
    SimulateD60OnDci,

    /// <summary>D65 white simulated on a DCI-white projector.</summary>
    SimulateD65OnDci,
}

/// <summary>
/// One ACES 1.x output transform. SDR transforms use the RRT spline (C5) and the 48 cd/m² ODT spline
/// (C9); HDR ones the single-stage tone scale between <see cref="MinNits"/> and <see cref="PeakNits"/>.
/// </summary>
internal sealed record Aces1Settings
{
    public required Aces1Scope Scope { get; init; }

    /// <summary>True for the single-stage tone scale (RRTODT HDR transforms).</summary>
    public bool Hdr { get; init; }

    public double MinNits { get; init; } = 0.02;

    public double MidNits { get; init; } = 4.8;

    public double PeakNits { get; init; } = 48;

    /// <summary>Dim-surround gamma and 0.93 desaturation for video ODTs.</summary>
    public bool DimSurround { get; init; }

    public Aces1WhiteHandling White { get; init; } = Aces1WhiteHandling.AdaptToD65;

    public Gamut? LimitingPrimaries { get; init; }

    /// <summary>The white-simulation scale and roll-off point (OCIO ACES.cpp values).</summary>
    public double SimulationScale { get; init; } = 1;

    public double RollWhite { get; init; } = 1;

    /// <summary>The display encoding, or null for display-referred XYZ D65 (OpenColorIO's built-in form).</summary>
    public DisplayEncoder? Encoder { get; init; }
}
