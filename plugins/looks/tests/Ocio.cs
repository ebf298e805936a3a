using System.Globalization;
using Rushes.Testing;

namespace Rushes.Plugins.Looks.Tests;

/// <summary>
/// Runs OpenColorIO 2.1's <c>ocioconvert</c> on a one-row float image (PFM in, float EXR out, read back
/// with <c>oiiotool --dumpdata</c>) through a small config whose colour space is a FileTransform.
/// </summary>
internal static class Ocio
{
    /// <summary>Applies <paramref name="file"/> with OCIO to RGB triples, interleaved.</summary>
    public static float[] Apply(string file, float[] rgb, string? cccId = null, string? interpolation = null, bool inverse = false)
    {
        var work = Directory.CreateTempSubdirectory("rushes-looks-ocio-");
        try
        {
            var input = Path.Combine(work.FullName, "in.pfm");
            var output = Path.Combine(work.FullName, "out.exr");
            File.WriteAllBytes(input, Pfm.Write(new FloatImage(rgb.Length / 3, 1, 3, rgb)));
            // Always through a config: `ocioconvert --lut` forces the best interpolation (tetrahedral),
            // while a FileTransform left at its default honours the file's own interpolation.
            var config = Path.Combine(work.FullName, "config.ocio");
            var options = $"src: \"{file}\"" + (cccId is null ? string.Empty : $", cccid: \"{cccId}\"") + (interpolation is null ? string.Empty : $", interpolation: {interpolation}") + (inverse ? ", direction: inverse" : string.Empty);
            File.WriteAllText(config, $$"""
                ocio_profile_version: 2
                roles:
                  default: raw
                colorspaces:
                  - !<ColorSpace>
                    name: raw
                  - !<ColorSpace>
                    name: look
                    from_scene_reference: !<FileTransform> { {{options}} }
                """);
            var result = RunWithEnvironment("ocioconvert", [input, "raw", output, "look"], config);
            result.EnsureSuccess($"ocioconvert on {file}");
            var dump = ReferenceTool.Run("oiiotool", ["--dumpdata", output]).EnsureSuccess("oiiotool --dumpdata");
            return Parse(dump.StandardOutput, rgb.Length);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs a tool with $OCIO set for it alone (through env), so runs can go side by side.</summary>
    private static ToolResult RunWithEnvironment(string tool, string[] args, string config)
        => ReferenceTool.Run("env", [$"OCIO={config}", ReferenceTool.Require(tool), .. args]);

    private static float[] Parse(string dump, int count)
    {
        var values = new List<float>(count);
        foreach (var line in dump.Split('\n'))
        {
            var colon = line.IndexOf("):", StringComparison.Ordinal);
            if (!line.TrimStart().StartsWith("Pixel (", StringComparison.Ordinal) || colon < 0)
            {
                continue;
            }

            foreach (var token in line[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                values.Add(token.ToLowerInvariant() switch
                {
                    "inf" => float.PositiveInfinity,
                    "-inf" => float.NegativeInfinity,
                    "nan" or "-nan" => float.NaN,
                    _ => float.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture),
                });
            }
        }

        return values.Count == count ? [.. values] : throw new InvalidOperationException($"oiiotool printed {values.Count} values, expected {count}.");
    }
}
