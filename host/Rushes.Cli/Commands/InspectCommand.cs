using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Host.Clips;
using Rushes.Host.Metadata;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes inspect PATH</c>: the clips under a file or folder, with vendor and normalized metadata.</summary>
public static class InspectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var path = new Argument<string>("path") { Description = "A clip file, a frame-sequence folder, or a card folder." };
        var tracks = new Option<bool>("--tracks") { Description = "Also read every frame's metadata and add the per-frame lens tracks to the normalized v1 document." };
        var command = new Command("inspect", "Find the clips at a path and print their camera metadata and any warnings.") { path, json, tracks };
        command.SetAction(run(context =>
        {
            var target = context.ParseResult.GetValue(path)!;
            var withTracks = context.ParseResult.GetValue(tracks);
            var (clips, problems) = context.Get<ClipInspector>().Inspect(target, (clip, reader) => Describe(clip, reader, withTracks), cancellationToken: context.CancellationToken);
            var results = new List<JsonObject>();
            var failed = 0;
            foreach (var inspection in clips)
            {
                if (inspection.Result is { } node)
                {
                    results.Add(node);
                    continue;
                }

                // One bad clip is reported; the others are still inspected.
                failed++;
                var clip = inspection.Clip;
                results.Add(new JsonObject
                {
                    ["name"] = clip.Location.Name,
                    ["path"] = clip.Location.Path,
                    ["format"] = clip.FormatId,
                    ["plugin"] = clip.Format.Plugin.Id,
                    ["error"] = MetadataJson.ToJson([inspection.Failure!])[0]!.DeepClone(),
                });
            }

            if (clips.Count == 0 && problems.Count == 0 && File.Exists(target))
            {
                throw new InputException($"No loaded camera format recognises '{target}'.", file: target,
                    expected: "a file of a format some plugin supports (see 'rushes plugins')");
            }

            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["path"] = Path.GetFullPath(target),
                    ["clips"] = new JsonArray([.. results]),
                    ["problems"] = MetadataJson.ToJson(problems),
                });
            }
            else
            {
                WriteText(context.Out, results, problems);
            }

            return Task.FromResult(failed > 0 ? ExitCodes.Input : ExitCodes.Ok);
        }));
        return command;
    }

    private static JsonObject Describe(DiscoveredClip clip, IClipReader reader, bool withTracks)
    {
        var info = reader.Info;
        var frames = withTracks ? info.Frames.Frames().Select(reader.ReadFrameMetadata).ToList() : null;
        var mediaName = ClipInspector.MediaName(clip.Location);
        var described = new JsonObject
        {
            ["name"] = clip.Location.Name,
            ["path"] = clip.Location.Path,
            ["layout"] = clip.Location.Layout.ToString(),
            ["format"] = clip.FormatId,
            ["plugin"] = clip.Format.Plugin.Id,
            ["files"] = clip.Location.MediaFiles.Count,
            ["sidecars"] = new JsonArray([.. clip.Location.Sidecars.Select(s => (JsonNode)s)]),
            ["frames"] = new JsonObject { ["first"] = info.Frames.First, ["last"] = info.Frames.Last, ["count"] = info.Frames.Count },
            ["width"] = info.Width,
            ["height"] = info.Height,
            ["pixelAspectRatio"] = info.PixelAspectRatio,
            ["frameRate"] = info.FrameRate?.ToString(),
            ["startTimecode"] = info.StartTimecode?.ToString(),
            ["normalized"] = MetadataJson.ToJson(reader.Metadata.Normalized),
            // The same fields as a whole document of the published schema (docs/schema/clip-v1.schema.json).
            ["normalizedV1"] = ClipDocumentV1.Build(reader.Metadata, mediaName, frames),
            ["vendor"] = MetadataJson.ToJson(reader.Metadata.Vendor),
            ["warnings"] = MetadataJson.ToJson(clip.Location.Diagnostics.Concat(reader.Diagnostics).Distinct()),
        };
        if (clip.Claims.Count > 1)
        {
            // A clip several formats read: each one's format and plugin, in metadata order ("plugin" above is the lead's).
            described["claims"] = new JsonArray([.. clip.Claims.Select(c => (JsonNode)new JsonObject { ["format"] = c.Format.Format.Id, ["plugin"] = c.Format.Plugin.Id })]);
        }

        return described;
    }

    private static void WriteText(TextWriter output, List<JsonObject> clips, IReadOnlyList<Diagnostic> problems)
    {
        foreach (var clip in clips)
        {
            output.WriteLine($"{clip["name"]}  [{clip["format"]}]  {clip["path"]}");
            if (clip["error"] is { } error)
            {
                output.WriteLine($"  error: {error["message"]}");
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {clip["width"]}x{clip["height"]}  frames {clip["frames"]!["first"]}-{clip["frames"]!["last"]}  fps {clip["frameRate"] ?? "?"}  tc {clip["startTimecode"] ?? "?"}"));
            foreach (var (key, value) in clip["normalized"]!.AsObject())
            {
                output.WriteLine($"  {key}: {(value!["value"] is { } v ? v.ToJsonString() : "Missing")} {value["unit"]}".TrimEnd());
            }

            foreach (var warning in clip["warnings"]!.AsArray())
            {
                output.WriteLine($"  warning: {warning!["message"]}");
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine($"problem: {problem}");
        }

        output.WriteLine($"{clips.Count} clip(s)");
    }
}
