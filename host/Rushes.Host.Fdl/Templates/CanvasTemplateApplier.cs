using System.Globalization;
using System.Text.Json;
using Rushes.Contracts.Plugins;
using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl.Templates;

/// <summary>
/// Applies a canvas template to a source canvas and framing decision, phase by phase as the ASC's
/// reference core does (ascmitc/fdl docs/FDL_Apply_Template_Logic.md; spec §7.4): everything stays
/// in floating point until the last phase rounds the canvas and absorbs the rounding into the anchors.
/// </summary>
public static class CanvasTemplateApplier
{
    /// <summary>Applies <paramref name="template"/> to a framing decision of a canvas in <paramref name="source"/>.</summary>
    public static TemplateApplication Apply(FdlDocument source, FdlContext context, Canvas canvas, FramingDecision decision, CanvasTemplate template, TemplateOptions? options = null)
    {
        options ??= new TemplateOptions();

        // Phase 1: configuration.
        var sourceSqueeze = canvas.AnamorphicSqueeze > 0 ? canvas.AnamorphicSqueeze : 1;
        var targetSqueeze = template.TargetAnamorphicSqueeze == 0 ? sourceSqueeze : template.TargetAnamorphicSqueeze;
        var max = template.MaximumDimensions is { } m && (m.Width != 0 || m.Height != 0) ? m : (IntDimensions?)null;
        var pad = max is not null && template.PadToMaximum == true;
        var target = template.TargetDimensions;
        double[] align = [Factor(template.AlignmentMethodHorizontal, "left", "right"), Factor(template.AlignmentMethodVertical, "top", "bottom")];

        var fit = ParseLayer(template.FitSource, "fit_source");
        var preserve = template.PreserveFromSourceCanvas is null ? (Layer?)null : ParseLayer(template.PreserveFromSourceCanvas, "preserve_from_source_canvas");

        // Phase 2: populate from the source, the preserved layer and the fit layer with all inside them.
        var g = new LayerGeometry();
        Populate(g, canvas, decision, preserve, template);
        Populate(g, canvas, decision, fit, template);
        if (g.Size(Layer.Framing, 0) == 0 || g.Size(Layer.Framing, 1) == 0)
        {
            throw Error(template, "framing_decision.dimensions", $"framing decision '{decision.Id}' has no size", "a framing decision with a positive width and height");
        }

        if (g.IsPresent(Layer.Effective) && g.IsPresent(Layer.Protection)
            && (g.Size(Layer.Effective, 0) < g.Size(Layer.Protection, 0) || g.Size(Layer.Effective, 1) < g.Size(Layer.Protection, 1)))
        {
            throw Error(template, "canvas.effective_dimensions", $"canvas '{canvas.Id}' has an effective area smaller than the protection of '{decision.Id}'", "effective ≥ protection");
        }

        // Phase 3: fill the gaps outward (never protection), and make anchors relative to the kept layer.
        FillHierarchy(g);
        var reference = preserve ?? fit;
        double[] origin = [g.Anchor(reference, 0), g.Anchor(reference, 1)];
        foreach (var layer in (Layer[])[Layer.Effective, Layer.Protection, Layer.Framing])
        {
            for (var axis = 0; axis < 2; axis++)
            {
                g.SetAnchor(layer, axis, g.Anchor(layer, axis) - origin[axis]);
            }
        }

        // Phase 4: one scale factor, found in square pixels and kept as a ratio for precision.
        var (numerator, denominator) = ScaleRatio(template.FitMethod, g.Size(fit, 0) * sourceSqueeze, g.Size(fit, 1), target.Width * targetSqueeze, target.Height);
        if (!(numerator > 0 && denominator > 0) || !double.IsFinite(numerator / denominator))
        {
            throw Error(template, template.FitSource, $"the fit source of '{decision.Id}' has no size on an axis the fit method '{template.FitMethod}' uses", "a fit source with a positive width and height");
        }

        // Phase 5: scale every size and anchor; the horizontal axis also changes squeeze.
        double Scale(double value, int axis) => axis == 0
            ? value * sourceSqueeze * numerator / (denominator * targetSqueeze)
            : value * numerator / denominator;

        foreach (var layer in (Layer[])[Layer.Canvas, Layer.Effective, Layer.Protection, Layer.Framing])
        {
            for (var axis = 0; axis < 2; axis++)
            {
                g.SetSize(layer, axis, Scale(g.Size(layer, axis), axis));
                g.SetAnchor(layer, axis, Scale(g.Anchor(layer, axis), axis));
            }
        }

        double[] box = [g.Size(Layer.Canvas, 0), g.Size(Layer.Canvas, 1)];
        double[] targetSize = [target.Width, target.Height];
        double[] maxSize = max is { } mx ? [mx.Width, mx.Height] : [0, 0];
        double[] output = new double[2];
        double[] shift = new double[2];
        var atMaximum = new bool[2];
        for (var axis = 0; axis < 2; axis++)
        {
            // Phase 6: pad, crop or fit, each axis on its own.
            atMaximum[axis] = pad || (max is not null && box[axis] > maxSize[axis]);
            output[axis] = atMaximum[axis] ? maxSize[axis] : box[axis];

            // Phase 7: the content shift that places the fit layer in the target and the target in the output.
            var overflow = box[axis] - output[axis];
            if (overflow != 0 || pad)
            {
                var centred = pad || align[axis] == 0.5;
                var targetOffset = centred ? (output[axis] - targetSize[axis]) * 0.5 : 0;
                shift[axis] = targetOffset + ((targetSize[axis] - g.Size(fit, axis)) * align[axis]) - g.Anchor(fit, axis);
                if (!pad && overflow > 0)
                {
                    shift[axis] = Math.Max(Math.Min(shift[axis], 0), -overflow);
                }
            }
        }

        // Phase 8: move every anchor; keep the unclamped ones to know what falls off the edge.
        var theoretical = new double[4, 2];
        foreach (var layer in (Layer[])[Layer.Effective, Layer.Protection, Layer.Framing])
        {
            for (var axis = 0; axis < 2; axis++)
            {
                var moved = g.Anchor(layer, axis) + shift[axis];
                theoretical[(int)layer, axis] = moved;
                g.SetAnchor(layer, axis, Math.Max(moved, 0));
            }
        }

        // Phase 9: crop each layer to what is visible in the output, then re-impose containment.
        var hasProtection = g.IsPresent(Layer.Protection);
        for (var axis = 0; axis < 2; axis++)
        {
            g.SetSize(Layer.Canvas, axis, output[axis]);
            foreach (var layer in (Layer[])[Layer.Effective, Layer.Protection, Layer.Framing])
            {
                if (layer == Layer.Protection && !hasProtection)
                {
                    continue;
                }

                var visible = g.Size(layer, axis) - Math.Max(0, -theoretical[(int)layer, axis]);
                visible = Math.Min(visible, output[axis] - g.Anchor(layer, axis));
                g.SetSize(layer, axis, Math.Max(visible, 0));
            }

            g.SetSize(Layer.Effective, axis, Math.Min(g.Size(Layer.Effective, axis), output[axis]));
            if (hasProtection)
            {
                g.SetSize(Layer.Protection, axis, Math.Min(g.Size(Layer.Protection, axis), g.Size(Layer.Effective, axis)));
            }

            var framingLimit = hasProtection ? g.Size(Layer.Protection, axis) : g.Size(Layer.Effective, axis);
            g.SetSize(Layer.Framing, axis, Math.Min(g.Size(Layer.Framing, axis), framingLimit));
        }

        // Phase 9b: round the canvas last and absorb the rounding symmetrically into the anchors.
        var round = template.Round ?? RoundingStrategy.Default;
        var rounded = new int[2];
        double[] translation = new double[2];
        for (var axis = 0; axis < 2; axis++)
        {
            var unrounded = g.Size(Layer.Canvas, axis);
            // A padded or cropped axis is already the maximum, an integer the output may not exceed:
            // rounding has no effect there (spec §7.4.12), even for an odd maximum under 'even'.
            rounded[axis] = atMaximum[axis] ? (int)unrounded : RoundCanvas(unrounded, round);
            var half = (rounded[axis] - unrounded) / 2;
            translation[axis] = shift[axis] + half;
            foreach (var layer in (Layer[])[Layer.Effective, Layer.Protection, Layer.Framing])
            {
                g.SetAnchor(layer, axis, g.Anchor(layer, axis) + half);
            }

            // The effective area only ever grows to an integer, so it still holds every inner layer;
            // it keeps the template's evenness (the scenarios' results: 3840.43 becomes 3842 under even).
            var effective = g.Size(Layer.Effective, axis);
            var effectiveCeiled = (double)RoundCanvas(effective, round with { Mode = "up" });
            g.SetAnchor(Layer.Effective, axis, g.Anchor(Layer.Effective, axis) - ((effectiveCeiled - effective) / 2));
            var effectiveSize = Math.Min(effectiveCeiled, rounded[axis]);
            g.SetSize(Layer.Effective, axis, effectiveSize);
            g.SetSize(Layer.Canvas, axis, rounded[axis]);
            g.SetAnchor(Layer.Effective, axis, Math.Clamp(g.Anchor(Layer.Effective, axis), 0, rounded[axis] - effectiveSize));
            foreach (var layer in (Layer[])[Layer.Protection, Layer.Framing])
            {
                if (layer == Layer.Protection && !hasProtection)
                {
                    continue;
                }

                var anchor = Math.Clamp(g.Anchor(layer, axis), 0, rounded[axis]);
                g.SetAnchor(layer, axis, anchor);
                var size = Math.Min(g.Size(layer, axis), rounded[axis] - anchor);
                g.SetSize(layer, axis, Math.Min(size, effectiveSize));
            }
        }

        if (g.Size(Layer.Framing, 0) <= 0 || g.Size(Layer.Framing, 1) <= 0)
        {
            throw Error(template, LayerPaths.Framing, $"its maximum dimensions and alignment crop framing decision '{decision.Id}' out of the output entirely", "a template whose crop keeps the framing decision in view");
        }

        // Phase 10: the output canvas, framing decision and document.
        var newCanvasId = options.NewCanvasId ?? NewId();
        var scaleFactor = numerator / denominator;
        var canvasLabel = $"{template.Label}: {context.Label} {canvas.Label}";
        var newDecision = new FramingDecision
        {
            Label = decision.Label,
            Id = $"{newCanvasId}-{decision.FramingIntentId}",
            FramingIntentId = decision.FramingIntentId,
            Dimensions = new FloatDimensions(g.Size(Layer.Framing, 0), g.Size(Layer.Framing, 1)),
            AnchorPoint = new AnchorPoint(g.Anchor(Layer.Framing, 0), g.Anchor(Layer.Framing, 1)),
            ProtectionDimensions = hasProtection ? new FloatDimensions(g.Size(Layer.Protection, 0), g.Size(Layer.Protection, 1)) : null,
            ProtectionAnchorPoint = hasProtection ? new AnchorPoint(g.Anchor(Layer.Protection, 0), g.Anchor(Layer.Protection, 1)) : null,
        };
        var newCanvas = new Canvas
        {
            Label = canvasLabel,
            Id = newCanvasId,
            SourceCanvasId = canvas.Id,
            Dimensions = new IntDimensions(rounded[0], rounded[1]),
            EffectiveDimensions = new IntDimensions((int)g.Size(Layer.Effective, 0), (int)g.Size(Layer.Effective, 1)),
            EffectiveAnchorPoint = new AnchorPoint(g.Anchor(Layer.Effective, 0), g.Anchor(Layer.Effective, 1)),
            AnamorphicSqueeze = targetSqueeze,
            FramingDecisions = [newDecision],
            Custom = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["_scale_factor"] = JsonSerializer.SerializeToElement(scaleFactor),
                ["_content_translation"] = JsonSerializer.SerializeToElement(new { x = translation[0], y = translation[1] }),
                ["_scaled_bounding_box"] = JsonSerializer.SerializeToElement(new { width = box[0], height = box[1] }),
            },
        };

        var sourceCopy = canvas with { FramingDecisions = [decision] };
        var document = new FdlDocument
        {
            Uuid = options.DocumentUuid ?? Guid.NewGuid().ToString(),
            Version = FdlVersion.Current,
            FdlCreator = options.Creator,
            DefaultFramingIntent = decision.FramingIntentId,
            FramingIntents = source.FramingIntents.Where(i => i.Id == decision.FramingIntentId).ToList(),
            Contexts = [new FdlContext { Label = template.Label, ContextCreator = options.Creator, ClipId = context.ClipId, Canvases = [sourceCopy, newCanvas] }],
            CanvasTemplates = [template],
        };

        var horizontalScale = sourceSqueeze * numerator / (denominator * targetSqueeze);
        return new TemplateApplication
        {
            Document = document,
            Canvas = newCanvas,
            FramingDecision = newDecision,
            ScaleFactor = scaleFactor,
            HorizontalScale = horizontalScale,
            ScaledBoundingBox = new FloatDimensions(box[0], box[1]),
            ContentTranslation = new AnchorPoint(translation[0], translation[1]),
            SourceOrigin = new AnchorPoint(translation[0] - (origin[0] * horizontalScale), translation[1] - (origin[1] * scaleFactor)),
        };
    }

    /// <summary>Rounds a canvas size by the template's strategy (spec §7.4.12): 1608.75 gives even/round 1608, even/up 1610, whole/round 1609.</summary>
    public static int RoundCanvas(double value, RoundingStrategy strategy)
    {
        var step = strategy.Even == "even" ? 2.0 : 1.0;
        var units = value / step;
        var roundedUnits = strategy.Mode switch
        {
            "down" => Math.Floor(units),
            "round" => Math.Round(units, MidpointRounding.AwayFromZero),
            _ => Math.Ceiling(units),
        };
        return checked((int)(roundedUnits * step));
    }

    private static void Populate(LayerGeometry g, Canvas canvas, FramingDecision decision, Layer? from, CanvasTemplate template)
    {
        if (from is not { } start)
        {
            return;
        }

        for (var layer = start; layer <= Layer.Framing; layer++)
        {
            switch (layer)
            {
                case Layer.Canvas:
                    g.Set(Layer.Canvas, canvas.Dimensions.Width, canvas.Dimensions.Height, 0, 0);
                    break;
                case Layer.Effective when canvas.EffectiveDimensions is { } e:
                    var ea = canvas.EffectiveAnchorPoint ?? AnchorPoint.Origin;
                    g.Set(Layer.Effective, e.Width, e.Height, ea.X, ea.Y);
                    break;
                case Layer.Effective when layer == start:
                    throw Error(template, LayerPaths.Effective, $"canvas '{canvas.Id}' has no effective dimensions", "a source canvas with effective_dimensions");
                case Layer.Protection when decision.ProtectionDimensions is { } p:
                    var pa = decision.ProtectionAnchorPoint ?? AnchorPoint.Origin;
                    g.Set(Layer.Protection, p.Width, p.Height, pa.X, pa.Y);
                    break;
                case Layer.Protection when layer == start:
                    throw Error(template, LayerPaths.Protection, $"framing decision '{decision.Id}' has no protection", "a source framing decision with protection_dimensions");
                case Layer.Framing:
                    g.Set(Layer.Framing, decision.Dimensions.Width, decision.Dimensions.Height, decision.AnchorPoint.X, decision.AnchorPoint.Y);
                    break;
            }
        }
    }

    private static void FillHierarchy(LayerGeometry g)
    {
        var outermost = Layer.Framing;
        for (var layer = Layer.Canvas; layer <= Layer.Framing; layer++)
        {
            if (g.IsPresent(layer))
            {
                outermost = layer;
                break;
            }
        }

        if (!g.IsPresent(Layer.Canvas))
        {
            g.CopyLayer(outermost, Layer.Canvas);
            g.SetAnchor(Layer.Canvas, 0, 0);
            g.SetAnchor(Layer.Canvas, 1, 0);
        }

        if (!g.IsPresent(Layer.Effective))
        {
            g.CopyLayer(outermost, Layer.Effective);
        }
    }

    private static (double Numerator, double Denominator) ScaleRatio(string method, double fitWidth, double fitHeight, double targetWidth, double targetHeight)
    {
        // Compare the two ratios without dividing: tw/fw < th/fh ⇔ tw·fh < th·fw (all positive).
        var widthIsSmaller = targetWidth * fitHeight < targetHeight * fitWidth;
        return method switch
        {
            "width" => (targetWidth, fitWidth),
            "height" => (targetHeight, fitHeight),
            "fill" => widthIsSmaller ? (targetHeight, fitHeight) : (targetWidth, fitWidth),
            _ => widthIsSmaller ? (targetWidth, fitWidth) : (targetHeight, fitHeight),
        };
    }

    private static double Factor(string? alignment, string start, string end)
        => alignment == start ? 0 : alignment == end ? 1 : 0.5;

    private static Layer ParseLayer(string path, string field) => path switch
    {
        LayerPaths.Canvas => Layer.Canvas,
        LayerPaths.Effective => Layer.Effective,
        LayerPaths.Protection => Layer.Protection,
        LayerPaths.Framing => Layer.Framing,
        _ => throw new InputException($"canvas template: {field} '{path}' is not a layer path.", null, field, string.Join(", ", LayerPaths.All)),
    };

    private static InputException Error(CanvasTemplate template, string path, string problem, string expected)
        => new($"canvas template '{template.Id}' asks for {path}, but {problem}.", null, path, expected);

    /// <summary>A fresh canvas id: 30 characters, as the reference tools make them.</summary>
    private static string NewId() => Guid.NewGuid().ToString("N")[..30].ToUpper(CultureInfo.InvariantCulture);
}
