using Rushes.Plugins.AcesOutput.Aces1;

namespace Rushes.Plugins.AcesOutput.Tests;

/// <summary>
/// The RRT skips the hue's atan2 for pixels it can tell are far from red; every pixel it skips must be
/// one whose red-modifier weight is exactly 0, so the skip changes no output.
/// </summary>
public sealed class RedModifierHueTests
{
    [Fact]
    public void Pixels_skipped_as_clearly_not_red_have_a_red_weight_of_exactly_zero()
    {
        var skipped = 0;
        var weighted = 0;
        foreach (var level in (double[])[1e-4, 0.18, 5, 3000])
        {
            foreach (var chroma in (double[])[1e-6, 0.05, 0.5, 1])
            {
                // Hues every 0.01°, on a chroma circle around the neutral axis (the hue plane of rgb_2_hue).
                for (var step = 0; step < 36000; step++)
                {
                    var angle = step / 100.0 * Math.PI / 180;
                    var (u, v) = (Math.Cos(angle), Math.Sin(angle) / Math.Sqrt(3));
                    var rgb = new Vec3(level * (1 + (chroma * 2 * u / 3)), level * (1 + (chroma * ((-u / 3) + v))), level * (1 + (chroma * ((-u / 3) - v))));
                    var weight = RrtSweeteners.RedWeight(rgb);
                    if (RrtSweeteners.ClearlyNotRed(rgb))
                    {
                        skipped++;
                        Assert.True(weight == 0, $"hue {step / 100.0}°, level {level}, chroma {chroma}: skipped with weight {weight}");
                    }
                    else if (weight > 0)
                    {
                        weighted++;
                    }
                }
            }
        }

        // The sweep reaches both sides: most hues skipped, the red window computed.
        Assert.InRange(skipped, 16 * 36000 * 0.55, 16 * 36000 * 0.65);
        Assert.InRange(weighted, 16 * 36000 * 0.35, 16 * 36000 * 0.38);
    }

    [Fact]
    public void Neutral_and_non_finite_pixels_take_the_exact_path()
    {
        Assert.False(RrtSweeteners.ClearlyNotRed(new Vec3(0.18, 0.18, 0.18)));
        Assert.False(RrtSweeteners.ClearlyNotRed(new Vec3(double.NaN, 0.1, 0.2)));
        Assert.False(RrtSweeteners.ClearlyNotRed(new Vec3(double.PositiveInfinity, double.PositiveInfinity, 1)));
    }
}
