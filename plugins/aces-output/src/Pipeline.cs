namespace Rushes.Plugins.AcesOutput;

/// <summary>One compiled direction of an output transform, pixel by pixel in double precision.</summary>
internal abstract class Pipeline
{
    public abstract Vec3 Apply(Vec3 rgb);
}

/// <summary>
/// The last step of an output transform: display-referred CIE XYZ (D65 display white, 1 = the
/// transform's nominal white; for PQ, 1 = 100 cd/m²) into the display's primaries, clipped to what
/// the display can show, then signal-encoded.
/// </summary>
internal sealed record DisplayEncoder(Gamut Primaries, Eotf Eotf, double ClampHigh)
{
    private readonly Mat3 _fromXyz = Primaries.FromXyz();
    private readonly Mat3 _toXyz = Primaries.ToXyz();

    public Vec3 Encode(Vec3 xyz)
    {
        var rgb = _fromXyz.Apply(xyz).Clamp(0, ClampHigh);
        return DisplayEncoding.EncodeVector(Eotf, rgb)
            ?? new Vec3(DisplayEncoding.Encode(Eotf, rgb.X), DisplayEncoding.Encode(Eotf, rgb.Y), DisplayEncoding.Encode(Eotf, rgb.Z));
    }

    public Vec3 Decode(Vec3 signal)
        => _toXyz.Apply(new Vec3(DisplayEncoding.Decode(Eotf, signal.X), DisplayEncoding.Decode(Eotf, signal.Y), DisplayEncoding.Decode(Eotf, signal.Z)));
}
