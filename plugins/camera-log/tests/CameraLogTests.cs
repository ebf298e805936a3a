using System.Globalization;
using System.Text;
using System.Text.Json;
using Rushes.Colour.Kernel;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Testing;

namespace Rushes.Plugins.CameraLog.Tests;

public sealed class CameraLogTests
{
    private static readonly CameraLogTransforms Provider = new();

    internal static StageProcessor Compile(string id, TransformDirection direction = TransformDirection.Forward, double? ei = null)
        => (StageProcessor)Provider.Compile(new TransformDescription
        {
            TransformId = id,
            Direction = direction,
            Parameters = ei is { } e ? ParameterValues.Empty.With("ei", e.ToString(CultureInfo.InvariantCulture)) : ParameterValues.Empty,
        });

    internal static (float R, float G, float B) ApplyOne(IPixelProcessor processor, float r, float g, float b)
    {
        Span<float> red = [r];
        Span<float> green = [g];
        Span<float> blue = [b];
        processor.Apply(red, green, blue);
        return (red[0], green[0], blue[0]);
    }

    /// <summary>OpenColorIO's comparison: absolute below 1, relative above.</summary>
    internal static double Error(double actual, double expected)
        => actual == expected || (double.IsNaN(actual) && double.IsNaN(expected)) ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1);

    [Fact]
    public void OcioBuiltinVectorsPass()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ConformanceData.Path("color", "ocio-builtin-vectors.json")));
        var checkedNames = new List<string>();
        var failures = new List<string>();
        foreach (var transform in json.RootElement.GetProperty("transforms").EnumerateArray())
        {
            var name = transform.GetProperty("name").GetString()!;
            if (!Provider.Transforms.Any(t => t.Aliases.Contains(name)))
            {
                continue;
            }

            checkedNames.Add(name);
            var tolerance = transform.GetProperty("tolerance").GetDouble();
            var processor = Compile(name);
            foreach (var pixel in transform.GetProperty("pixels").EnumerateArray())
            {
                var input = pixel.GetProperty("in").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
                var expected = pixel.GetProperty("out").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                var (r, g, b) = ApplyOne(processor, input[0], input[1], input[2]);
                double[] actual = [r, g, b];
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
        Assert.Equal(15, checkedNames.Count);
    }

    [Theory]
    // color-science.md §3.12, from each vendor's document: 18 % grey's code value.
    [InlineData("urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI800.a1.v2", 0.3910068)]
    [InlineData("urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI160.a1.v2", 0.3910068)]
    [InlineData("urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI3200.a1.v2", 0.3910068)]
    [InlineData("ARRI_LOGC4_to_ACES2065-1", 0.2783958)]
    [InlineData("SONY_SLOG3-SGAMUT3_to_ACES2065-1", 0.4105572)]
    [InlineData("RED_LOG3G10-RWG_to_ACES2065-1", 0.3333329)]
    [InlineData("PANASONIC_VLOG-VGAMUT_to_ACES2065-1", 0.4233114)]
    [InlineData("CANON_CLOG2-CGAMUT_to_ACES2065-1", 0.3982547)]
    [InlineData("CANON_CLOG3-CGAMUT_to_ACES2065-1", 0.3433894)]
    [InlineData("CANON_CLOG2-BT2020_to_ACES2065-1", 0.3982547)]
    [InlineData("CANON_CLOG3-BT2020_to_ACES2065-1", 0.3433894)]
    [InlineData("BMDFilm_WideGamut_Gen5_to_ACES2065-1", 0.3835616)]
    [InlineData("DaVinci_Intermediate-DWG_to_ACES2065-1", 0.3360433)]
    [InlineData("DJI_DLOG-DGAMUT_to_ACES2065-1", 0.3987646)]
    [InlineData("APPLE_LOG_to_ACES2065-1", 0.4882725)]
    public void MidGreyEncodesAsPublished(string id, double code)
    {
        // Neutral ACES is neutral in every camera gamut (each matrix maps white to white), so the
        // inverse transform of ACES grey gives the curve's code value for 0.18.
        var (r, g, b) = ApplyOne(Compile(id, TransformDirection.Inverse), 0.18f, 0.18f, 0.18f);
        Assert.Equal(code, r, 5e-7);
        Assert.Equal(code, g, 5e-7);
        Assert.Equal(code, b, 5e-7);
    }

    [Theory]
    // Camera gamut → AP0 as published to 7 digits (color-science.md §3; OCIO's unit-test matrices).
    [InlineData("ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", new[] { 0.6802055, 0.2361366, 0.0836579, 0.0854150, 1.0174709, -0.1028859, 0.0020565, -0.0625625, 1.0605060 })]
    [InlineData("ARRI_LOGC4_to_ACES2065-1", new[] { 0.7509574, 0.1444228, 0.1046199, 0.0008218, 1.0073976, -0.0082194, -0.0005000, -0.0008542, 1.0013541 })]
    [InlineData("SONY_SLOG3-SGAMUT3_to_ACES2065-1", new[] { 0.7529826, 0.1433702, 0.1036472, 0.0217077, 1.0153188, -0.0370265, -0.0094161, 0.0033704, 1.0060456 })]
    [InlineData("SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1", new[] { 0.6387887, 0.2723514, 0.0888599, -0.0039159, 1.0880732, -0.0841573, -0.0299072, -0.0264326, 1.0563398 })]
    [InlineData("SONY_SLOG3-SGAMUT3-VENICE_to_ACES2065-1", new[] { 0.7933297, 0.0890786, 0.1175916, 0.0155811, 1.0327123, -0.0482934, -0.0188647, 0.0127694, 1.0060953 })]
    [InlineData("SONY_SLOG3-SGAMUT3.CINE-VENICE_to_ACES2065-1", new[] { 0.6742571, 0.2205717, 0.1051712, -0.0093136, 1.1059589, -0.0966453, -0.0382091, -0.0179384, 1.0561474 })]
    [InlineData("RED_LOG3G10-RWG_to_ACES2065-1", new[] { 0.7850588, 0.0838588, 0.1310824, 0.0231738, 1.0878975, -0.1110714, -0.0737604, -0.3145901, 1.3883505 })]
    [InlineData("PANASONIC_VLOG-VGAMUT_to_ACES2065-1", new[] { 0.7246167, 0.1669153, 0.1084680, 0.0213902, 0.9849082, -0.0062984, -0.0092356, -0.0010569, 1.0102925 })]
    [InlineData("CANON_CLOG3-CGAMUT_to_ACES2065-1", new[] { 0.7630645, 0.1490212, 0.0879144, 0.0036575, 1.1069604, -0.1106178, -0.0094078, -0.2183833, 1.2277911 })]
    [InlineData("BMDFilm_WideGamut_Gen5_to_ACES2065-1", new[] { 0.6470913, 0.2425954, 0.1103133, 0.0651916, 1.0250476, -0.0902392, -0.0275571, -0.0805887, 1.1081458 })]
    [InlineData("DaVinci_Intermediate-DWG_to_ACES2065-1", new[] { 0.7482703, 0.1676947, 0.0840351, 0.0208421, 1.1119047, -0.1327469, -0.0915123, -0.1277467, 1.2192590 })]
    [InlineData("DJI_DLOG-DGAMUT_to_ACES2065-1", new[] { 0.6912792, 0.2143825, 0.0943382, 0.0662224, 1.0116161, -0.0778385, -0.0172985, -0.0773789, 1.0946774 })]
    [InlineData("APPLE_LOG_to_ACES2065-1", new[] { 0.6790856, 0.1577009, 0.1632135, 0.0460020, 0.8590547, 0.0949433, -0.0005739, 0.0284678, 0.9721062 })]
    public void GamutMatricesMatchThePublishedOnes(string id, double[] published)
    {
        var matrix = Assert.IsType<MatrixStage>(Compile(id).Stages[1]).Matrix;
        Assert.True(matrix.Equals(new ColourMatrix(published), 6e-8), matrix.ToString());
    }

    [Theory]
    // ARRI's own ACES 1.x IDTs (aces-dev IDT.ARRI.Alexa-v3-logC-EI*.ctl, v3_IDT_maker.py) print the
    // decoding constants to 6 digits: x = (10^((y − d)/c) − b)/a above the cut, (y − f)/e below it.
    [InlineData(800, 0.149659, 5.555556, 0.052272, 0.247190, 0.385537, 5.367655, 0.092809)]
    [InlineData(2000, 0.163589, 5.555556, 0.033994, 0.234752, 0.387599, 5.097573, 0.092829)]
    [InlineData(2560, 0.167348, 5.555556, 0.028727, 0.231401, 0.388161, 5.024811, 0.092834)]
    [InlineData(3200, 0.170749, 5.555556, 0.023830, 0.228372, 0.388671, 4.959040, 0.092840)]
    public void LogC3FollowsArrisFormulaAtEveryExposureIndex(int ei, double cut, double a, double b, double c, double d, double e, double f)
    {
        var curve = CameraCurves.LogC3(ei);
        foreach (var y in new[] { -0.05, 0.0, 0.1, cut - 0.001, cut + 0.001, 0.3, 0.391007, 0.6, 0.9, 1.0 })
        {
            var expected = y > cut ? (Math.Pow(10, (y - d) / c) - b) / a : (y - f) / e;
            Assert.True(Math.Abs(curve.Evaluate(y) - expected) <= 2e-5 * Math.Max(1, Math.Abs(expected)), $"EI {ei} code {y}: {curve.Evaluate(y)} vs {expected}");
        }

        // The fixed-EI ids and the ACES 2.0 CSC with the same 'ei' compile to the same maths.
        var fixedId = Compile($"urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI{ei}.a1.v2");
        var parametric = Compile("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", ei: ei);
        Assert.Equal(ApplyOne(fixedId, 0.5f, 0.4f, 0.3f), ApplyOne(parametric, 0.5f, 0.4f, 0.3f));
        Assert.NotEqual(fixedId.CacheId, Compile("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", ei: ei == 800 ? 1600 : 800).CacheId);
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

    [Theory]
    [MemberData(nameof(TransformIds))]
    public void ForwardThenInverseRoundTrips(string id)
    {
        // Code values from just below black to above white. Apple Log clips codes below 0 (they all
        // decode to R_0), so its grid starts at 0. The inverse crosses a float32 ACES image, where a
        // pixel that mixes a deep shadow with a highlight many stops brighter is ill-conditioned, so
        // channels stay within 0.35 of each other in code value (about 6 stops), as in aces-core.
        var apple = id.Contains("Apple", StringComparison.OrdinalIgnoreCase);
        float[] values = apple
            ? [0f, 0.01f, 0.05f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f]
            : [-0.05f, 0f, 0.02f, 0.05f, 0.1f, 0.15f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f, 1.1f];
        var (rs, gs, bs) = Grid(values, maxSpread: 0.35f);
        float[] r = [.. rs], g = [.. gs], b = [.. bs];
        Compile(id).Apply(r, g, b);
        Compile(id, TransformDirection.Inverse).Apply(r, g, b);
        for (var i = 0; i < r.Length; i++)
        {
            Assert.True(Error(r[i], rs[i]) <= 1e-5 && Error(g[i], gs[i]) <= 1e-5 && Error(b[i], bs[i]) <= 1e-5,
                $"{id}: ({rs[i]}, {gs[i]}, {bs[i]}) came back as ({r[i]}, {g[i]}, {b[i]})");
        }
    }

    [Theory]
    [MemberData(nameof(TransformIds))]
    public void SimdScalarAndInterleavedPathsAgree(string id)
    {
        var random = new Random(1234);
        foreach (var length in new[] { 0, 1, 7, 8, 9, 17, 33, 257, 1100 })
        {
            foreach (var direction in new[] { TransformDirection.Forward, TransformDirection.Inverse })
            {
                var processor = Compile(id, direction);
                var source = Enumerable.Range(0, length * 3).Select(_ => (float)((random.NextDouble() * 1.3) - 0.1)).ToArray();
                float[] r1 = [.. source[..length]], g1 = [.. source[length..(2 * length)]], b1 = [.. source[(2 * length)..]];
                float[] r2 = [.. r1], g2 = [.. g1], b2 = [.. b1];
                processor.Apply(r1, g1, b1);
                processor.ApplyScalar(r2, g2, b2);

                var rgba = new float[length * 4];
                for (var i = 0; i < length; i++)
                {
                    (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = (r2.Length > 0 ? source[i] : 0, source[length + i], source[(2 * length) + i], 0.25f + i);
                }

                processor.ApplyInterleaved(rgba, 4);
                for (var i = 0; i < length; i++)
                {
                    Assert.True(Error(r1[i], r2[i]) <= 1e-6 && Error(g1[i], g2[i]) <= 1e-6 && Error(b1[i], b2[i]) <= 1e-6, $"{id} {direction} length {length} at {i}: SIMD ({r1[i]}, {g1[i]}, {b1[i]}) and scalar ({r2[i]}, {g2[i]}, {b2[i]}) differ");
                    Assert.Equal(r1[i], rgba[i * 4]);
                    Assert.Equal(g1[i], rgba[(i * 4) + 1]);
                    Assert.Equal(b1[i], rgba[(i * 4) + 2]);
                    Assert.Equal(0.25f + i, rgba[(i * 4) + 3]);
                }
            }
        }
    }

    [Fact]
    public void BadParametersAndUnknownIdsAreInputErrors()
    {
        var unknown = Assert.Throws<InputException>(() => Compile("SONY_SLOG3-SGAMUT_to_ACES2065-1"));
        Assert.Equal("transformId", unknown.Field);
        var outOfRange = Assert.Throws<InputException>(() => Compile("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", ei: 12));
        Assert.Equal("ei", outOfRange.Field);
        Assert.Contains("160", outOfRange.Expected, StringComparison.Ordinal);
        var notDeclared = Assert.Throws<InputException>(() => Compile("ARRI_LOGC4_to_ACES2065-1", ei: 800));
        Assert.Equal("ei", notDeclared.Field);
    }

    [Fact]
    public void EveryIdAndAliasIsUnique()
    {
        var names = Provider.Transforms.SelectMany(t => t.Aliases.Prepend(t.Id)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Provider.Transforms.Where(t => t.Category == TransformCategory.Input),
            t => Assert.True(t.Id.StartsWith("urn:ampas:aces:transformId:", StringComparison.Ordinal) || t.Id.StartsWith("org.rushes.camera-log.", StringComparison.Ordinal), t.Id));
    }

    [Fact]
    public void GoldenDescription()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"provider {Provider.Id}: {Provider.DisplayName}\n");
        float[][] samples = [[0.0f, 0.0f, 0.0f], [0.5f, 0.4f, 0.3f], [0.9f, 0.1f, 0.2f]];
        foreach (var t in Provider.Transforms)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{t.Id}\n");
            text.Append(CultureInfo.InvariantCulture, $"  aliases: {string.Join(" | ", t.Aliases)}\n");
            text.Append(CultureInfo.InvariantCulture, $"  category: {t.Category}, invertible: {t.Invertible}, parameters: {string.Join(", ", t.Parameters.Select(p => p.Name))}\n");
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

    internal static (List<float> R, List<float> G, List<float> B) Grid(float[] values, float maxSpread = float.PositiveInfinity)
    {
        var (r, g, b) = (new List<float>(), new List<float>(), new List<float>());
        foreach (var x in values)
        {
            foreach (var y in values)
            {
                foreach (var z in values)
                {
                    if (Math.Max(x, Math.Max(y, z)) - Math.Min(x, Math.Min(y, z)) > maxSpread)
                    {
                        continue;
                    }

                    r.Add(x);
                    g.Add(y);
                    b.Add(z);
                }
            }
        }

        return (r, g, b);
    }
}
