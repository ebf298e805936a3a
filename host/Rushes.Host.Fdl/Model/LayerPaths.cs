namespace Rushes.Host.Fdl.Model;

/// <summary>The layer paths a template's <c>fit_source</c> and <c>preserve_from_source_canvas</c> name, outermost first.</summary>
public static class LayerPaths
{
    /// <summary>The whole canvas.</summary>
    public const string Canvas = "canvas.dimensions";

    /// <summary>The effective area.</summary>
    public const string Effective = "canvas.effective_dimensions";

    /// <summary>The framing decision's protection.</summary>
    public const string Protection = "framing_decision.protection_dimensions";

    /// <summary>The framing decision itself.</summary>
    public const string Framing = "framing_decision.dimensions";

    /// <summary>All four, outermost first.</summary>
    public static IReadOnlyList<string> All { get; } = [Canvas, Effective, Protection, Framing];
}
