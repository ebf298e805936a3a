using System.Collections.Concurrent;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Host.Amf;
using Rushes.Host.Amf.Model;
using Rushes.Host.Amf.Pipeline;
using Rushes.Host.Colour;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Render.Colour;

/// <summary>
/// Plans each deliverable's colour from the AMF (or, without one, Netflix's default: the camera's input
/// transform to ACES) and the deliverable's colour intent: <c>none</c> stays in scene-linear ACES 2065-1,
/// an output transform id is applied after the looks, and <c>camera</c> goes back to the camera's own
/// encoding. Each chain is compiled once, per deliverable and decoded encoding, into one processor.
/// </summary>
public sealed class ColourPlanner
{
    /// <summary>The encoding the pipeline works in.</summary>
    public const string Aces = "ACES2065-1";

    private readonly ColourProcessorCompiler _compiler;
    private readonly ColourTransformRegistry _registry;
    private readonly string? _amfPath;
    private readonly ConcurrentDictionary<string, Lazy<ColourPlan>> _plans = new(StringComparer.Ordinal);

    public ColourPlanner(ColourProcessorCompiler compiler, ColourTransformRegistry registry, string? amfPath)
    {
        _compiler = compiler;
        _registry = registry;
        _amfPath = amfPath;
        Amf = amfPath is null ? null : AmfReader.ReadFile(amfPath);
    }

    /// <summary>The job's AMF, when one was given.</summary>
    public AmfDocument? Amf { get; }

    /// <summary>Checks a colour intent against the loaded transforms before any frame is decoded.</summary>
    public void Check(Deliverable deliverable)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        var output = deliverable.Colour.Output;
        if (output is not (ColourIntent.None or ColourIntent.Camera))
        {
            try
            {
                _registry.Resolve(output);
            }
            catch (InputException ex)
            {
                throw new InputException($"Deliverable '{deliverable.Name}': {ex.Message}", field: $"deliverables.{deliverable.Name}.colour.output", expected: ex.Expected);
            }
        }
    }

    /// <summary>The compiled colour for a deliverable, for frames decoded in <paramref name="encoding"/>.</summary>
    public ColourPlan For(Deliverable deliverable, string encoding, string? appliedInputTransform)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        var key = $"{deliverable.Name}|{encoding}|{appliedInputTransform}";
        var lazy = _plans.GetOrAdd(key, _ => new Lazy<ColourPlan>(() => Build(deliverable, encoding, appliedInputTransform), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    private ColourPlan Build(Deliverable deliverable, string encoding, string? appliedInputTransform)
    {
        var input = new List<TransformDescription>();
        var looks = new List<TransformDescription>();
        var alreadyAces = string.Equals(encoding, Aces, StringComparison.OrdinalIgnoreCase);
        if (Amf is not null)
        {
            var steps = AmfPipelinePlanner.Plan(Amf, _amfPath!, new AmfPlanOptions { IncludeOutput = false, IncludeLooks = deliverable.Colour.ApplyLooks });
            // A decoder that already reached ACES did the AMF's input transform itself.
            var decoderDidInput = alreadyAces || (appliedInputTransform is not null && steps.Any(s => s.Role == ColourStepRole.Input && Same(s.Transform.TransformId, appliedInputTransform)));
            input.AddRange(steps.Where(s => s.Role == ColourStepRole.Input && !decoderDidInput).Select(s => s.Transform));
            looks.AddRange(steps.Where(s => s.Role != ColourStepRole.Input).Select(s => s.Transform));
        }
        else if (!alreadyAces)
        {
            input.Add(new TransformDescription { TransformId = InputTransformFor(encoding) });
        }

        var chain = new List<TransformDescription>(input);
        chain.AddRange(looks);
        string outputEncoding;
        switch (deliverable.Colour.Output)
        {
            case ColourIntent.None:
                outputEncoding = Aces;
                break;
            case ColourIntent.Camera when input.Count == 0:
                // A raw decode lands in scene-linear ACES directly: there is no camera log to go back to,
                // and writing linear values under a log label would mislead every later step.
                throw new InputException(
                    $"Deliverable '{deliverable.Name}': colour output 'camera' asks for the camera's log encoding, but this clip decodes straight to {encoding} (a raw format has no log of its own).",
                    field: $"{deliverable.Name}.colour.output",
                    expected: "a log output transform such as ACES2065-1_to_ACEScct (for log-dpx: --var log=ACES2065-1_to_ACEScct)");
            case ColourIntent.Camera:
                // Back through the input transform, last step first: the camera's own log and gamut.
                chain.AddRange(Enumerable.Reverse(input).Select(t => t with { Direction = t.Direction == TransformDirection.Forward ? TransformDirection.Inverse : TransformDirection.Forward }));
                outputEncoding = encoding;
                break;
            default:
                var (id, direction) = TransformIds.Canonical(deliverable.Colour.Output);
                var resolved = _registry.Resolve(id).Info.Id;
                chain.Add(new TransformDescription { TransformId = resolved, Direction = direction });
                outputEncoding = DisplayEncoding(deliverable.Colour.Output);
                break;
        }

        return new ColourPlan(_compiler.Compile(chain), outputEncoding, chain, input.Count == 1 ? input[0].TransformId : null);
    }

    /// <summary>
    /// The input transform for a decoded encoding: a transform aliased <c>ENCODING_to_ACES2065-1</c>
    /// (as OpenColorIO's ACES configs name them), or a transform whose id is the encoding itself.
    /// </summary>
    private string InputTransformFor(string encoding)
    {
        foreach (var name in new[] { $"{encoding}_to_{Aces}", encoding })
        {
            try
            {
                return _registry.Resolve(name).Info.Id;
            }
            catch (InputException)
            {
            }
        }

        throw new InputException($"The clip decodes to '{encoding}', and no loaded colour transform takes it to {Aces}.", field: "amf",
            expected: $"an AMF whose input transform takes '{encoding}' to ACES, or a colour plugin with a transform aliased '{encoding}_to_{Aces}'");
    }

    private bool Same(string a, string b)
    {
        try
        {
            return _registry.Resolve(a).Info.Id == _registry.Resolve(b).Info.Id;
        }
        catch (InputException)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>What an output transform's pixels are, by the display it names, so that writers can label them.</summary>
    internal static string DisplayEncoding(string outputId)
    {
        // "…_in_Rec2100-D65_ST2084" names the display after "_in_"; what comes before is the limiting gamut.
        var display = outputId.LastIndexOf("_in_", StringComparison.Ordinal) is >= 0 and var at ? outputId[(at + 4)..] : outputId;
        // A colour-space conversion names its target last: "ACES2065-1_to_ACEScg".
        if (display.LastIndexOf("_to_", StringComparison.Ordinal) is >= 0 and var to)
        {
            display = display[(to + 4)..];
            if (display is "ACEScg" or "ACEScct" or "ACEScc")
            {
                return display;
            }
        }

        var id = display.Replace("-", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        return id switch
        {
            // "Rec709-D65_sRGB-Piecewise" is Rec.709 primaries in the sRGB encoding: the encoding decides the label.
            _ when id.Contains("sRGB", StringComparison.OrdinalIgnoreCase) || id.Contains("RGBmonitor", StringComparison.OrdinalIgnoreCase) => "sRGB",
            _ when id.Contains("Rec709", StringComparison.OrdinalIgnoreCase) => "Rec.709",
            _ when id.Contains("Rec2020", StringComparison.OrdinalIgnoreCase) || id.Contains("Rec2100", StringComparison.OrdinalIgnoreCase) => "Rec.2020",
            _ when id.Contains("P3D65", StringComparison.OrdinalIgnoreCase) => "P3-D65",
            _ => outputId,
        };
    }
}
