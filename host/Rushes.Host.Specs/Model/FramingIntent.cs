namespace Rushes.Host.Specs.Model;

/// <summary>
/// How a deliverable is framed: an ASC FDL canvas template (a file beside the spec, applied to the
/// clip's FDL), or a plain target size fitted from the full source frame.
/// </summary>
public sealed record FramingIntent
{
    /// <summary>An FDL holding canvas templates, relative to the spec's folder.</summary>
    public string? Template { get; init; }

    /// <summary>Which canvas template of that file; the first when null.</summary>
    public string? TemplateId { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>FDL fit method: width, height, fit_all or fill.</summary>
    public string Fit { get; init; } = "fit_all";

    /// <summary>Resampling filter: lanczos3 (quality) or bilinear (proxies).</summary>
    public string Filter { get; init; } = "lanczos3";
}
