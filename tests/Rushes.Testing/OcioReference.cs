using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rushes.Testing;

/// <summary>
/// OpenColorIO (the Debian opencolorio-tools build, OCIO 2.1) as an independent reference: RGB triples
/// go through <c>ocioconvert</c> as a one-row float PFM, with a config written to a temporary folder
/// whose colour spaces are OCIO built-in transforms, and come back through <c>oiiotool --dumpdata</c>.
/// OCIO's processors run with no optimisation (OCIO_OPTIMIZATION_FLAGS=0), so no fast log/exp
/// approximations or LUT bakes stand between the reference maths and the result.
/// </summary>
public static partial class OcioReference
{
    /// <summary>
    /// Converts <paramref name="rgb"/> (interleaved triples) from colour space <paramref name="source"/> to
    /// <paramref name="target"/>. <paramref name="colourSpaces"/> maps each colour-space name to the YAML of
    /// its transform, <c>to_reference: ...</c> or <c>from_reference: ...</c> (see <see cref="ToReference"/>
    /// and <see cref="FromReference"/>); the reference space is called <c>reference</c>.
    /// </summary>
    public static float[] Convert(IReadOnlyDictionary<string, string> colourSpaces, string source, string target, float[] rgb)
    {
        ArgumentNullException.ThrowIfNull(colourSpaces);
        ArgumentNullException.ThrowIfNull(rgb);
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rushes-ocio", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var config = new StringBuilder("""
                ocio_profile_version: 2
                roles:
                  default: reference
                  scene_linear: reference
                file_rules:
                  - !<Rule> {name: Default, colorspace: reference}
                displays:
                  none:
                    - !<View> {name: reference, colorspace: reference}
                colorspaces:
                  - !<ColorSpace>
                    name: reference

                """);
            foreach (var (name, transform) in colourSpaces)
            {
                config.Append(CultureInfo.InvariantCulture, $"  - !<ColorSpace>\n    name: {name}\n    {transform}\n");
            }

            var configPath = System.IO.Path.Combine(folder, "config.ocio");
            File.WriteAllText(configPath, config.ToString());
            var input = System.IO.Path.Combine(folder, "in.pfm");
            var output = System.IO.Path.Combine(folder, "out.exr");
            File.WriteAllBytes(input, Pfm.Write(new FloatImage(rgb.Length / 3, 1, 3, rgb)));

            var environment = new Dictionary<string, string> { ["OCIO"] = configPath, ["OCIO_OPTIMIZATION_FLAGS"] = "0" };
            ReferenceTool.Run("ocioconvert", [input, source, output, target], environment: environment).EnsureSuccess($"ocioconvert {source} -> {target}");
            var dump = ReferenceTool.Run("oiiotool", ["--info", "-v", "--dumpdata", output]).EnsureSuccess("oiiotool --dumpdata");
            var values = new float[rgb.Length];
            var count = 0;
            foreach (Match m in PixelLine().Matches(dump.StandardOutput))
            {
                var x = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var channels = m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var c = 0; c < 3; c++)
                {
                    values[(x * 3) + c] = float.Parse(channels[c], NumberStyles.Float, CultureInfo.InvariantCulture);
                }

                count++;
            }

            return count == rgb.Length / 3
                ? values
                : throw new InvalidOperationException($"oiiotool printed {count} pixels of {rgb.Length / 3}:\n{dump.StandardOutput}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A colour space that an OCIO built-in transform takes to the reference.</summary>
    public static string ToReference(string style) => $"to_reference: !<BuiltinTransform> {{style: \"{style}\"}}";

    /// <summary>A colour space that an OCIO built-in transform makes from the reference.</summary>
    public static string FromReference(string style) => $"from_reference: !<BuiltinTransform> {{style: \"{style}\"}}";

    [GeneratedRegex(@"Pixel \((\d+), 0\): ([-0-9.eEinfa ]+)")]
    private static partial Regex PixelLine();
}
