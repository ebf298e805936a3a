using System.Text.Json;
using Rushes.Contracts.Colour;
using Rushes.Testing;
using Xunit.Abstractions;
using static Rushes.Plugins.AcesOutput.Tests.TestSupport;

namespace Rushes.Plugins.AcesOutput.Tests;

/// <summary>
/// OpenColorIO's ACES 2.0 display/view round trips and NaN regression (ocio-builtin-vectors.json): code
/// values through the inverse display encoding and inverse view, then forward again.
/// </summary>
public sealed class Aces2DisplayViewTests(ITestOutputHelper output)
{
    private static readonly JsonDocument Vectors = JsonDocument.Parse(File.ReadAllText(ConformanceData.Path("color", "ocio-builtin-vectors.json")));

    // The OCIO display built-ins these cases chain, as display encodings of CIE XYZ D65 (no clipping,
    // as OCIO's DISPLAY transforms do not clip above 1).
    private static DisplayEncoder Display(string name) => name switch
    {
        "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709" => new DisplayEncoder(Gamut.Rec709, Eotf.Bt1886, double.PositiveInfinity),
        "DISPLAY - CIE-XYZ-D65_to_DisplayP3" => new DisplayEncoder(Gamut.P3D65, Eotf.SrgbPiecewise, double.PositiveInfinity),
        "DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65" => new DisplayEncoder(Gamut.P3D65, Eotf.Pq, double.PositiveInfinity),
        _ => throw new InvalidOperationException(name),
    };

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        var n = Vectors.RootElement.GetProperty("aces2_display_view_roundtrips").GetProperty("cases").GetArrayLength();
        for (var i = 0; i < n; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DisplayViewRoundTrips(int index)
    {
        var c = Vectors.RootElement.GetProperty("aces2_display_view_roundtrips").GetProperty("cases")[index];
        var display = Display(c.GetProperty("display").GetString()!);
        var view = c.GetProperty("view").GetString()!;
        var scale = c.GetProperty("scale").GetDouble();
        var tolerance = c.GetProperty("tolerance").GetDouble();
        var difficult = c.GetProperty("difficult_indices").EnumerateArray().Select(e => e.GetInt32() / 4).ToHashSet();
        var difficultTolerance = c.GetProperty("difficult_tolerance").GetDouble();
        var inverse = Compile(view, TransformDirection.Inverse);
        var forward = Compile(view);

        var (worst, worstDifficult) = (0.0, 0.0);
        var failures = new List<string>();
        var pixel = 0;
        for (var b = 0; b < 7; b++)
        {
            for (var g = 0; g < 7; g++)
            {
                for (var r = 0; r < 7; r++, pixel++)
                {
                    float[] code = [(float)(r / 6.0 * scale), (float)(g / 6.0 * scale), (float)(b / 6.0 * scale)];
                    var xyz = display.Decode(new Vec3(code[0], code[1], code[2]));
                    float[] x = [(float)xyz.X, (float)xyz.Y, (float)xyz.Z];
                    inverse.ApplyInterleaved(x, 3);
                    forward.ApplyInterleaved(x, 3);
                    var back = display.Encode(new Vec3(x[0], x[1], x[2]));
                    double[] o = [(float)back.X, (float)back.Y, (float)back.Z];
                    var err = Enumerable.Range(0, 3).Max(k => Error(o[k], code[k]));
                    var limit = difficult.Contains(pixel) ? difficultTolerance : tolerance;
                    if (difficult.Contains(pixel))
                    {
                        worstDifficult = Math.Max(worstDifficult, err);
                    }
                    else
                    {
                        worst = Math.Max(worst, err);
                    }

                    if (!(err <= limit))
                    {
                        failures.Add($"pixel {pixel} ({code[0]}, {code[1]}, {code[2]}) → ({o[0]}, {o[1]}, {o[2]}), err {err:E2} > {limit:E0}");
                    }
                }
            }
        }

        output.WriteLine($"{view} on {c.GetProperty("display").GetString()}: max error {worst:E2} (tolerance {tolerance:E0}), difficult pixels {worstDifficult:E2} (tolerance {difficultTolerance:E0})");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void InverseOfBrightPqGreyIsNotNaN()
    {
        var c = Vectors.RootElement.GetProperty("nan_regression");
        var v = c.GetProperty("input").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var xyz = Display("DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65").Decode(new Vec3(v[0], v[1], v[2]));
        float[] x = [(float)xyz.X, (float)xyz.Y, (float)xyz.Z];
        Compile("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-4000nit-P3-D60-in-P3-D65_2.0", TransformDirection.Inverse).ApplyInterleaved(x, 3);
        Assert.All(x, value => Assert.False(float.IsNaN(value)));
        output.WriteLine($"inverse of PQ {v[0]} grey: ({x[0]}, {x[1]}, {x[2]})");
    }
}
