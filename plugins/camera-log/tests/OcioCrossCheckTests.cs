using Rushes.Contracts.Colour;
using Rushes.Testing;

namespace Rushes.Plugins.CameraLog.Tests;

/// <summary>
/// Every camera transform that OpenColorIO 2.1 (Debian opencolorio-tools) has as a built-in, run by
/// ocioconvert on a grid of code values (and of ACES values for the inverse), compared with this
/// plugin: error ≤ 1e-5, absolute below 1 and relative above (OCIO's rule).
/// </summary>
public sealed class OcioCrossCheckTests
{
    public static TheoryData<string> Ocio21Builtins() =>
    [
        "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1",
        "SONY_SLOG3-SGAMUT3_to_ACES2065-1",
        "SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1",
        "SONY_SLOG3-SGAMUT3-VENICE_to_ACES2065-1",
        "SONY_SLOG3-SGAMUT3.CINE-VENICE_to_ACES2065-1",
        "RED_LOG3G10-RWG_to_ACES2065-1",
        "RED_REDLOGFILM-RWG_to_ACES2065-1",
        "PANASONIC_VLOG-VGAMUT_to_ACES2065-1",
        "CANON_CLOG2-CGAMUT_to_ACES2065-1",
        "CANON_CLOG3-CGAMUT_to_ACES2065-1",
    ];

    [Theory]
    [MemberData(nameof(Ocio21Builtins))]
    public void MatchesOpenColorIO(string style)
    {
        var spaces = new Dictionary<string, string> { ["camera"] = OcioReference.ToReference(style) };

        // Forward: code values -0.05 … 1.05 in 12 steps per channel (1728 pixels). OCIO 2.1 builds its
        // Canon curves over the code range [0, 1] only and clamps outside it, where the ACES CSCs (and
        // this plugin) extrapolate, so Canon is compared on [0, 1].
        var canon = style.StartsWith("CANON", StringComparison.Ordinal);
        var codes = Interleave(Enumerable.Range(0, canon ? 11 : 12).Select(i => (canon ? 0f : -0.05f) + (i * 0.1f)).ToArray());
        Compare(style, TransformDirection.Forward, codes, OcioReference.Convert(spaces, "camera", "reference", codes), clampCodes: false);

        // Inverse: ACES values from slightly negative to bright highlights.
        var aces = Interleave([-0.01f, 0f, 0.001f, 0.01f, 0.05f, 0.18f, 0.5f, 1f, 2.5f, 8f, 30f]);
        Compare(style, TransformDirection.Inverse, aces, OcioReference.Convert(spaces, "reference", "camera", aces), clampCodes: canon);
    }

    private static void Compare(string style, TransformDirection direction, float[] input, float[] expected, bool clampCodes)
    {
        var actual = (float[])input.Clone();
        CameraLogTests.Compile(style, direction).ApplyInterleaved(actual, 3);
        if (clampCodes)
        {
            // OCIO 2.1's Canon encoders end at codes 0 and 1; ours extrapolate as the Canon CTLs do.
            actual = [.. actual.Select(v => Math.Clamp(v, 0f, 1f))];
        }

        var worst = 0.0;
        var where = -1;
        for (var i = 0; i < actual.Length; i++)
        {
            var err = CameraLogTests.Error(actual[i], expected[i]);
            if (err > worst)
            {
                (worst, where) = (err, i);
            }
        }

        Assert.True(worst <= 1e-5, $"{style} {direction}: worst error {worst:E2} at sample {where}: input {input[where - (where % 3)]}, {input[where - (where % 3) + 1]}, {input[where - (where % 3) + 2]}; ours {actual[where]}, OCIO {expected[where]}");
    }

    private static float[] Interleave(float[] values)
    {
        var (r, g, b) = CameraLogTests.Grid(values);
        var rgb = new float[r.Count * 3];
        for (var i = 0; i < r.Count; i++)
        {
            (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]) = (r[i], g[i], b[i]);
        }

        return rgb;
    }
}
