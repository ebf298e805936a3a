namespace Rushes.Host.Fdl.Templates;

/// <summary>The four nested geometry layers, outermost first (canvas ≥ effective ≥ protection ≥ framing).</summary>
internal enum Layer
{
    Canvas = 0,
    Effective = 1,
    Protection = 2,
    Framing = 3,
}
