namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// GainMap (opcode 9): multiplies the area by a gain interpolated bilinearly from a grid. A pixel's grid
/// position is its centre relative to the image, ((row + ½) / height − MapOriginV) / MapSpacingV (and likewise
/// across), held at the first and last grid points outside the grid, as the DNG SDK's gain-map interpolator does.
/// Image planes past MapPlanes use the last map plane.
/// </summary>
public sealed class GainMapOpcode : DngOpcode
{
    // A sanity bound on the grid: real maps are tens of points a side.
    private const int MaxPoints = 1 << 20;

    private readonly float[] _gains;

    internal GainMapOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        Area = OpcodeArea.Read(ref reader, Name);
        var pointsV = reader.UInt32();
        var pointsH = reader.UInt32();
        SpacingV = reader.Double();
        SpacingH = reader.Double();
        OriginV = reader.Double();
        OriginH = reader.Double();
        var planes = reader.UInt32();
        var count = (long)pointsV * pointsH * planes;
        if (pointsV == 0 || pointsH == 0 || planes is 0 or > 64 || count > MaxPoints || count * 4 != reader.Remaining
            || !double.IsFinite(SpacingV) || !double.IsFinite(SpacingH) || !double.IsFinite(OriginV) || !double.IsFinite(OriginH)
            || (pointsV > 1 && SpacingV <= 0) || (pointsH > 1 && SpacingH <= 0))
        {
            throw reader.Error(
                $"GainMap has {pointsV}×{pointsH} points in {planes} planes (spacing {SpacingV}×{SpacingH}) and {reader.Remaining} bytes of gains.",
                $"1 to {MaxPoints} points, positive spacing, and 4 bytes per point and plane");
        }

        PointsV = (int)pointsV;
        PointsH = (int)pointsH;
        MapPlanes = (int)planes;
        _gains = new float[count];
        for (var i = 0; i < _gains.Length; i++)
        {
            _gains[i] = reader.Single();
        }
    }

    public OpcodeArea Area { get; }

    public int PointsV { get; }

    public int PointsH { get; }

    public double SpacingV { get; }

    public double SpacingH { get; }

    public double OriginV { get; }

    public double OriginH { get; }

    public int MapPlanes { get; }

    /// <summary>The gain at grid point (row, column) of a map plane.</summary>
    public float Gain(int row, int column, int plane) => _gains[(((row * PointsH) + column) * MapPlanes) + plane];

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        var (first, end, step) = Area.Columns(image.Width);
        Area.ForEachRow(image, (plane, relative, y) =>
        {
            var mapPlane = Math.Min(relative, MapPlanes - 1);
            var (r0, r1, rf) = Locate((((y + 0.5) / image.Height) - OriginV) / SpacingV, PointsV);
            var row = image.Row(plane, y);
            for (var x = first; x < end; x += step)
            {
                var (c0, c1, cf) = Locate((((x + 0.5) / image.Width) - OriginH) / SpacingH, PointsH);
                var top = (Gain(r0, c0, mapPlane) * (1 - cf)) + (Gain(r0, c1, mapPlane) * cf);
                var bottom = (Gain(r1, c0, mapPlane) * (1 - cf)) + (Gain(r1, c1, mapPlane) * cf);
                row[x] *= (top * (1 - rf)) + (bottom * rf);
            }
        });
    }

    /// <summary>The two grid indices either side of a fractional grid position, and the weight of the second.</summary>
    private static (int First, int Second, float Fraction) Locate(double position, int points)
    {
        if (!(position > 0) || points == 1)
        {
            return (0, 0, 0);
        }

        if (position >= points - 1)
        {
            return (points - 1, points - 1, 0);
        }

        var index = (int)position;
        return (index, index + 1, (float)(position - index));
    }
}
