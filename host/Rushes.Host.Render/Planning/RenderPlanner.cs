using System.Globalization;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Clips;
using Rushes.Host.Render.Colour;
using Rushes.Host.Render.Framing;
using Rushes.Host.Specs;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Render.Planning;

/// <summary>
/// Turns a job into a <see cref="RenderPlan"/>, checking everything that can be checked before a frame
/// is decoded: the clip and its frames, the decode parameters, the spec and its variables, each
/// deliverable's type and options, its colour transforms, its framing and its file names.
/// </summary>
public sealed class RenderPlanner(RenderServices services)
{
    /// <summary>Frame rate assumed when the clip does not say (labels only; pixels do not depend on it).</summary>
    private static readonly FrameRate FallbackRate = FrameRate.Fps24;

    public RenderPlan Plan(RenderJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clip = FindClip(job.Clip);
        var reader = services.Clips.Open(clip, cancellationToken);
        try
        {
            return Build(job, clip, reader, cancellationToken);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private RenderPlan Build(RenderJob job, DiscoveredClip clip, IClipReader reader, CancellationToken cancellationToken)
    {
        var info = reader.Info;
        var frames = Frames(job, info);
        var origin = Origin(job, info, frames);
        var sequence = Sequence(job, frames);
        var decode = DecodeRequest(job, clip);
        var variables = Variables(job, clip, reader, frames);
        var spec = services.Specs.Load(job.Spec, variables, cancellationToken);
        var colour = new ColourPlanner(services.Compiler, services.Transforms, job.Amf);
        var framing = new FramingPlanner(info, job.Fdl, job.Template);
        var specFolder = spec.SourceFile is null ? null : Path.GetDirectoryName(spec.SourceFile);
        var types = services.Plugins.Components<IDeliverableType>().GroupBy(t => t.Component.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var deliverables = new List<DeliverablePlan>();
        foreach (var deliverable in Selected(job, spec))
        {
            if (!types.TryGetValue(deliverable.Type, out var type))
            {
                throw new InputException($"Deliverable '{deliverable.Name}' is of type '{deliverable.Type}', which no loaded plugin provides.", spec.SourceFile, $"deliverables.{deliverable.Name}.type",
                    types.Count == 0 ? "a deliverable plugin (see 'rushes plugins')" : $"one of: {string.Join(", ", types.Keys.Order(StringComparer.Ordinal))}");
            }

            var options = Options(deliverable, type.Plugin, type.Component, spec.SourceFile);
            colour.Check(deliverable);
            var plan = framing.Plan(deliverable.Framing, specFolder);
            var tokens = Tokens(job, reader, deliverable, plan);
            var first = frames.First - origin + deliverable.FrameOffset;
            var planned = new DeliverablePlan
            {
                Spec = deliverable,
                Type = type.Component,
                Plugin = type.Plugin,
                Options = options,
                Framing = plan,
                // A still of the clip (one image, no {frame} in its name) takes the range's first frame.
                OutputFrames = new FrameRange(first, DeliverablePlan.IsStill(deliverable, type.Component) ? first : first + frames.Count - 1),
                Tokens = tokens,
                SourceOrigin = origin,
            };
            CheckNaming(planned, spec.SourceFile);
            deliverables.Add(planned);
        }

        var clashes = deliverables.GroupBy(d => d.FileName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (clashes.Count > 0)
        {
            throw new InputException($"Several deliverables write '{clashes[0]}'.", spec.SourceFile, "deliverables[].naming", "a naming pattern per deliverable that gives its own files ({deliverable} helps)");
        }

        var unit = UnitIdentity.Of(
            clip.Location.MediaFiles.Concat(clip.Location.Sidecars),
            frames.ToString(),
            spec.RenderedHash ?? string.Empty,
            services.Plugins.Plugins.Where(p => p.IsLoaded).Select(p => (p.Id, p.Manifest?.Version ?? "?", p.ManifestSha256)),
            job.Amf,
            job.Fdl,
            job.Template,
            job.Decode,
            origin,
            job.Deliverables,
            job.Variables,
            job.Sequence is null ? null : sequence.ToString());

        return new RenderPlan
        {
            Job = job,
            Clip = clip,
            Reader = reader,
            Frames = frames,
            Sequence = sequence,
            Decode = decode,
            Spec = spec,
            Deliverables = deliverables,
            Colour = colour,
            FrameRate = info.FrameRate ?? FallbackRate,
            FdlUuid = framing.FdlUuid,
            Unit = unit,
        };
    }

    private DiscoveredClip FindClip(string path)
    {
        var (clips, problems) = services.Clips.Discover(path);
        return clips.Count switch
        {
            1 => clips[0],
            0 => throw new InputException($"No clip that a loaded camera format reads was found at '{path}'.{(problems.Count > 0 ? $" {problems[0]}" : string.Empty)}", path, "clip",
                "a clip file, or a file or folder of a frame sequence, in a format of a loaded camera-format plugin"),
            _ => throw new InputException($"'{path}' holds {clips.Count} clips ({string.Join(", ", clips.Take(5).Select(c => c.Location.Name))}); a render takes one.", path, "clip",
                "one clip: give one of its files"),
        };
    }

    private static FrameRange Frames(RenderJob job, ClipInfo info)
    {
        if (job.Handles < 0)
        {
            throw new InputException($"Handles must not be negative; got {job.Handles}.", field: "handles", expected: "0 or more frames");
        }

        FrameRange asked;
        if (job.Frames is null)
        {
            asked = info.Frames;
        }
        else if (!FrameRange.TryParse(job.Frames, out asked))
        {
            throw new InputException($"'{job.Frames}' is not a frame range.", field: "frames", expected: $"first-last with first <= last, within the clip's frames {info.Frames}");
        }

        var withHandles = asked.WithHandles(job.Handles);
        if (!info.Frames.Contains(withHandles))
        {
            throw new InputException($"Frames {withHandles}{(job.Handles > 0 ? $" ({asked} with {job.Handles} handles)" : string.Empty)} are not all in the clip, whose frames are {info.Frames}.",
                job.Clip, "frames", $"a range within {info.Frames}");
        }

        return withHandles;
    }

    /// <summary>The whole sequence a unit's frames are part of: the job's <c>sequence</c>, or its own frames.</summary>
    private static FrameRange Sequence(RenderJob job, FrameRange frames)
    {
        if (job.Sequence is null)
        {
            return frames;
        }

        if (!FrameRange.TryParse(job.Sequence, out var sequence) || !sequence.Contains(frames))
        {
            throw new InputException($"The sequence '{job.Sequence}' must be a frame range holding the rendered frames {frames}.", job.Clip, "sequence",
                $"first-last around {frames}, or none (the job's frames are the whole sequence)");
        }

        return sequence;
    }

    /// <summary>The source frame numbered as the spec's frame offset: the job's, or the pull's first frame.</summary>
    private static long Origin(RenderJob job, ClipInfo info, FrameRange frames)
    {
        var origin = job.FrameOrigin ?? frames.First;
        if (origin > frames.First || !info.Frames.Contains(origin))
        {
            throw new InputException($"The frame origin {origin} must be a frame of the clip ({info.Frames}) at or before the first rendered frame {frames.First}.", job.Clip, "frameOrigin",
                $"a source frame from {info.Frames.First} to {frames.First}, or none (the first frame of the pull)");
        }

        return origin;
    }

    /// <summary>The spec's deliverables the job asks for, in the spec's order; an unknown name is an error, not a silent skip.</summary>
    private static IEnumerable<Deliverable> Selected(RenderJob job, DeliverableSpec spec)
    {
        if (job.Deliverables is null)
        {
            return spec.Deliverables;
        }

        var names = spec.Deliverables.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = job.Deliverables.FirstOrDefault(n => !names.Contains(n));
        if (job.Deliverables.Count == 0 || unknown is not null)
        {
            throw new InputException(unknown is null ? "The job names no deliverable." : $"The spec '{spec.Name}' has no deliverable '{unknown}'.", spec.SourceFile, "deliverables",
                $"one or more of: {string.Join(", ", names.Order(StringComparer.Ordinal))}");
        }

        return spec.Deliverables.Where(d => job.Deliverables.Contains(d.Name, StringComparer.Ordinal));
    }

    private static DecodeRequest DecodeRequest(RenderJob job, DiscoveredClip clip)
    {
        var values = new ParameterValues(job.Decode);
        var problems = values.Validate(clip.Format.Format.DecodeParameters, $"camera format '{clip.Format.Format.Id}'");
        if (problems.Count > 0)
        {
            throw new InputException(string.Join("; ", problems.Select(p => p.Message)), job.Clip, $"decode.{problems[0].Field}", problems[0].Expected);
        }

        return new DecodeRequest { Parameters = values };
    }

    private ParameterValues Options(Deliverable deliverable, Host.Plugins.PluginRecord plugin, IDeliverableType type, string? specFile)
    {
        var values = new ParameterValues(deliverable.Options);
        var problems = values.Validate(type.Options, $"deliverable '{deliverable.Name}' ({type.Id})").ToList();
        if (problems.Count == 0)
        {
            problems.AddRange(services.Guard.Invoke(plugin, $"{type.Id}.ValidateOptions", () => type.ValidateOptions(values)).Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        if (problems.Count > 0)
        {
            throw new InputException(string.Join("; ", problems.Select(p => p.Message)), specFile, $"deliverables.{deliverable.Name}.options.{problems[0].Field}", problems[0].Expected);
        }

        return values;
    }

    /// <summary>The spec's variables: the job's own (each alone and all under <c>vars</c>), and the clip's under <c>clip</c>.</summary>
    private static Dictionary<string, object?> Variables(RenderJob job, DiscoveredClip clip, IClipReader reader, FrameRange frames)
    {
        var info = reader.Info;
        var result = SpecVariables.From(job.Variables);
        result["clip"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = clip.Location.Name,
            ["reel"] = Text(reader.Metadata, NormalizedField.Reel),
            ["camera"] = Text(reader.Metadata, NormalizedField.CameraLetter),
            ["width"] = (long)info.Width,
            ["height"] = (long)info.Height,
            ["fps"] = info.FrameRate?.FramesPerSecond,
            ["first_frame"] = frames.First,
            ["last_frame"] = frames.Last,
        };
        return result;
    }

    private static Dictionary<string, string> Tokens(RenderJob job, IClipReader reader, Deliverable deliverable, FramingPlan framing)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "show", "episode", "sequence", "shot", "version", "date", "camera", "reel" })
        {
            if (job.Variables.TryGetValue(name, out var value))
            {
                tokens[name] = value;
            }
        }

        tokens["clip"] = reader.Location.Name;
        if (!tokens.ContainsKey("reel") && Text(reader.Metadata, NormalizedField.Reel) is { } reel)
        {
            tokens["reel"] = reel;
        }

        if (!tokens.ContainsKey("camera") && Text(reader.Metadata, NormalizedField.CameraLetter) is { } camera)
        {
            tokens["camera"] = camera;
        }

        tokens["deliverable"] = deliverable.Name;
        tokens["width"] = framing.Width.ToString(CultureInfo.InvariantCulture);
        tokens["height"] = framing.Height.ToString(CultureInfo.InvariantCulture);
        tokens["resolution"] = string.Create(CultureInfo.InvariantCulture, $"{framing.Width}x{framing.Height}");
        return tokens;
    }

    private static void CheckNaming(DeliverablePlan plan, string? specFile)
    {
        try
        {
            _ = plan.FileName;
        }
        catch (KeyNotFoundException ex)
        {
            throw new InputException($"Deliverable '{plan.Name}': {ex.Message}", specFile, $"deliverables.{plan.Name}.naming",
                "a variable for every naming token the pattern uses (--var NAME=VALUE), or clip metadata that gives it");
        }
    }

    private static string? Text(ClipMetadata metadata, string key)
        => metadata.Normalized.TryGetValue(key, out var value) && value.IsPresent ? value.AsText() ?? value.ToString() : null;
}
