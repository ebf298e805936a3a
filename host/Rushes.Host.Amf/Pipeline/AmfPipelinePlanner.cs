using System.Globalization;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf.Pipeline;

/// <summary>
/// Turns an AMF's active pipeline into the ordered colour steps a render applies: the input transform
/// unless already applied, then the looks in document order (CDLs wrapped in their working space),
/// then the output transform; transforms already applied are skipped, or inverted when asked.
/// </summary>
public static class AmfPipelinePlanner
{
    /// <summary>Plans the steps; file references resolve inside the AMF's folder.</summary>
    public static IReadOnlyList<ColourStep> Plan(AmfDocument amf, string amfPath, AmfPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(amf);
        options ??= new AmfPlanOptions();
        var steps = new List<ColourStep>();
        var pipeline = amf.Pipeline;

        if (pipeline.Input is { Applied: false } input)
        {
            steps.AddRange(References(input, amfPath, ColourStepRole.Input, invert: false));
        }

        if (options.RemoveAppliedLooks)
        {
            foreach (var look in pipeline.Looks.Where(l => l.Applied == true).Reverse())
            {
                steps.AddRange(Look(look, amfPath, invert: true));
            }
        }

        if (options.IncludeLooks)
        {
            foreach (var look in pipeline.Looks.Where(l => l.Applied == false))
            {
                steps.AddRange(Look(look, amfPath, invert: false));
            }
        }

        if (options.IncludeOutput && pipeline.Output is { Applied: not true } output)
        {
            steps.AddRange(References(output, amfPath, ColourStepRole.Output, invert: false));
        }

        return steps;
    }

    /// <summary>A look: a CDL in its working space, or a referenced transform; inverted to remove it.</summary>
    private static IEnumerable<ColourStep> Look(AmfTransform look, string amfPath, bool invert)
    {
        var role = invert ? ColourStepRole.RemoveAppliedLook : ColourStepRole.Look;
        if (look.Cdl is null && look.ColorCorrectionRef is null)
        {
            return References(look, amfPath, role, invert);
        }

        var space = look.Part(AmfElements.CdlWorkingSpace);
        var from = space?.Part(AmfElements.FromCdlWorkingSpace);
        var to = space?.Part(AmfElements.ToCdlWorkingSpace);
        var steps = new List<ColourStep>();

        // Into the CDL space: the given 'to', else the inverse of 'from' (an inference the notes record).
        if (to is not null)
        {
            steps.AddRange(References(to, amfPath, ColourStepRole.ToCdlWorkingSpace, invert: false));
        }
        else if (from is not null)
        {
            steps.AddRange(References(from, amfPath, ColourStepRole.ToCdlWorkingSpace, invert: true));
        }

        steps.Add(look.Cdl is { } cdl
            ? new ColourStep
            {
                Role = role,
                Transform = new TransformDescription { TransformId = TransformIds.Cdl, Parameters = CdlParameters(cdl) },
                Cdl = cdl,
                Description = look.Description,
                Line = look.Line,
            }
            : new ColourStep
            {
                Role = role,
                Transform = new TransformDescription { TransformId = TransformIds.Cdl, FilePath = FileReferences.Resolve(amfPath, look), Selector = look.ColorCorrectionRef },
                Description = look.Description,
                Line = look.Line,
            });

        if (from is not null)
        {
            steps.AddRange(References(from, amfPath, ColourStepRole.FromCdlWorkingSpace, invert: false));
        }
        else if (to is not null)
        {
            steps.AddRange(References(to, amfPath, ColourStepRole.FromCdlWorkingSpace, invert: true));
        }

        if (invert)
        {
            // Removing a look runs its whole wrapped chain backwards.
            steps.Reverse();
            steps = [.. steps.Select(s => s with { Role = ColourStepRole.RemoveAppliedLook, Transform = Flip(s.Transform) })];
        }

        return steps;
    }

    /// <summary>The steps of a transform named by id or file, or made of parts (RRT + ODT, inverse ODT + inverse RRT).</summary>
    private static IEnumerable<ColourStep> References(AmfTransform transform, string amfPath, ColourStepRole role, bool invert)
    {
        var parts = transform.Parts.Where(p => p.Element != AmfElements.CdlWorkingSpace).ToList();
        if (parts.Count > 0)
        {
            var steps = parts.SelectMany(p => References(p with { Description = p.Description ?? transform.Description }, amfPath, role, invert: false)).ToList();
            if (invert)
            {
                steps.Reverse();
                steps = [.. steps.Select(s => s with { Transform = Flip(s.Transform) })];
            }

            return steps;
        }

        TransformDescription description;
        if (transform.TransformId is { } id)
        {
            var (canonical, direction) = TransformIds.Canonical(id);
            description = new TransformDescription { TransformId = canonical, Direction = direction };
        }
        else if (transform.File is not null)
        {
            var path = FileReferences.Resolve(amfPath, transform);
            description = new TransformDescription { TransformId = TransformIds.ForFile(path), FilePath = path };
        }
        else
        {
            throw new InputException(
                $"<{transform.Element}> names its transform only by uuid {transform.Uuid}, which no registry resolves.",
                amfPath, $"line {transform.Line}: {transform.Element}", "a transformId from the ACES registry, or a file beside the AMF");
        }

        return [new ColourStep { Role = role, Transform = invert ? Flip(description) : description, Description = transform.Description, Line = transform.Line }];
    }

    private static TransformDescription Flip(TransformDescription description)
        => description with { Direction = description.Direction == TransformDirection.Forward ? TransformDirection.Inverse : TransformDirection.Forward };

    /// <summary>The looks plugin's CDL parameters: slope-, offset- and power- per channel, and saturation.</summary>
    private static ParameterValues CdlParameters(AmfCdl cdl)
    {
        string[] channels = ["red", "green", "blue"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < 3; c++)
        {
            values[$"slope-{channels[c]}"] = Text(cdl.Slope[c]);
            values[$"offset-{channels[c]}"] = Text(cdl.Offset[c]);
            values[$"power-{channels[c]}"] = Text(cdl.Power[c]);
        }

        values["saturation"] = Text(cdl.Saturation);
        return new ParameterValues(values);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

}
