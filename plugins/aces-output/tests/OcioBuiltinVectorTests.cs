using System.Text.Json;
using Xunit.Abstractions;
using Rushes.Testing;
using static Rushes.Plugins.AcesOutput.Tests.TestSupport;

namespace Rushes.Plugins.AcesOutput.Tests;

/// <summary>OpenColorIO's built-in transform vectors (BuiltinTransform_tests.cpp) for every ACES output it names.</summary>
public sealed class OcioBuiltinVectorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("_1.0", 4)]
    [InlineData("_1.1", 12)]
    [InlineData("_2.0", 31)]
    public void EveryAcesOutputVectorPasses(string version, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ConformanceData.Path("color", "ocio-builtin-vectors.json")));
        var failures = new List<string>();
        var checkedNames = new List<string>();
        var worst = 0.0;
        foreach (var transform in json.RootElement.GetProperty("transforms").EnumerateArray())
        {
            var name = transform.GetProperty("name").GetString()!;
            if (!name.StartsWith("ACES-OUTPUT - ", StringComparison.Ordinal) || !name.EndsWith(version, StringComparison.Ordinal))
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
                var err = Enumerable.Range(0, 3).Max(c => Error(actual[c], expected[c]));
                worst = Math.Max(worst, err / tolerance);
                output.WriteLine($"{name}: max err {err:E2} (tolerance {tolerance:E0})");
                if (err > tolerance)
                {
                    failures.Add($"{name}: ({r:R}, {g:R}, {b:R}) vs ({expected[0]:R}, {expected[1]:R}, {expected[2]:R}), err {err:E2} > {tolerance:E0}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(count, checkedNames.Count);
        output.WriteLine($"worst error / tolerance: {worst:F3}");
    }
}
