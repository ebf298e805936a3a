using System.Text.Json;
using Rushes.Plugins.AcesOutput.Aces2;
using Rushes.Testing;
using Xunit.Abstractions;
using static Rushes.Plugins.AcesOutput.Tests.TestSupport;

namespace Rushes.Plugins.AcesOutput.Tests;

/// <summary>
/// The ACES 2.0 building-block vectors (OpenColorIO FixedFunctionOpCPU_tests.cpp, in aces2-vectors.json):
/// every sample forward at its stated tolerance, the inverse of our own forward output back to the input,
/// and the inverse-then-forward grids.
/// </summary>
public sealed class Aces2VectorTests(ITestOutputHelper output)
{
    private static readonly JsonDocument Vectors = JsonDocument.Parse(File.ReadAllText(ConformanceData.Path("color", "aces2-vectors.json")));

    public static TheoryData<string> TestNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in Vectors.RootElement.GetProperty("tests").EnumerateArray())
        {
            data.Add(t.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static Gamut GamutFrom(JsonElement xy)
    {
        var v = xy.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new Gamut("test", v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    [Theory]
    [MemberData(nameof(TestNames))]
    public void SamplesMatch(string name)
    {
        var test = Vectors.RootElement.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        var op = test.GetProperty("op_forward").GetString();
        var p = test.GetProperty("params");
        Func<Vec3, Vec3> forward, inverse;
        switch (op)
        {
            case "ACES_OUTPUT_TRANSFORM_20_FWD":
            {
                var ot = new Aces2OutputTransform(p.GetProperty("peak_luminance").GetDouble(), GamutFrom(p.GetProperty("limiting_gamut_xy")));
                (forward, inverse) = (ot.Forward, ot.Inverse);
                break;
            }

            case "ACES_RGB_TO_JMh_20":
            {
                var cam = new Hellwig2022(GamutFrom(p.GetProperty("gamut_xy")));
                (forward, inverse) = (cam.RgbToJmh, cam.JmhToRgb);
                break;
            }

            case "ACES_TONESCALE_COMPRESS_20_FWD":
            {
                var ot = new Aces2OutputTransform(p.GetProperty("peak_luminance").GetDouble(), Gamut.P3D65);
                (forward, inverse) = (ot.ToneAndChromaForward, ot.ToneAndChromaInverse);
                break;
            }

            case "ACES_GAMUT_COMPRESS_20_FWD":
            {
                var ot = new Aces2OutputTransform(p.GetProperty("peak_luminance").GetDouble(), GamutFrom(p.GetProperty("limiting_gamut_xy")));
                (forward, inverse) = (ot.GamutForward, ot.GamutInverse);
                break;
            }

            default:
                throw new InvalidOperationException($"unknown op {op}");
        }

        var tolerance = test.GetProperty("forward_tolerance").GetDouble();
        double? inverseTolerance = test.TryGetProperty("inverse_tolerance", out var it) ? it.GetDouble() : null;
        var failures = new List<string>();
        var (worst, worstInverse, count) = (0.0, 0.0, 0);
        foreach (var sample in test.GetProperty("samples").EnumerateArray())
        {
            var input = sample.GetProperty("in").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            var expected = sample.GetProperty("expected").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var o = forward(new Vec3(input[0], input[1], input[2]));
            float[] actual = [(float)o.X, (float)o.Y, (float)o.Z];
            var err = Enumerable.Range(0, 3).Max(c => Error(actual[c], expected[c]));
            worst = Math.Max(worst, err);
            count++;
            if (!(err <= tolerance))
            {
                failures.Add($"forward ({input[0]}, {input[1]}, {input[2]}) → ({actual[0]}, {actual[1]}, {actual[2]}), expected ({expected[0]}, {expected[1]}, {expected[2]}), err {err:E2}");
            }

            if (inverseTolerance is { } invTol)
            {
                var back = inverse(new Vec3(actual[0], actual[1], actual[2]));
                float[] b = [(float)back.X, (float)back.Y, (float)back.Z];
                var errInv = Enumerable.Range(0, 3).Max(c => Error(b[c], input[c]));
                worstInverse = Math.Max(worstInverse, errInv);
                if (!(errInv <= invTol))
                {
                    failures.Add($"inverse of ({actual[0]}, {actual[1]}, {actual[2]}) → ({b[0]}, {b[1]}, {b[2]}), expected ({input[0]}, {input[1]}, {input[2]}), err {errInv:E2}");
                }
            }
        }

        output.WriteLine($"{name}: {count} samples, max forward error {worst:E2} (tolerance {tolerance:E0}), max inverse error {worstInverse:E2}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> RoundTripNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in Vectors.RootElement.GetProperty("roundtrip_tests").GetProperty("cases").EnumerateArray())
        {
            data.Add(t.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTripNames))]
    public void InverseThenForwardGridsReturn(string name)
    {
        var c = Vectors.RootElement.GetProperty("roundtrip_tests").GetProperty("cases").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        var ot = new Aces2OutputTransform(c.GetProperty("peak_luminance").GetDouble(), GamutFrom(c.GetProperty("limiting_gamut_xy")));
        var scale = c.GetProperty("grid_scale").GetDouble();
        var tolerance = c.GetProperty("tolerance").GetDouble();
        var worst = 0.0;
        var failures = new List<string>();
        for (var b = 0; b < 8; b++)
        {
            for (var g = 0; g < 8; g++)
            {
                for (var r = 0; r < 8; r++)
                {
                    float[] input = [(float)(r / 7.0 * scale), (float)(g / 7.0 * scale), (float)(b / 7.0 * scale)];
                    var aces = ot.Inverse(new Vec3(input[0], input[1], input[2]));
                    var back = ot.Forward(new Vec3((float)aces.X, (float)aces.Y, (float)aces.Z));
                    float[] o = [(float)back.X, (float)back.Y, (float)back.Z];
                    var err = Enumerable.Range(0, 3).Max(k => Error(o[k], input[k]));
                    worst = Math.Max(worst, double.IsNaN(err) ? double.PositiveInfinity : err);
                    if (!(err <= tolerance))
                    {
                        failures.Add($"({input[0]}, {input[1]}, {input[2]}) came back as ({o[0]}, {o[1]}, {o[2]}), err {err:E2}");
                    }
                }
            }
        }

        output.WriteLine($"{name}: 512 grid points, max round-trip error {worst:E2} (tolerance {tolerance:E0})");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
