using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Fdl.Model;

/// <summary>How to make a deliverable canvas from a source canvas (spec §7.4).</summary>
public sealed record CanvasTemplate
{
    /// <summary>A human-readable name.</summary>
    public string? Label { get; init; }

    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The size the fit source is scaled to.</summary>
    public required IntDimensions TargetDimensions { get; init; }

    /// <summary>The output squeeze; 0 keeps the source's.</summary>
    public required double TargetAnamorphicSqueeze { get; init; }

    /// <summary>The layer fitted to the target: one of <see cref="LayerPaths"/>.</summary>
    public required string FitSource { get; init; }

    /// <summary><c>width</c>, <c>height</c>, <c>fit_all</c> or <c>fill</c>.</summary>
    public required string FitMethod { get; init; }

    /// <summary><c>top</c>, <c>center</c> or <c>bottom</c>.</summary>
    public string? AlignmentMethodVertical { get; init; }

    /// <summary><c>left</c>, <c>center</c> or <c>right</c>.</summary>
    public string? AlignmentMethodHorizontal { get; init; }

    /// <summary>The outermost source layer to keep, one of <see cref="LayerPaths"/>.</summary>
    public string? PreserveFromSourceCanvas { get; init; }

    /// <summary>The largest output canvas; larger content is cropped.</summary>
    public IntDimensions? MaximumDimensions { get; init; }

    /// <summary>Pad the output to the maximum dimensions.</summary>
    public bool? PadToMaximum { get; init; }

    /// <summary>How the output canvas size is rounded.</summary>
    public RoundingStrategy? Round { get; init; }

    /// <summary>User properties, whose names begin with an underscore.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}

/// <summary>Rounding of the output canvas: <c>even</c> is <c>whole</c> or <c>even</c>, <c>mode</c> is <c>up</c>, <c>down</c> or <c>round</c>.</summary>
public sealed record RoundingStrategy(string Even, string Mode)
{
    /// <summary>The default when a template gives none: even, up.</summary>
    public static RoundingStrategy Default { get; } = new("even", "up");
}
