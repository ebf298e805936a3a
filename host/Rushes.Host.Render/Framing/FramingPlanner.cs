using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Host.Fdl;
using Rushes.Host.Fdl.Imaging;
using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;
using SpecFraming = Rushes.Host.Specs.Model.FramingIntent;

namespace Rushes.Host.Render.Framing;

/// <summary>
/// Chooses each deliverable's framing, in this order: the spec's own framing (a canvas template file
/// beside the spec, or a size and fit), then the job's FDL canvas template, then Netflix's default:
/// the full source frame, de-squeezed, fitted to the deliverable size and padded. The source canvas
/// and framing decision come from the job's FDL when one is given, else from the full decoded frame.
/// </summary>
public sealed class FramingPlanner
{
    private readonly ClipInfo _clip;
    private readonly string? _fdlPath;
    private readonly FdlDocument _source;
    private readonly FdlContext _context;
    private readonly Canvas _canvas;
    private readonly FramingDecision _decision;
    private readonly CanvasTemplate? _jobTemplate;

    public FramingPlanner(ClipInfo clip, string? fdlPath, string? templateId)
    {
        ArgumentNullException.ThrowIfNull(clip);
        _clip = clip;
        _fdlPath = fdlPath;
        if (fdlPath is null)
        {
            if (templateId is not null)
            {
                throw new InputException("A canvas template was named without an FDL to take it from.", field: "template", expected: "--fdl FILE with --template ID");
            }

            (_source, _context, _canvas, _decision) = FullFrame(clip);
            return;
        }

        _source = FdlReader.ReadFile(fdlPath);
        _context = _source.Contexts.FirstOrDefault(c => c.Canvases.Count > 0)
            ?? throw new InputException("The FDL has no context with a canvas.", fdlPath, "contexts", "a context with at least one canvas");
        _canvas = _context.Canvases[0];
        var intent = _source.DefaultFramingIntent;
        _decision = (intent is null ? (_canvas.FramingDecisions.Count > 0 ? _canvas.FramingDecisions[0] : null) : _canvas.FramingDecisions.FirstOrDefault(d => d.FramingIntentId == intent))
            ?? throw new InputException($"Canvas '{_canvas.Id}' has no framing decision{(intent is null ? string.Empty : $" for the default intent '{intent}'")}.", fdlPath, "framing_decisions", "a framing decision");
        if (_canvas.Dimensions.Width != clip.Width || _canvas.Dimensions.Height != clip.Height)
        {
            throw new InputException($"The FDL's canvas '{_canvas.Id}' is {_canvas.Dimensions.Width} x {_canvas.Dimensions.Height}, but the clip decodes to {clip.Width} x {clip.Height}.",
                fdlPath, "canvases[0].dimensions", $"{clip.Width} x {clip.Height}, the clip's frame size");
        }

        if (templateId is not null)
        {
            _jobTemplate = _source.CanvasTemplates.FirstOrDefault(t => t.Id == templateId)
                ?? throw new InputException($"The FDL has no canvas template '{templateId}'; it has {Names(_source.CanvasTemplates)}.", fdlPath, "canvas_templates[].id", "the id of one of its canvas templates");
        }
    }

    /// <summary>The FDL uuid the framing came from, for provenance.</summary>
    public string? FdlUuid => _fdlPath is null ? null : _source.Uuid;

    /// <summary>The framing of one deliverable; <paramref name="specFolder"/> anchors a template file the spec names.</summary>
    public FramingPlan Plan(SpecFraming? framing, string? specFolder)
    {
        var filter = framing?.Filter == "bilinear" ? ResampleFilter.Bilinear : ResampleFilter.Lanczos3;
        if (framing?.Template is { } file)
        {
            var path = Path.GetFullPath(Path.Combine(specFolder ?? ".", file));
            var document = FdlReader.ReadFile(path);
            var template = (framing.TemplateId is null ? (document.CanvasTemplates.Count > 0 ? document.CanvasTemplates[0] : null) : document.CanvasTemplates.FirstOrDefault(t => t.Id == framing.TemplateId))
                ?? throw new InputException($"The spec's framing file has no canvas template{(framing.TemplateId is null ? string.Empty : $" '{framing.TemplateId}'")}; it has {Names(document.CanvasTemplates)}.",
                    path, "canvas_templates", "the canvas template the spec names");
            return Apply(template, filter, $"canvas template '{template.Id}' of {Path.GetFileName(path)}");
        }

        if (framing is { Width: { } width, Height: { } height })
        {
            return Apply(Fitted(width, height, framing.Fit), filter, $"{framing.Fit} into {width} x {height}");
        }

        if (_jobTemplate is not null)
        {
            return Apply(_jobTemplate, filter, $"canvas template '{_jobTemplate.Id}' of {Path.GetFileName(_fdlPath)}");
        }

        // Netflix's default: the full source frame at its own size, de-squeezed.
        var squeeze = _canvas.AnamorphicSqueeze > 0 ? _canvas.AnamorphicSqueeze : 1;
        if (_fdlPath is null && squeeze == 1)
        {
            return new FramingPlan(_clip.Width, _clip.Height, null, filter, "the full source frame");
        }

        var defaultWidth = (int)Math.Round(_canvas.Dimensions.Width * squeeze, MidpointRounding.AwayFromZero);
        return Apply(Fitted(defaultWidth, _canvas.Dimensions.Height, "fit_all"), filter, "the full source frame, de-squeezed");
    }

    private FramingPlan Apply(CanvasTemplate template, ResampleFilter filter, string description)
    {
        var application = CanvasTemplateApplier.Apply(_source, _context, _canvas, _decision, template, new TemplateOptions
        {
            NewCanvasId = "deliverable",
            DocumentUuid = StableUuid.From($"fdl|{_source.Uuid}|{template.Id}|{template.TargetDimensions}|{template.FitMethod}").ToString(),
        });
        var size = application.Canvas.Dimensions;
        return new FramingPlan(size.Width, size.Height, application, filter, description);
    }

    // A template fitting the framing decision into a size, keeping aspect and padding to it (as DefaultFraming).
    private static CanvasTemplate Fitted(int width, int height, string fit) => new()
    {
        Id = "rushes-fit",
        Label = $"{fit} {width}x{height}",
        TargetDimensions = new IntDimensions(width, height),
        TargetAnamorphicSqueeze = 1,
        FitSource = LayerPaths.Framing,
        FitMethod = fit,
        PreserveFromSourceCanvas = LayerPaths.Canvas,
        MaximumDimensions = new IntDimensions(width, height),
        PadToMaximum = true,
        Round = new RoundingStrategy("whole", "round"),
    };

    // The whole decoded frame as the source canvas with one full-frame decision.
    private static (FdlDocument, FdlContext, Canvas, FramingDecision) FullFrame(ClipInfo clip)
    {
        var decision = new FramingDecision
        {
            Id = "source-full",
            FramingIntentId = "full",
            Dimensions = new FloatDimensions(clip.Width, clip.Height),
            AnchorPoint = AnchorPoint.Origin,
        };
        var canvas = new Canvas
        {
            Id = "source",
            Label = "source",
            SourceCanvasId = "source",
            Dimensions = new IntDimensions(clip.Width, clip.Height),
            AnamorphicSqueeze = clip.PixelAspectRatio > 0 ? clip.PixelAspectRatio : 1,
            FramingDecisions = [decision],
        };
        var context = new FdlContext { Label = "source", Canvases = [canvas] };
        var document = new FdlDocument
        {
            // A fixed uuid: the default framing is a function of the clip, and renders must be repeatable.
            Uuid = "00000000-0000-0000-0000-000000000000",
            Version = FdlVersion.Current,
            FramingIntents = [new Fdl.Model.FramingIntent { Id = "full", AspectRatio = new IntDimensions(clip.Width, clip.Height) }],
            Contexts = [context],
        };
        return (document, context, canvas, decision);
    }

    private static string Names(IReadOnlyList<CanvasTemplate> templates)
        => templates.Count == 0 ? "none" : string.Join(", ", templates.Select(t => $"'{t.Id}'"));
}
