namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// FixVignetteRadial (opcode 3): multiplies every plane by 1 + k₀r² + k₁r⁴ + k₂r⁶ + k₃r⁸ + k₄r¹⁰, r the distance
/// of the pixel from the optical centre (cx·width, cy·height) over the largest distance from that centre to an
/// image corner, as the DNG SDK normalizes radii.
/// </summary>
public sealed class FixVignetteRadialOpcode : DngOpcode
{
    internal FixVignetteRadialOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        if (reader.Remaining != 7 * 8)
        {
            throw reader.Error($"FixVignetteRadial has {reader.Remaining} parameter bytes.", "56 bytes: k0 to k4, cx and cy as doubles");
        }

        K = [reader.Double(), reader.Double(), reader.Double(), reader.Double(), reader.Double()];
        CentreX = reader.Double();
        CentreY = reader.Double();
        if (K.Any(k => !double.IsFinite(k)) || !(CentreX is >= 0 and <= 1) || !(CentreY is >= 0 and <= 1))
        {
            throw reader.Error($"FixVignetteRadial has centre ({CentreX}, {CentreY}) or a coefficient that is not finite.", "finite coefficients and a centre within 0 to 1");
        }
    }

    /// <summary>k₀ … k₄.</summary>
    public IReadOnlyList<double> K { get; }

    /// <summary>The optical centre across, relative to the width.</summary>
    public double CentreX { get; }

    /// <summary>The optical centre down, relative to the height.</summary>
    public double CentreY { get; }

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        var cx = CentreX * image.Width;
        var cy = CentreY * image.Height;
        var inverse = 1 / (Radius.Largest(cx, cy, image.Width, image.Height) is var m && m > 0 ? m : 1);
        Parallel.For(0, image.Height, y =>
        {
            var dy = (y - cy) * inverse;
            for (var plane = 0; plane < image.Planes; plane++)
            {
                var row = image.Row(plane, y);
                for (var x = 0; x < row.Length; x++)
                {
                    var dx = (x - cx) * inverse;
                    var r2 = (dx * dx) + (dy * dy);
                    var gain = 1 + (r2 * (K[0] + (r2 * (K[1] + (r2 * (K[2] + (r2 * (K[3] + (r2 * K[4])))))))));
                    row[x] = (float)(row[x] * gain);
                }
            }
        });
    }
}

/// <summary>The normalizing radius of the radial opcodes.</summary>
internal static class Radius
{
    /// <summary>The largest distance from (cx, cy) to a corner of the image rectangle [0, width] × [0, height].</summary>
    public static double Largest(double cx, double cy, int width, int height)
        => Math.Sqrt(Math.Max(cx * cx, (width - cx) * (width - cx)) + Math.Max(cy * cy, (height - cy) * (height - cy)));
}
