using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rushes.Colour.Kernel;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Testing;

namespace Rushes.Plugins.AcesCore.Tests;

public sealed partial class AcesCoreTests
{
    private static readonly AcesCoreTransforms Provider = new();

    internal static IPixelProcessor Compile(string id, TransformDirection direction = TransformDirection.Forward)
        => Provider.Compile(new TransformDescription { TransformId = id, Direction = direction });

    private static (float R, float G, float B) ApplyOne(IPixelProcessor processor, float r, float g, float b)
    {
        Span<float> red = [r];
        Span<float> green = [g];
        Span<float> blue = [b];
        processor.Apply(red, green, blue);
        return (red[0], green[0], blue[0]);
    }

    internal static double Error(double actual, double expected)
        => actual == expected || (double.IsNaN(actual) && double.IsNaN(expected)) ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1);

    [GeneratedRegex(@"unadjusted reference is (-?[0-9.eE+-]+)")]
    private static partial Regex UnadjustedReference();

    [Fact]
    public void OcioBuiltinVectorsPass()
    {
        var path = Path.Combine(ConformanceData.Root, "color", "ocio-builtin-vectors.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var checkedNames = new List<string>();
        var failures = new List<string>();
        foreach (var transform in json.RootElement.GetProperty("transforms").EnumerateArray())
        {
            var name = transform.GetProperty("name").GetString()!;
            if (!Provider.Transforms.Any(t => t.Id == name || t.Aliases.Contains(name)))
            {
                continue;
            }

            checkedNames.Add(name);
            var tolerance = transform.GetProperty("tolerance").GetDouble();

            // Upstream adjusted one expectation (ACEScc_to_ACES2065-1 red) to fit its own float
            // implementation; the note gives the exact reference, which is what this plugin computes.
            double? unadjustedRed = null;
            if (transform.TryGetProperty("note", out var note) && UnadjustedReference().Match(note.GetString()!) is { Success: true } m)
            {
                unadjustedRed = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            var processor = Compile(name);
            foreach (var pixel in transform.GetProperty("pixels").EnumerateArray())
            {
                var input = pixel.GetProperty("in").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
                var expected = pixel.GetProperty("out").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                if (unadjustedRed is { } red)
                {
                    expected[0] = red;
                }

                var (r, g, b) = ApplyOne(processor, input[0], input[1], input[2]);
                var actual = new double[] { r, g, b };
                for (var c = 0; c < 3; c++)
                {
                    var err = Error(actual[c], expected[c]);
                    if (err > tolerance)
                    {
                        failures.Add($"{name} channel {c}: {actual[c]:R} vs {expected[c]:R} (err {err:E2} > {tolerance:E0})");
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.Contains("ACEScc_to_ACES2065-1", checkedNames);
        Assert.Contains("DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ", checkedNames);
        Assert.Equal(29, checkedNames.Count);
    }

    public static TheoryData<string> TransformIds()
    {
        var data = new TheoryData<string>();
        foreach (var t in Provider.Transforms)
        {
            data.Add(t.Id);
        }

        return data;
    }

    public static TheoryData<string> InvertibleIds()
    {
        var data = new TheoryData<string>();
        foreach (var t in Provider.Transforms.Where(t => t.Invertible))
        {
            data.Add(t.Id);
        }

        return data;
    }

    private static float[] Grid(double[] values)
        => [.. values.Select(v => (float)v)];

    [Theory]
    [MemberData(nameof(InvertibleIds))]
    public void ForwardThenInverseRoundTrips(string id)
    {
        // Linear inputs for transforms from linear, code values for transforms from an encoding;
        // both grids hold negatives and values above 1.
        var fromLog = id.Contains("ACEScct_to", StringComparison.Ordinal) || id.Contains("ACEScc_to", StringComparison.Ordinal)
            || id.Contains("log-to-linear", StringComparison.Ordinal) || id.EndsWith("pq-to-linear", StringComparison.Ordinal) || id.EndsWith("oetf-inverse", StringComparison.Ordinal);
        var toCc = id.Contains("_to_ACEScc.", StringComparison.Ordinal);
        var values = fromLog
            ? Grid([-0.3, -0.2, -0.05, 0.0, 0.1, 0.155251141552511, 0.3, 0.4135884, 0.6, 0.9, 1.0, 1.1, 1.3])
            : Grid([-2.0, -0.5, -0.01, 0.0, 0.001, 0.01, 0.18, 0.5, 1.0, 2.5, 10, 100]);
        var toAp1 = Compile("ACES2065-1_to_ACEScg");

        var red = new List<float>();
        var green = new List<float>();
        var blue = new List<float>();
        foreach (var r in values)
        {
            foreach (var g in values)
            {
                foreach (var b in values)
                {
                    // From a log encoding, the inverse crosses a float32 AP0 image: a pixel that mixes a
                    // deep shadow with a highlight several stops brighter is ill-conditioned there, so
                    // channels stay within 0.35 of each other in code value (about 6 stops).
                    if (fromLog && Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 0.35)
                    {
                        continue;
                    }

                    // Likewise in linear, where a curve follows the matrix: channels stay within 12 of each other.
                    if (!fromLog && Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 12)
                    {
                        continue;
                    }

                    // ACEScc clamps AP1 values at or below zero to its floor, so only invert where AP1 is positive.
                    if (toCc)
                    {
                        var ap1 = ApplyOne(toAp1, r, g, b);
                        if (ap1.R <= 0 || ap1.G <= 0 || ap1.B <= 0)
                        {
                            continue;
                        }
                    }

                    red.Add(r);
                    green.Add(g);
                    blue.Add(b);
                }
            }
        }

        Assert.True(red.Count >= 100, $"only {red.Count} grid points");
        float[] rs = [.. red], gs = [.. green], bs = [.. blue];
        Compile(id).Apply(rs, gs, bs);
        Compile(id, TransformDirection.Inverse).Apply(rs, gs, bs);
        for (var i = 0; i < rs.Length; i++)
        {
            Assert.True(Error(rs[i], red[i]) <= 1e-5 && Error(gs[i], green[i]) <= 1e-5 && Error(bs[i], blue[i]) <= 1e-5,
                $"{id}: ({red[i]}, {green[i]}, {blue[i]}) came back as ({rs[i]}, {gs[i]}, {bs[i]})");
        }
    }

    [Theory]
    [MemberData(nameof(TransformIds))]
    public void SimdScalarAndInterleavedPathsAgree(string id)
    {
        var random = new Random(1234);
        foreach (var length in new[] { 0, 1, 3, 7, 8, 9, 15, 17, 31, 33, 257 })
        {
            var invertible = Provider.Transforms.Single(t => t.Id == id).Invertible;
            foreach (var direction in invertible ? new[] { TransformDirection.Forward, TransformDirection.Inverse } : [TransformDirection.Forward])
            {
                var processor = (StageProcessor)Compile(id, direction);
                var source = Enumerable.Range(0, length * 3).Select(_ => (float)((random.NextDouble() * 3) - 0.5)).ToArray();
                float[] r1 = [.. source[..length]], g1 = [.. source[length..(2 * length)]], b1 = [.. source[(2 * length)..]];
                float[] r2 = [.. r1], g2 = [.. g1], b2 = [.. b1];
                processor.Apply(r1, g1, b1);
                processor.ApplyScalar(r2, g2, b2);

                var rgba = new float[length * 4];
                for (var i = 0; i < length; i++)
                {
                    (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = (source[i], source[length + i], source[(2 * length) + i], 0.25f + i);
                }

                processor.ApplyInterleaved(rgba, 4);
                for (var i = 0; i < length; i++)
                {
                    Assert.True(Error(r1[i], r2[i]) <= 1e-6 && Error(g1[i], g2[i]) <= 1e-6 && Error(b1[i], b2[i]) <= 1e-6, $"{id} {direction} length {length} at {i}: SIMD and scalar differ");
                    Assert.Equal(r1[i], rgba[i * 4]);
                    Assert.Equal(g1[i], rgba[(i * 4) + 1]);
                    Assert.Equal(b1[i], rgba[(i * 4) + 2]);
                    Assert.Equal(0.25f + i, rgba[(i * 4) + 3]);
                }
            }
        }
    }

    [Fact]
    public void InterleavedRgbMatchesPlanar()
    {
        var processor = Compile("ACEScct_to_ACES2065-1");
        float[] rgb = [0.5f, 0.4f, 0.3f, 0.1f, 0.2f, 0.9f];
        processor.ApplyInterleaved(rgb, 3);
        var first = ApplyOne(processor, 0.5f, 0.4f, 0.3f);
        var second = ApplyOne(processor, 0.1f, 0.2f, 0.9f);
        Assert.Equal([first.R, first.G, first.B, second.R, second.G, second.B], rgb);
        Assert.Throws<ArgumentOutOfRangeException>(() => processor.ApplyInterleaved(new float[4], 2));
        Assert.Throws<InputException>(() => Compile("DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709", TransformDirection.Inverse));
        Assert.True(Compile("IDENTITY").IsIdentity);
        Assert.Throws<ArgumentException>(() => processor.ApplyInterleaved(new float[5], 3));
    }

    [Fact]
    public void MatrixProcessorsExposeTheirMatrixAndCurvesDoNot()
    {
        var toCg = Compile("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACES_to_ACEScg.a1.0.3");
        var fromCg = Compile("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACES_to_ACEScg.a1.0.3", TransformDirection.Inverse);
        Assert.NotNull(toCg.AsMatrix);
        Assert.False(toCg.IsIdentity);
        Assert.True(ColourMatrix.Compose(toCg.AsMatrix!, fromCg.AsMatrix!).Equals(ColourMatrix.Identity, 1e-12));

        // The published AP0→AP1 matrix (Academy S-2014-004 / color-science.md §1).
        double[] published = [1.4514393161, -0.2365107469, -0.2149285693, -0.0765537734, 1.1762296998, -0.0996759264, 0.0083161484, -0.0060324498, 0.9977163014];
        Assert.True(toCg.AsMatrix!.Equals(new ColourMatrix(published), 1e-9), toCg.AsMatrix.ToString());
        Assert.Null(Compile("ACEScct_to_ACES2065-1").AsMatrix);
    }

    [Fact]
    public void CacheIdsNameTheTransformAndDirection()
    {
        var byAlias = Compile("ACEScg_to_ACES2065-1");
        var byId = Compile("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScg_to_ACES.a1.0.3");
        var inverse = Compile("ACEScg_to_ACES2065-1", TransformDirection.Inverse);
        Assert.Equal(byId.CacheId, byAlias.CacheId);
        Assert.NotEqual(byId.CacheId, inverse.CacheId);
        Assert.Contains("ACEScg_to_ACES.a1.0.3", byId.CacheId, StringComparison.Ordinal);
    }

    [Fact]
    public void MidGreyEncodesAsPublished()
    {
        // 0.18 → 0.4135884 in both ACEScc and ACEScct (color-science.md §1); neutral AP0 is neutral AP1.
        var cct = ApplyOne(Compile("ACES2065-1_to_ACEScct"), 0.18f, 0.18f, 0.18f);
        var cc = ApplyOne(Compile("ACES2065-1_to_ACEScc"), 0.18f, 0.18f, 0.18f);
        Assert.Equal(0.4135884, cct.G, 6);
        Assert.Equal(0.4135884, cc.G, 6);
        Assert.Equal(0.4135884, cc.R, 6);
    }

    [Fact]
    public void AcesCctCurveIsTheSpecificationsFormula()
    {
        // The parametric log curve (with its SIMD path) against S-2016-001 written out, both ways,
        // across the toe break, on runs long enough to take the vector path.
        var linear = Enumerable.Range(0, 400).Select(i => (float)((i * 0.0005) - 0.02)).Concat([0.0078125f, 0.18f, 1f, 16f, 222.86f]).ToArray();
        var encoded = (float[])linear.Clone();
        AcesCurves.LinearToAcesCct.Apply(encoded);
        var decoded = Enumerable.Range(0, 400).Select(i => (float)((i * 0.004) - 0.3)).Concat([0.155251141552511f, 0.4135884f]).ToArray();
        var linearAgain = (float[])decoded.Clone();
        AcesCurves.LinearToAcesCct.Inverse().Apply(linearAgain);
        for (var i = 0; i < linear.Length; i++)
        {
            Assert.Equal(AcesCurves.LinearToCct(linear[i]), encoded[i], 2e-7);
        }

        for (var i = 0; i < decoded.Length; i++)
        {
            Assert.True(Error(linearAgain[i], AcesCurves.CctToLinear(decoded[i])) <= 2e-7, $"{decoded[i]}: {linearAgain[i]} vs {AcesCurves.CctToLinear(decoded[i])}");
        }
    }

    [Fact]
    public void UnknownIdsNameTheNearestKnownIds()
    {
        var error = Assert.Throws<InputException>(() => Compile("ACEScct_to_ACES2065"));
        Assert.Contains("'ACEScct_to_ACES2065-1'", error.Message, StringComparison.Ordinal);
        Assert.Equal("transformId", error.Field);
    }

    [Fact]
    public void GoldenDescription()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"provider {Provider.Id}: {Provider.DisplayName}\n");
        text.Append(CultureInfo.InvariantCulture, $"capabilities: {string.Join(", ", Provider.Capabilities.Features.Select(f => f.Key))}\n");
        float[][] samples = [[0.18f, 0.18f, 0.18f], [0.5f, 0.4f, 0.3f], [1f, 0f, 0f], [0f, 0f, 1f], [-0.01f, 0.002f, 1.2f]];
        foreach (var t in Provider.Transforms)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{t.Id}\n");
            text.Append(CultureInfo.InvariantCulture, $"  aliases: {string.Join(" | ", t.Aliases)}\n");
            text.Append(CultureInfo.InvariantCulture, $"  category: {t.Category}, invertible: {t.Invertible}\n");
            text.Append(CultureInfo.InvariantCulture, $"  {t.Description}\n");
            var processor = Compile(t.Id);
            foreach (var s in samples)
            {
                var (r, g, b) = ApplyOne(processor, s[0], s[1], s[2]);
                text.Append(CultureInfo.InvariantCulture, $"  ({s[0]:F4}, {s[1]:F4}, {s[2]:F4}) -> ({r:G6}, {g:G6}, {b:G6})\n");
            }
        }

        Golden.VerifyText(text.ToString(), "transforms");
    }
}
