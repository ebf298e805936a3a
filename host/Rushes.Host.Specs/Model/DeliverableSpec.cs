namespace Rushes.Host.Specs.Model;

/// <summary>
/// A show's or workflow's deliverable spec, as rendered from its template and validated: what a
/// render writes for each clip. Format version 1.
/// </summary>
public sealed record DeliverableSpec
{
    /// <summary>The spec format this host reads; a spec names it in its <c>spec</c> field.</summary>
    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    /// <summary>Short id, such as <c>vfx-plates</c>.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<Deliverable> Deliverables { get; init; }

    /// <summary>The template it was rendered from (or the plain YAML/JSON file).</summary>
    public string? SourceFile { get; init; }

    /// <summary>SHA-256 (hex) of the rendered text: what a work unit's id and provenance record.</summary>
    public string? RenderedHash { get; init; }
}
