using Rushes.Contracts.Colour;
using Rushes.Testing;

namespace Rushes.Plugins.AcesCore.Tests;

/// <summary>
/// Every aces-core transform that OpenColorIO 2.1 (Debian opencolorio-tools) has as a built-in, run by
/// ocioconvert on a grid of values, compared with this plugin, forward and (where both define it)
/// inverse: error ≤ 1e-5, absolute below 1 and relative above (OCIO's rule).
/// </summary>
public sealed class OcioCrossCheckTests
{
    private static readonly float[] Codes = [-0.1f, 0f, 0.05f, 0.155f, 0.3f, 0.4135884f, 0.55f, 0.7f, 0.9f, 1f, 1.2f];
    private static readonly float[] Linear = [-0.5f, -0.01f, 0f, 0.001f, 0.01f, 0.18f, 0.5f, 1f, 2.5f, 8f, 40f];
    private static readonly float[] Display = [-0.05f, 0f, 0.001f, 0.01f, 0.05f, 0.18f, 0.4f, 0.7f, 1f, 1.1f];

    // OCIO 2.1's ST 2084 clamps to [0, 10000 nits]; later versions (and the vectors this plugin meets)
    // mirror negatives and extend above, so PQ is compared on the domain both define.
    private static readonly float[] PqCodes = [0f, 0.05f, 0.155f, 0.3f, 0.4135884f, 0.55f, 0.7f, 0.9f, 1f];
    private static readonly float[] PqLinear = [0f, 0.001f, 0.01f, 0.18f, 0.5f, 1f, 2.5f, 8f, 40f, 100f];
    private static readonly float[] PqDisplay = [0f, 0.001f, 0.01f, 0.05f, 0.18f, 0.4f, 0.7f, 1f, 1.1f];

    public static TheoryData<string, bool, bool, string> Ocio21Builtins() => new()
    {
        // style, the built-in runs from the reference (a display encoding) rather than to it, invertible, forward input grid
        { "ACEScct_to_ACES2065-1", false, true, "codes" },
        { "ACEScc_to_ACES2065-1", false, true, "codes" },
        { "ACEScg_to_ACES2065-1", false, true, "linear" },
        { "CURVE - ACEScct-LOG_to_LINEAR", false, true, "codes" },
        { "UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD", false, true, "linear" },
        { "UTILITY - ACES-AP1_to_CIE-XYZ-D65_BFD", false, true, "linear" },
        { "UTILITY - ACES-AP1_to_LINEAR-REC709_BFD", false, true, "linear" },
        { "CURVE - ST-2084_to_LINEAR", false, true, "pq-codes" },
        { "CURVE - LINEAR_to_ST-2084", true, true, "pq-linear" },
        { "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709", true, false, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.2020", true, false, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_G2.2-REC.709", true, false, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_sRGB", true, true, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-DCI-BFD", true, false, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D65", true, false, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D60-BFD", true, false, "display" },
        { "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ", true, true, "pq-display" },
        { "DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65", true, true, "pq-display" },
    };

    [Theory]
    [MemberData(nameof(Ocio21Builtins))]
    public void MatchesOpenColorIO(string style, bool fromReference, bool invertible, string grid)
    {
        var space = new Dictionary<string, string> { ["space"] = fromReference ? OcioReference.FromReference(style) : OcioReference.ToReference(style) };
        var (source, target) = fromReference ? ("reference", "space") : ("space", "reference");
        var pq = grid.StartsWith("pq-", StringComparison.Ordinal);
        var input = Interleave(grid switch { "codes" => Codes, "linear" => Linear, "pq-codes" => PqCodes, "pq-linear" => PqLinear, "pq-display" => PqDisplay, _ => Display });
        if (grid == "pq-display" || style.StartsWith("ACEScc_", StringComparison.Ordinal))
        {
            // OCIO 2.1 also clamps the ACES2065-1 that ACEScc decodes to at 0; the ACES CTL does not.
            input = KeepNonNegative(style, input, upTo: grid == "pq-display" ? 1 : float.PositiveInfinity);
        }

        Compare(style, TransformDirection.Forward, input, OcioReference.Convert(space, source, target, input));
        if (!invertible)
        {
            return;
        }

        // Back from what the forward transform makes of a grid, so the inverse sees values in its own domain.
        var back = Interleave(grid == "codes" ? Linear : grid == "pq-codes" ? PqLinear : pq ? PqCodes : Codes);
        if (style.StartsWith("ACEScc_", StringComparison.Ordinal))
        {
            // ACEScc floors AP1 values at or below zero, so only pixels positive in AP1 are compared; OCIO 2.1
            // also clamps negative ACES2065-1 at 0 first, as the ACES 1.x CTL does, so those are left out too.
            back = KeepPositiveInAp1(Interleave(Linear));
        }
        else if (grid is not ("codes" or "pq-codes" or "pq-linear"))
        {
            var forward = (float[])input.Clone();
            AcesCoreTests.Compile(style).ApplyInterleaved(forward, 3);
            back = forward;
        }

        Compare(style, TransformDirection.Inverse, back, OcioReference.Convert(space, target, source, back));
    }

    private static void Compare(string style, TransformDirection direction, float[] input, float[] expected)
    {
        var actual = (float[])input.Clone();
        AcesCoreTests.Compile(style, direction).ApplyInterleaved(actual, 3);
        var worst = 0.0;
        var where = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var err = AcesCoreTests.Error(actual[i], expected[i]);
            if (err > worst)
            {
                (worst, where) = (err, i);
            }
        }

        var pixel = where - (where % 3);
        Assert.True(worst <= 1e-5, $"{style} {direction}: worst error {worst:E2} at ({input[pixel]}, {input[pixel + 1]}, {input[pixel + 2]}): ours {actual[where]}, OCIO {expected[where]}");
    }

    /// <summary>The pixels this plugin maps into [0, <paramref name="upTo"/>] (where OCIO 2.1, which clamps there, and ours agree).</summary>
    private static float[] KeepNonNegative(string style, float[] rgb, float upTo)
    {
        var result = (float[])rgb.Clone();
        AcesCoreTests.Compile(style).ApplyInterleaved(result, 3);
        return [.. Enumerable.Range(0, rgb.Length / 3)
            .Where(i => result.AsSpan(i * 3, 3).ToArray().All(v => v >= 0 && v <= upTo))
            .SelectMany(i => rgb.AsSpan(i * 3, 3).ToArray())];
    }

    private static float[] KeepPositiveInAp1(float[] rgb)
    {
        var ap1 = (float[])rgb.Clone();
        AcesCoreTests.Compile("ACES2065-1_to_ACEScg").ApplyInterleaved(ap1, 3);
        return [.. Enumerable.Range(0, rgb.Length / 3)
            .Where(i => ap1[i * 3] > 0.0001f && ap1[(i * 3) + 1] > 0.0001f && ap1[(i * 3) + 2] > 0.0001f && rgb[i * 3] >= 0 && rgb[(i * 3) + 1] >= 0 && rgb[(i * 3) + 2] >= 0)
            .SelectMany(i => rgb.AsSpan(i * 3, 3).ToArray())];
    }

    private static float[] Interleave(float[] values)
    {
        var rgb = new List<float>();
        foreach (var r in values)
        {
            foreach (var g in values)
            {
                foreach (var b in values)
                {
                    rgb.AddRange([r, g, b]);
                }
            }
        }

        return [.. rgb];
    }
}
