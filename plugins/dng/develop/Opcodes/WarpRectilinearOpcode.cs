using System.Buffers;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// WarpRectilinear (opcode 1): corrects lens distortion. For each output pixel (x, y), with d its offset from the
/// optical centre (cx·width, cy·height) over the largest centre-to-corner distance m, and r² = |d|² (held at 1):
/// the source is centre + m·(d·(kr₀ + kr₁r² + kr₂r⁴ + kr₃r⁶) + t), t the tangential (Brown–Conrady) term
/// t_x = kt₀·2dₓd_y + kt₁(r² + 2dₓ²), t_y = kt₁·2dₓd_y + kt₀(r² + 2d_y²) (DNG 1.6, WarpRectilinear; the DNG
/// SDK's dng_filter_warp). The source is read bilinearly, clamped at the edges; pixel aspect ratio 1 is assumed.
/// One coefficient set serves every plane, or there is one per plane.
/// </summary>
public sealed class WarpRectilinearOpcode : DngOpcode
{
    private readonly double[][] _coefficients;

    internal WarpRectilinearOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        var planes = reader.UInt32();
        if (planes is 0 or > 64 || reader.Remaining != (planes * 6 * 8) + 16)
        {
            throw reader.Error($"WarpRectilinear has {planes} planes and {reader.Remaining} bytes of coefficients.", "1 to 64 planes of 6 doubles each, then the centre as 2 doubles");
        }

        _coefficients = new double[planes][];
        for (var p = 0; p < planes; p++)
        {
            _coefficients[p] = [reader.Double(), reader.Double(), reader.Double(), reader.Double(), reader.Double(), reader.Double()];
        }

        CentreX = reader.Double();
        CentreY = reader.Double();
        if (_coefficients.Any(c => c.Any(k => !double.IsFinite(k))) || !(CentreX is >= 0 and <= 1) || !(CentreY is >= 0 and <= 1))
        {
            throw reader.Error($"WarpRectilinear has centre ({CentreX}, {CentreY}) or a coefficient that is not finite.", "finite coefficients and a centre within 0 to 1");
        }
    }

    /// <summary>Per plane: kr₀, kr₁, kr₂, kr₃, kt₀, kt₁.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Coefficients => _coefficients;

    public double CentreX { get; }

    public double CentreY { get; }

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        if (_coefficients.Length != 1 && _coefficients.Length != image.Planes)
        {
            throw new InputException(
                $"WarpRectilinear has coefficients for {_coefficients.Length} planes but the image has {image.Planes}.",
                file: null, field: "WarpRectilinear", expected: $"1 or {image.Planes} planes");
        }

        int width = image.Width, height = image.Height;
        var cx = CentreX * width;
        var cy = CentreY * height;
        var m = Radius.Largest(cx, cy, width, height);
        var inverse = m > 0 ? 1 / m : 1;
        var source = ArrayPool<float>.Shared.Rent(width * height);
        try
        {
            for (var plane = 0; plane < image.Planes; plane++)
            {
                image.Plane(plane).CopyTo(source);
                var k = _coefficients[Math.Min(plane, _coefficients.Length - 1)];
                var p = plane;
                Parallel.For(0, height, y =>
                {
                    var row = image.Row(p, y);
                    var dy = (y - cy) * inverse;
                    for (var x = 0; x < width; x++)
                    {
                        var dx = (x - cx) * inverse;
                        var r2 = Math.Min((dx * dx) + (dy * dy), 1);
                        var ratio = k[0] + (r2 * (k[1] + (r2 * (k[2] + (r2 * k[3])))));
                        var tx = (k[4] * 2 * dx * dy) + (k[5] * (r2 + (2 * dx * dx)));
                        var ty = (k[5] * 2 * dx * dy) + (k[4] * (r2 + (2 * dy * dy)));
                        row[x] = Sample(source, width, height, cx + (m * ((dx * ratio) + tx)), cy + (m * ((dy * ratio) + ty)));
                    }
                });
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(source);
        }
    }

    /// <summary>Bilinear sample at a fractional position, pixel centres at integer coordinates, clamped at the edges.</summary>
    private static float Sample(float[] source, int width, int height, double x, double y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, width - 1), y1 = Math.Min(y0 + 1, height - 1);
        double fx = x - x0, fy = y - y0;
        var top = (source[(y0 * width) + x0] * (1 - fx)) + (source[(y0 * width) + x1] * fx);
        var bottom = (source[(y1 * width) + x0] * (1 - fx)) + (source[(y1 * width) + x1] * fx);
        return (float)((top * (1 - fy)) + (bottom * fy));
    }
}
