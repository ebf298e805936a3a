using System.Text.Json;
using System.Text.RegularExpressions;
using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl;

/// <summary>
/// The rules beyond the schema (spec §5 and the ASC's fdlchecker): unique ids, references that resolve,
/// fields that come in pairs, and user properties only under an underscore. They also run when the
/// schema is not built in, so they repeat the schema's value checks.
/// </summary>
internal static partial class FdlRules
{
    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")]
    private static partial Regex UuidPattern();

    private static readonly string[] FitMethods = ["width", "height", "fit_all", "fill"];
    private static readonly string[] Vertical = ["top", "center", "bottom"];
    private static readonly string[] Horizontal = ["left", "center", "right"];
    private static readonly string[] Evens = ["whole", "even"];
    private static readonly string[] Modes = ["up", "down", "round"];

    public static IEnumerable<FdlIssue> Check(FdlDocument fdl)
    {
        var issues = new List<FdlIssue>();
        void Add(string path, string message, string rule) => issues.Add(new FdlIssue(path, message, rule));

        if (!UuidPattern().IsMatch(fdl.Uuid))
        {
            Add("$.uuid", $"'{fdl.Uuid}' is not a uuid; expected 8-4-4-4-12 hexadecimal digits.", "uuid");
        }

        CheckCustom(fdl.Custom, "$", Add);
        var intents = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fdl.FramingIntents.Count; i++)
        {
            var intent = fdl.FramingIntents[i];
            var path = $"$.framing_intents[{i}]";
            CheckId(intent.Id, path + ".id", Add);
            if (!intents.Add(intent.Id))
            {
                Add(path + ".id", $"framing intent id '{intent.Id}' is used twice; ids must be unique.", "unique-id");
            }

            if (intent.AspectRatio.Width <= 0 || intent.AspectRatio.Height <= 0)
            {
                Add(path + ".aspect_ratio", "the aspect ratio needs a positive width and height.", "value");
            }

            if (intent.Protection is < 0 or >= 1)
            {
                Add(path + ".protection", $"protection {intent.Protection} is outside [0, 1).", "value");
            }

            CheckCustom(intent.Custom, path, Add);
        }

        if (fdl.DefaultFramingIntent is { } defaultIntent && !intents.Contains(defaultIntent))
        {
            Add("$.default_framing_intent", $"'{defaultIntent}' names no framing intent; expected one of: {Known(intents)}.", "reference");
        }

        var canvasIds = fdl.Contexts.SelectMany(c => c.Canvases).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var seenCanvases = new HashSet<string>(StringComparer.Ordinal);
        var seenDecisions = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < fdl.Contexts.Count; c++)
        {
            var context = fdl.Contexts[c];
            var contextPath = $"$.contexts[{c}]";
            CheckCustom(context.Custom, contextPath, Add);
            if (context.ClipId is { } clip && (clip.File is null) == (clip.Sequence is null))
            {
                Add(contextPath + ".clip_id", "a clip_id has exactly one of 'file' or 'sequence'.", "clip-id");
            }

            for (var k = 0; k < context.Canvases.Count; k++)
            {
                var canvas = context.Canvases[k];
                var path = $"{contextPath}.canvases[{k}]";
                CheckId(canvas.Id, path + ".id", Add);
                if (!seenCanvases.Add(canvas.Id))
                {
                    Add(path + ".id", $"canvas id '{canvas.Id}' is used twice; ids must be unique.", "unique-id");
                }

                if (!canvasIds.Contains(canvas.SourceCanvasId))
                {
                    Add(path + ".source_canvas_id", $"'{canvas.SourceCanvasId}' names no canvas in this file; expected one of: {Known(canvasIds)}.", "reference");
                }

                if (canvas.EffectiveDimensions.HasValue != canvas.EffectiveAnchorPoint.HasValue)
                {
                    Add(path + (canvas.EffectiveDimensions.HasValue ? ".effective_anchor_point" : ".effective_dimensions"), "effective_dimensions and effective_anchor_point come together.", "pair");
                }

                if (canvas.AnamorphicSqueeze <= 0)
                {
                    Add(path + ".anamorphic_squeeze", $"squeeze {canvas.AnamorphicSqueeze} must be greater than 0.", "value");
                }

                CheckCustom(canvas.Custom, path, Add);
                for (var d = 0; d < canvas.FramingDecisions.Count; d++)
                {
                    var decision = canvas.FramingDecisions[d];
                    var decisionPath = $"{path}.framing_decisions[{d}]";
                    if (!intents.Contains(decision.FramingIntentId))
                    {
                        Add(decisionPath + ".framing_intent_id", $"'{decision.FramingIntentId}' names no framing intent; expected one of: {Known(intents)}.", "reference");
                    }

                    var expectedId = $"{canvas.Id}-{decision.FramingIntentId}";
                    if (decision.Id != expectedId)
                    {
                        Add(decisionPath + ".id", $"'{decision.Id}' should be '{expectedId}' (<canvas id>-<framing intent id>).", "decision-id");
                    }

                    if (!seenDecisions.Add(decision.Id))
                    {
                        Add(decisionPath + ".id", $"framing decision id '{decision.Id}' is used twice; ids must be unique.", "unique-id");
                    }

                    if (decision.ProtectionDimensions.HasValue != decision.ProtectionAnchorPoint.HasValue)
                    {
                        Add(decisionPath + (decision.ProtectionDimensions.HasValue ? ".protection_anchor_point" : ".protection_dimensions"), "protection_dimensions and protection_anchor_point come together.", "pair");
                    }

                    CheckCustom(decision.Custom, decisionPath, Add);
                }
            }
        }

        var templates = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < fdl.CanvasTemplates.Count; t++)
        {
            var template = fdl.CanvasTemplates[t];
            var path = $"$.canvas_templates[{t}]";
            CheckId(template.Id, path + ".id", Add);
            if (!templates.Add(template.Id))
            {
                Add(path + ".id", $"canvas template id '{template.Id}' is used twice; ids must be unique.", "unique-id");
            }

            CheckChoice(template.FitSource, LayerPaths.All, path + ".fit_source", Add);
            CheckChoice(template.FitMethod, FitMethods, path + ".fit_method", Add);
            CheckChoice(template.PreserveFromSourceCanvas, LayerPaths.All, path + ".preserve_from_source_canvas", Add);
            CheckChoice(template.AlignmentMethodVertical, Vertical, path + ".alignment_method_vertical", Add);
            CheckChoice(template.AlignmentMethodHorizontal, Horizontal, path + ".alignment_method_horizontal", Add);
            CheckChoice(template.Round?.Even, Evens, path + ".round.even", Add);
            CheckChoice(template.Round?.Mode, Modes, path + ".round.mode", Add);
            if (template.TargetAnamorphicSqueeze < 0)
            {
                Add(path + ".target_anamorphic_squeeze", $"squeeze {template.TargetAnamorphicSqueeze} must be 0 (keep the source's) or more.", "value");
            }

            if (template.TargetDimensions.Width <= 0 || template.TargetDimensions.Height <= 0)
            {
                Add(path + ".target_dimensions", "the target needs a positive width and height.", "value");
            }

            if (template.MaximumDimensions is { } max && (max.Width != 0 || max.Height != 0)
                && (max.Width < template.TargetDimensions.Width || max.Height < template.TargetDimensions.Height))
            {
                Add(path + ".maximum_dimensions", $"maximum {max} is smaller than the target {template.TargetDimensions}.", "value");
            }

            CheckCustom(template.Custom, path, Add);
        }

        return issues;
    }

    private static void CheckId(string id, string path, Action<string, string, string> add)
    {
        if (!IdPattern().IsMatch(id))
        {
            add(path, $"'{id}' is not a valid id; expected 1 to 32 characters of A-Z, a-z, 0-9 and _.", "id");
        }
    }

    private static void CheckChoice(string? value, IReadOnlyCollection<string> allowed, string path, Action<string, string, string> add)
    {
        if (value is not null && !allowed.Contains(value))
        {
            add(path, $"'{value}' is not allowed; expected one of: {string.Join(", ", allowed)}.", "value");
        }
    }

    private static void CheckCustom(Dictionary<string, JsonElement>? custom, string path, Action<string, string, string> add)
    {
        foreach (var key in custom?.Keys ?? Enumerable.Empty<string>())
        {
            if (!key.StartsWith('_'))
            {
                add($"{path}.{key}", $"unknown property '{key}'; only user properties beginning with '_' may be added.", "additional-property");
            }
        }
    }

    private static string Known(IEnumerable<string> ids)
    {
        var list = ids.Take(8).Select(id => $"'{id}'").ToList();
        return list.Count == 0 ? "(none defined)" : string.Join(", ", list);
    }
}
