using Rushes.Contracts.Imaging;
using Rushes.Host.Fdl.Imaging;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Host.Render.Framing;

/// <summary>
/// How one deliverable's frames are cut from the decoded frame: a canvas-template application and
/// its filter, or nothing at all when the deliverable is the source frame as it is.
/// </summary>
public sealed record FramingPlan(int Width, int Height, TemplateApplication? Application, ResampleFilter Filter, string Description)
{
    /// <summary>Equal keys frame identically, so deliverables that share one share the pixels.</summary>
    public string Key => Application is null
        ? $"source:{Width}x{Height}"
        : FormattableString.Invariant($"{Width}x{Height}|{Application.HorizontalScale:R}|{Application.ScaleFactor:R}|{Application.SourceOrigin.X:R}|{Application.SourceOrigin.Y:R}|{Filter}");

    /// <summary>A new image of the deliverable's size; the source is left as it is.</summary>
    public PlanarImage Apply(PlanarImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Application is not null)
        {
            return FramingResampler.Frame(source, Application, Filter);
        }

        var copy = new PlanarImage(source.Width, source.Height, source.Channels);
        source.CopyTo(copy);
        return copy;
    }
}
