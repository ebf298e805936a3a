using System.Security.Cryptography;
using System.Text;
using Rushes.Host.Specs.Model;
using Rushes.Host.Specs.Naming;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Rushes.Host.Specs.Reading;

/// <summary>
/// Reads rendered spec text (YAML, or JSON, which YAML includes) into a <see cref="DeliverableSpec"/>.
/// Every structural problem is collected with its line and field path; then the
/// <see cref="DeliverableSpecValidator"/> checks the values.
/// </summary>
public static class SpecReader
{
    public static DeliverableSpec Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            CheckDepth(text, file);
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new SpecException(new SpecIssue(error.InnerException?.Message ?? error.Message, file, (int)error.Start.Line, (int)error.Start.Column), "well-formed YAML or JSON");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SpecException(new SpecIssue("expected one YAML document holding a mapping (spec, name, deliverables)", file), "a spec document");
        }

        var issues = new List<SpecIssue>();
        var fields = new YamlFields(root, string.Empty, file, issues);
        var version = fields.Integer("spec", required: true);
        var name = fields.Text("name", required: true);
        var description = fields.Text("description");
        var deliverables = new List<Deliverable>();
        var entries = fields.Sequence("deliverables", required: true);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is YamlMappingNode entry)
            {
                deliverables.Add(ReadDeliverable(new YamlFields(entry, $"deliverables[{i}]", file, issues)));
            }
            else
            {
                issues.Add(new SpecIssue("expected a mapping (name, type, naming...)", file, (int)entries[i].Start.Line, (int)entries[i].Start.Column, $"deliverables[{i}]"));
            }
        }

        fields.RejectUnknown();
        if (issues.Count > 0)
        {
            throw new SpecException(issues, "a spec in the format of docs/SPECS.md");
        }

        var spec = new DeliverableSpec
        {
            FormatVersion = (int)Math.Clamp(version!.Value, int.MinValue, int.MaxValue),
            Name = name!,
            Description = description,
            Deliverables = deliverables,
            SourceFile = file,
            RenderedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
        var validation = new DeliverableSpecValidator().Validate(spec);
        if (!validation.IsValid)
        {
            throw new SpecException([.. validation.Errors.Select(e => new SpecIssue(e.ErrorMessage, file, LineOf(spec, e.PropertyName), null, e.PropertyName))], "a spec in the format of docs/SPECS.md");
        }

        return spec;
    }

    /// <summary>The deepest nesting a spec may have; real specs use four.</summary>
    public const int MaxDepth = 32;

    // YamlDotNet builds its node tree recursively, so `[[[[…` a few thousand deep would end the
    // process with a stack overflow. Its event parser is not recursive: walk the events first.
    private static void CheckDepth(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case SequenceStart or MappingStart:
                    if (++depth > MaxDepth)
                    {
                        throw new SpecException(new SpecIssue($"the document nests deeper than {MaxDepth} levels", file, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column), $"at most {MaxDepth} levels of nesting");
                    }

                    break;
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static Deliverable ReadDeliverable(YamlFields fields)
    {
        var namingText = fields.Text("naming", required: true);
        NamingPattern? naming = null;
        if (namingText is not null)
        {
            naming = NamingPattern.TryParse(namingText, out var problems);
            foreach (var problem in problems)
            {
                fields.Problem("naming", problem, fields.Node("naming")!);
            }
        }

        var colour = fields.Mapping("colour");
        var colourIntent = colour is null
            ? ColourIntent.SceneLinear
            : new ColourIntent(colour.Text("output") ?? ColourIntent.None, colour.Boolean("looks") ?? false);
        colour?.RejectUnknown();

        var deliverable = new Deliverable
        {
            Name = fields.Text("name", required: true) ?? string.Empty,
            Type = fields.Text("type", required: true) ?? string.Empty,
            Options = fields.Scalars("options"),
            Colour = colourIntent,
            Framing = ReadFraming(fields.Mapping("framing")),
            Naming = naming ?? NamingPattern.TryParse("invalid", out _)!,
            FrameOffset = fields.Integer("frame-offset") ?? 0,
            Sidecars = [.. fields.Sequence("sidecars").Select(n => (n as YamlScalarNode)?.Value ?? string.Empty)],
            OnFailure = ReadPolicy(fields),
            Line = fields.Line,
        };
        fields.RejectUnknown();
        return deliverable;
    }

    private static FramingIntent? ReadFraming(YamlFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var framing = new FramingIntent
        {
            Template = fields.Text("template"),
            TemplateId = fields.Text("template-id"),
            Width = ToInt(fields.Integer("width")),
            Height = ToInt(fields.Integer("height")),
            Fit = fields.Text("fit") ?? "fit_all",
            Filter = fields.Text("filter") ?? "lanczos3",
        };
        fields.RejectUnknown();
        return framing;
    }

    // Out-of-range values stay out of range, so that the validator names them.
    private static int? ToInt(long? value) => value is { } v ? (int)Math.Clamp(v, int.MinValue, int.MaxValue) : null;

    private static FailurePolicy ReadPolicy(YamlFields fields)
    {
        var text = fields.Text("on-failure");
        switch (text)
        {
            case null or "abort":
                return FailurePolicy.Abort;
            case "black-frame":
                return FailurePolicy.BlackFrame;
            case "skip":
                return FailurePolicy.Skip;
            default:
                fields.Problem("on-failure", $"expected abort, black-frame or skip, found '{text}'", fields.Node("on-failure")!);
                return FailurePolicy.Abort;
        }
    }

    private static int? LineOf(DeliverableSpec spec, string field)
    {
        if (!field.StartsWith("deliverables[", StringComparison.Ordinal))
        {
            return null;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(13, close - 13), out var index) && index < spec.Deliverables.Count ? spec.Deliverables[index].Line : null;
    }
}
