namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// One ACES 2.0 output preset around the core transform (aces-core outputTransform_fwd/inv and
/// display_encoding; OCIO ACES.cpp ACES2_OUTPUT::Generate_output_transform): clamp the input in AP1 to
/// [0, 8 × the scene value that reaches peak], render, clamp to [0, peak] in the limiting primaries,
/// scale so the limiting white fits the encoding (white simulation), apply the linear scale of the
/// cinema presets, and express the result as display-referred XYZ (1 = 100 cd/m²), optionally encoded.
/// </summary>
internal sealed class Aces2Rendering
{
    private readonly Aces2OutputTransform _core;
    private readonly double _upperBound;
    private readonly double _peak;
    private readonly double _outputScale;
    private readonly Mat3 _limitToXyz;
    private readonly Mat3 _xyzToLimit;
    private readonly DisplayEncoder? _encoder;

    public Aces2Rendering(double peak, Gamut limiting, Gamut encoding, bool scaleWhite, double linearScale, DisplayEncoder? encoder)
    {
        _core = new Aces2OutputTransform(peak, limiting);
        _upperBound = _core.Tone.ForwardLimit;
        _peak = peak / Hellwig2022.ReferenceLuminance;
        var whiteScale = 1.0;
        if (scaleWhite)
        {
            var white = (encoding.FromXyz() * limiting.ToXyz()).Apply(new Vec3(1, 1, 1));
            whiteScale = 1 / white.Max;
        }

        _outputScale = whiteScale * linearScale;
        _limitToXyz = limiting.ToXyz();
        _xyzToLimit = _limitToXyz.Inverse();
        _encoder = encoder;
    }

    public Pipeline Forward() => new Direction(this, inverse: false);

    public Pipeline Inverse() => new Direction(this, inverse: true);

    private Vec3 Render(Vec3 aces)
    {
        aces = ClampInAp1(aces);
        var rgb = _core.Forward(aces).Clamp(0, _peak);
        var xyz = _limitToXyz.Apply(_outputScale * rgb);
        return _encoder is { } e ? e.Encode(xyz) : xyz;
    }

    private Vec3 Unrender(Vec3 output)
    {
        var xyz = _encoder is { } e ? e.Decode(output) : output;
        var rgb = ((1 / _outputScale) * _xyzToLimit.Apply(xyz)).Clamp(0, _peak);
        return ClampInAp1(_core.Inverse(rgb));
    }

    private Vec3 ClampInAp1(Vec3 aces)
        => Aces1.RrtSweeteners.Ap1ToAp0.Apply(Aces1.RrtSweeteners.Ap0ToAp1.Apply(aces).Clamp(0, _upperBound));

    private sealed class Direction(Aces2Rendering rendering, bool inverse) : Pipeline
    {
        public override Vec3 Apply(Vec3 rgb) => inverse ? rendering.Unrender(rgb) : rendering.Render(rgb);
    }
}
