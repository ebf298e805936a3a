using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Testing;

namespace Rushes.Plugins.Looks.Tests;

/// <summary>Shared helpers: the provider, conformance paths, test inputs and error measures.</summary>
internal static class Looks
{
    public static readonly LooksTransforms Provider = new();

    public static string Color(params string[] parts) => ConformanceData.Path(["color", .. parts]);

    public static IPixelProcessor Compile(string id, string? file = null, TransformDirection direction = TransformDirection.Forward, string? selector = null, params (string Name, string Value)[] parameters)
        => Provider.Compile(new TransformDescription
        {
            TransformId = id,
            FilePath = file,
            Selector = selector,
            Direction = direction,
            Parameters = new ParameterValues(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))),
        });

    /// <summary>Applies a processor to interleaved RGB triples (through the planar path) and returns a copy.</summary>
    public static float[] Apply(IPixelProcessor processor, float[] rgb)
    {
        var n = rgb.Length / 3;
        float[] r = new float[n], g = new float[n], b = new float[n];
        for (var i = 0; i < n; i++)
        {
            (r[i], g[i], b[i]) = (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]);
        }

        processor.Apply(r, g, b);
        var result = new float[rgb.Length];
        for (var i = 0; i < n; i++)
        {
            (result[i * 3], result[(i * 3) + 1], result[(i * 3) + 2]) = (r[i], g[i], b[i]);
        }

        return result;
    }

    /// <summary>
    /// A test image as RGB triples: a 9³ grid over [−0.1, 1.1], a neutral ramp, and seeded random
    /// colours in [−0.25, 1.25]; covers negatives, the [0,1] domain and values above it.
    /// </summary>
    public static float[] TestImage(int randomCount = 600)
    {
        var values = new List<float>();
        for (var r = 0; r < 9; r++)
        {
            for (var g = 0; g < 9; g++)
            {
                for (var b = 0; b < 9; b++)
                {
                    values.AddRange([-0.1f + (r * 0.15f), -0.1f + (g * 0.15f), -0.1f + (b * 0.15f)]);
                }
            }
        }

        for (var i = 0; i <= 100; i++)
        {
            var v = -0.05f + (i * 0.0115f);
            values.AddRange([v, v, v]);
        }

        var random = new Random(20261125);
        for (var i = 0; i < randomCount * 3; i++)
        {
            values.Add((float)((random.NextDouble() * 1.5) - 0.25));
        }

        return [.. values];
    }

    /// <summary>|a − e| / max(1, |e|); NaNs and infinities must agree exactly.</summary>
    public static double Error(float actual, float expected)
        => actual == expected || (float.IsNaN(actual) && float.IsNaN(expected)) ? 0
            : !float.IsFinite(actual) || !float.IsFinite(expected) ? double.PositiveInfinity
            : Math.Abs((double)actual - expected) / Math.Max(1, Math.Abs((double)expected));

    /// <summary>The largest <see cref="Error"/> and where it happened.</summary>
    public static (double Error, int Index) MaxError(float[] actual, float[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = (Error: 0.0, Index: -1);
        for (var i = 0; i < actual.Length; i++)
        {
            var e = Error(actual[i], expected[i]);
            if (e > worst.Error)
            {
                worst = (e, i);
            }
        }

        return worst;
    }
}
