namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// The ACES 2.0 output transform's core (aces-core Lib.Academy.OutputTransform.ctl; OpenColorIO's
/// ACES_OUTPUT_TRANSFORM_20 fixed function): ACES2065-1 → JMh → tone scale and chroma compression →
/// gamut compression → RGB in the limiting primaries (1 = 100 cd/m²), and its inverse. Everything that
/// depends only on the preset (model matrices, tone-scale constants, reach, cusp and gamma tables) is
/// computed in the constructor; the instance is immutable and thread-safe.
/// </summary>
internal sealed class Aces2OutputTransform
{
    private readonly Hellwig2022 _input;
    private readonly Hellwig2022 _limit;
    private readonly ToneScale _tone;
    private readonly ChromaCompression _chroma;
    private readonly GamutMapper _gamut;
    private readonly double[] _reachM;
    private readonly double _limitJMax;

    public Aces2OutputTransform(double peak, Gamut limiting)
    {
        _input = new Hellwig2022(Gamut.Ap0);
        _limit = new Hellwig2022(limiting);
        var reach = new Hellwig2022(Gamut.Ap1);
        _tone = new ToneScale(peak);
        _limitJMax = _input.YToJ(peak);
        _reachM = GamutMapper.ReachTable(reach, _limitJMax);
        _chroma = new ChromaCompression(_tone);
        _gamut = new GamutMapper(_tone, _input, _limit, reach, _limitJMax);
    }

    public ToneScale Tone => _tone;

    public Hellwig2022 InputModel => _input;

    public Vec3 Forward(Vec3 aces)
    {
        var aab = _input.RgbToAab(aces);
        var jmh = Hellwig2022.AabToJmh(aab, _input.Cz);
        var h = jmh.Z;
        var (cos, sin) = CosSin(h);
        var reachM = HueTable.LookupUniform(_reachM, h);
        var jTs = Math.CopySign(_input.YToJ(_tone.Forward(_input.AToY(Math.Abs(aab.X)))), aab.X);
        var tonemapped = new Vec3(jTs, _chroma.Forward(jmh.X, jmh.Y, jTs, _chroma.Norm(cos, sin), _limitJMax, reachM), h);
        var compressed = _gamut.Forward(tonemapped, reachM);
        return _limit.AabToRgb(_limit.JmhToAab(compressed, cos, sin));
    }

    public Vec3 Inverse(Vec3 rgb)
    {
        var compressed = _limit.RgbToJmh(rgb);
        var h = compressed.Z;
        var (cos, sin) = CosSin(h);
        var reachM = HueTable.LookupUniform(_reachM, h);
        var tonemapped = _gamut.Inverse(compressed, reachM);
        var j = ToneInverseJ(tonemapped.X);
        var m = _chroma.Inverse(tonemapped.X, tonemapped.Y, j, _chroma.Norm(cos, sin), _limitJMax, reachM);
        return _input.AabToRgb(_input.JmhToAab(new Vec3(j, m, h), cos, sin));
    }

    /// <summary>Tone scale and chroma compression alone, JMh to JMh (OCIO ACES_TONESCALE_COMPRESS_20).</summary>
    public Vec3 ToneAndChromaForward(Vec3 jmh)
    {
        var h = Hellwig2022.WrapHue(jmh.Z);
        var (cos, sin) = CosSin(h);
        var jTs = ToneForwardJ(jmh.X);
        return new Vec3(jTs, _chroma.Forward(jmh.X, jmh.Y, jTs, _chroma.Norm(cos, sin), _limitJMax, HueTable.LookupUniform(_reachM, h)), h);
    }

    public Vec3 ToneAndChromaInverse(Vec3 jmh)
    {
        var h = Hellwig2022.WrapHue(jmh.Z);
        var (cos, sin) = CosSin(h);
        var j = ToneInverseJ(jmh.X);
        return new Vec3(j, _chroma.Inverse(jmh.X, jmh.Y, j, _chroma.Norm(cos, sin), _limitJMax, HueTable.LookupUniform(_reachM, h)), h);
    }

    /// <summary>Gamut compression alone, JMh to JMh (OCIO ACES_GAMUT_COMPRESS_20).</summary>
    public Vec3 GamutForward(Vec3 jmh)
    {
        var h = Hellwig2022.WrapHue(jmh.Z);
        return _gamut.Forward(jmh with { Z = h }, HueTable.LookupUniform(_reachM, h));
    }

    public Vec3 GamutInverse(Vec3 jmh)
    {
        var h = Hellwig2022.WrapHue(jmh.Z);
        return _gamut.Inverse(jmh with { Z = h }, HueTable.LookupUniform(_reachM, h));
    }

    private double ToneForwardJ(double j) => Math.CopySign(_input.YToJ(_tone.Forward(_input.JToY(j))), j);

    private double ToneInverseJ(double j) => Math.CopySign(_input.YToJ(_tone.Inverse(_input.JToY(j))), j);

    private static (double Cos, double Sin) CosSin(double hueDegrees)
    {
        var r = hueDegrees * Math.PI / 180;
        return (Math.Cos(r), Math.Sin(r));
    }
}
