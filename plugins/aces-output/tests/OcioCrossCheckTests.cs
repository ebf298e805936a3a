using System.Globalization;
using System.Text;
using Rushes.Contracts.Colour;
using Rushes.Testing;
using Xunit.Abstractions;
using static Rushes.Plugins.AcesOutput.Tests.TestSupport;

namespace Rushes.Plugins.AcesOutput.Tests;

/// <summary>
/// Cross-checks against OpenColorIO 2.1 (ocioconvert), which has the ACES 1.3 outputs as built-ins:
/// the same generated image through both, compared pixel by pixel (absolute error below 1, relative above).
/// </summary>
public sealed class OcioCrossCheckTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;
    private const string V15 = "urn:ampas:aces:transformId:v1.5:";
    private const string Xyz = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - ";

    // What OCIO chains for each Academy output: its display-referred XYZ built-in, then the display
    // encoding built-in, then the ODT's final clip (the CTL clamps display RGB to [0, 1]).
    public static TheoryData<string, string[], string, string> AcademyOutputs() => new()
    {
        { "Rec709", [V15 + "RRT.a1.0.3", V15 + "ODT.Academy.Rec709_100nits_dim.a1.0.3"], Xyz + "SDR-VIDEO_1.0", "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709" },
        { "sRGB", [V15 + "RRT.a1.0.3", V15 + "ODT.Academy.RGBmonitor_100nits_dim.a1.0.3"], Xyz + "SDR-VIDEO_1.0", "DISPLAY - CIE-XYZ-D65_to_sRGB" },
        { "P3D65", [V15 + "RRT.a1.0.3", V15 + "ODT.Academy.P3D65_48nits.a1.1.0"], Xyz + "SDR-CINEMA_1.0", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D65" },
        { "Rec2020PQ", [V15 + "RRTODT.Academy.Rec2020_1000nits_15nits_ST2084.a1.1.0"], Xyz + "HDR-VIDEO-1000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ" },
    };

    [Theory]
    [MemberData(nameof(AcademyOutputs))]
    public void AcademyOutputMatchesOcio(string name, string[] chain, string view, string display)
    {
        var hdr = name.Contains("PQ", StringComparison.Ordinal);
        var clip = hdr
            ? "!<RangeTransform> {min_in_value: 0, min_out_value: 0}"
            : "!<RangeTransform> {min_in_value: 0, max_in_value: 1, min_out_value: 0, max_out_value: 1}";
        var group = $"!<GroupTransform> {{children: [!<BuiltinTransform> {{style: \"{view}\"}}, !<BuiltinTransform> {{style: \"{display}\"}}, {clip}]}}";
        var pixels = SceneGrid();
        var ocio = RunOcio(group, pixels, inverse: false);
        var ours = (float[])pixels.Clone();
        foreach (var id in chain)
        {
            Compile(id).ApplyInterleaved(ours, 3);
        }

        AssertClose($"{name} forward", ours, ocio, pixels);
    }

    [Theory]
    [MemberData(nameof(AcademyOutputs))]
    public void AcademyInverseOutputMatchesOcio(string name, string[] chain, string view, string display)
    {
        var group = $"!<GroupTransform> {{children: [!<BuiltinTransform> {{style: \"{view}\"}}, !<BuiltinTransform> {{style: \"{display}\"}}]}}";
        // The CTL inverts the code values the forward transform can produce: for 1000 cd/m² PQ that is up
        // to PQ(1000) ≈ 0.7518. Near that peak the tone scale is almost flat, so its inverse magnifies
        // OCIO 2.1's 1000 cd/m² spline deviation (see OcioToneScaleDeviation); the grid stops at PQ 0.7
        // (about 620 cd/m²) and starts at 0.3: fully saturated PQ primaries lie outside what the forward
        // transform produces, where OCIO clips in the limiting primaries and the CTL does not.
        var pq = name.Contains("PQ", StringComparison.Ordinal);
        var pixels = DisplayGrid(pq ? 0.3f : 0f, pq ? 0.7f : 1f);
        var ocio = RunOcio(group, pixels, inverse: true);
        var ours = (float[])pixels.Clone();
        foreach (var id in chain.Reverse())
        {
            Compile(id, TransformDirection.Inverse).ApplyInterleaved(ours, 3);
        }

        // The inverse magnifies OCIO 2.1's 1000 cd/m² spline deviation by the tone scale's inverse slope
        // (about 3× near 600 cd/m²): measured 1.33e-3 there, so that one case is held to a documented 2e-3.
        AssertClose($"{name} inverse", ours, ocio, pixels, pq ? 2e-3 : Tolerance);
    }

    public static TheoryData<string> OcioXyzOutputs()
    {
        var data = new TheoryData<string>();
        foreach (var t in Provider.Transforms.Where(t => t.Aliases.Any(a => a.StartsWith(Xyz, StringComparison.Ordinal) && !a.EndsWith("_2.0", StringComparison.Ordinal))))
        {
            data.Add(t.Aliases.Single(a => a.StartsWith(Xyz, StringComparison.Ordinal)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OcioXyzOutputs))]
    public void OcioBuiltinOutputMatchesOcio(string style)
    {
        var pixels = SceneGrid();
        var ocio = RunOcio($"!<BuiltinTransform> {{style: \"{style}\"}}", pixels, inverse: false);
        var ours = (float[])pixels.Clone();
        Compile(style).ApplyInterleaved(ours, 3);
        AssertClose(style, ours, ocio, pixels, OcioToneScaleDeviation(style));
    }

    // Scene-linear ACES2065-1 values from deep shadow to far above diffuse white, with negatives.
    private static float[] SceneGrid()
    {
        float[] levels = [-0.01f, 0f, 0.001f, 0.01f, 0.05f, 0.18f, 0.5f, 1f, 2.5f, 8f, 30f];
        return Cube(levels);
    }

    // Display code values over [0, 1].
    private static float[] DisplayGrid(float low, float top) => Cube([.. Enumerable.Range(0, 11).Select(k => low + (k * (top - low) / 10f))]);

    private static float[] Cube(float[] levels)
    {
        var pixels = new List<float>();
        foreach (var b in levels)
        {
            foreach (var g in levels)
            {
                foreach (var r in levels)
                {
                    pixels.AddRange([r, g, b]);
                }
            }
        }

        return [.. pixels];
    }

    // OCIO 2.1 evaluates its B-spline fit of the 1000 and 108 cd/m² single-stage tone scales up to
    // 4.2e-4 (relative) away from the CTL's formula above about two stops over mid grey; its 2000 and
    // 4000 cd/m² fits agree with the CTL to 1e-6. The spline data are identical (same knots and slopes
    // to 8 digits), and this plugin meets OCIO's own current vectors for these transforms to 2e-7, so the
    // measured deviation is OpenColorIO 2.1's: these two get a documented 5e-4 bound instead of 1e-4.
    private static double OcioToneScaleDeviation(string style)
        => style.Contains("-1000nit-15nit-", StringComparison.Ordinal) || style.Contains("-108nit-7.2nit-", StringComparison.Ordinal) ? 5e-4 : Tolerance;

    private void AssertClose(string what, float[] ours, float[] ocio, float[] input, double tolerance = Tolerance)
    {
        Assert.Equal(ocio.Length, ours.Length);
        var worst = 0.0;
        var at = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            var err = Error(ours[i], ocio[i]);
            if (err > worst)
            {
                (worst, at) = (err, i);
            }
        }

        var p = at / 3 * 3;
        output.WriteLine($"{what}: {ours.Length / 3} pixels, max error {worst:E2} at input ({input[p]}, {input[p + 1]}, {input[p + 2]}): ours {ours[at]:R}, OCIO {ocio[at]:R}");
        Assert.True(worst <= tolerance, $"{what}: max error {worst:E2} > {tolerance:E0} at input ({input[p]}, {input[p + 1]}, {input[p + 2]}) channel {at % 3}: ours {ours[at]:R}, OCIO {ocio[at]:R}");
    }

    // Writes the pixels as a one-row PFM, runs ocioconvert through a config whose one colour space
    // is the given transform from ACES2065-1, and reads the EXR result back through oiiotool.
    private static float[] RunOcio(string transform, float[] pixels, bool inverse)
    {
        var dir = Directory.CreateTempSubdirectory("rushes-ocio-");
        try
        {
            var config = Path.Combine(dir.FullName, "config.ocio");
            File.WriteAllText(config, $"""
                ocio_profile_version: 2.1
                roles:
                  default: aces
                colorspaces:
                  - !<ColorSpace>
                    name: aces
                  - !<ColorSpace>
                    name: out
                    from_scene_reference: {transform}
                """);
            var input = Path.Combine(dir.FullName, "in.pfm");
            var result = Path.Combine(dir.FullName, "out.exr");
            File.WriteAllBytes(input, Pfm.Write(new FloatImage(pixels.Length / 3, 1, 3, pixels)));
            var env = Environment.GetEnvironmentVariable("OCIO");
            Environment.SetEnvironmentVariable("OCIO", config);
            try
            {
                ReferenceTool.Run("ocioconvert", inverse ? [input, "out", result, "aces"] : [input, "aces", result, "out"], workingDirectory: dir.FullName)
                    .EnsureSuccess("ocioconvert");
            }
            finally
            {
                Environment.SetEnvironmentVariable("OCIO", env);
            }

            var dump = ReferenceTool.Run("oiiotool", ["--dumpdata", result]).EnsureSuccess("oiiotool --dumpdata");
            var values = new List<float>();
            foreach (var line in dump.StandardOutput.Split('\n'))
            {
                var colon = line.IndexOf("):", StringComparison.Ordinal);
                if (line.TrimStart().StartsWith("Pixel (", StringComparison.Ordinal) && colon > 0)
                {
                    values.AddRange(line[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => float.Parse(v, CultureInfo.InvariantCulture)));
                }
            }

            return [.. values];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
