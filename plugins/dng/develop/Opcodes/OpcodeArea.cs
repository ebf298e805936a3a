namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// The pixels a mapping opcode touches (DNG 1.6, 7.x "area" parameters): rows Top, Top + RowPitch, … below
/// Bottom; columns Left, Left + ColPitch, … left of Right; planes Plane to Plane + Planes − 1. Bounds are
/// exclusive at the bottom and right and are clipped to the image.
/// </summary>
public sealed record OpcodeArea(int Top, int Left, int Bottom, int Right, int Plane, int Planes, int RowPitch, int ColPitch)
{
    internal static OpcodeArea Read(ref OpcodeReader reader, string opcode)
    {
        var top = reader.UInt32();
        var left = reader.UInt32();
        var bottom = reader.UInt32();
        var right = reader.UInt32();
        var plane = reader.UInt32();
        var planes = reader.UInt32();
        var rowPitch = reader.UInt32();
        var colPitch = reader.UInt32();
        if (bottom < top || right < left || top > int.MaxValue || left > int.MaxValue || bottom > int.MaxValue || right > int.MaxValue
            || plane > 64 || planes is 0 or > 64 || rowPitch is 0 or > int.MaxValue || colPitch is 0 or > int.MaxValue)
        {
            throw reader.Error(
                $"{opcode} has an invalid area: top {top}, left {left}, bottom {bottom}, right {right}, plane {plane}, planes {planes}, pitch {rowPitch}×{colPitch}.",
                "top ≤ bottom, left ≤ right, 1 to 64 planes and pitches of at least 1");
        }

        return new OpcodeArea((int)top, (int)left, (int)bottom, (int)right, (int)plane, (int)planes, (int)rowPitch, (int)colPitch);
    }

    /// <summary>Calls <paramref name="row"/>(plane, plane within the area, row) for every row of the area inside the image.</summary>
    internal void ForEachRow(ImagePlanes image, Action<int, int, int> row)
    {
        var lastPlane = Math.Min(image.Planes, Plane + Planes);
        var bottom = Math.Min(Bottom, image.Height);
        for (var plane = Plane; plane < lastPlane; plane++)
        {
            for (var y = Top; y < bottom; y += RowPitch)
            {
                row(plane, plane - Plane, y);
            }
        }
    }

    /// <summary>The columns of the area inside a row of <paramref name="width"/>.</summary>
    internal (int First, int End, int Step) Columns(int width) => (Left, Math.Min(Right, width), ColPitch);
}
