namespace Rushes.Plugins.AcesOutput.Aces1;

/// <summary>
/// The ACES 1.x rendering (aces-dev v1.3: RRT.ctl, ODT.Academy.*.ctl, ACESlib.OutputTransforms.ctl),
/// precomputed once from its settings; immutable and thread-safe.
/// </summary>
internal sealed class Aces1Rendering
{
    // ACESlib.ODT_Common.ctl: surround compensation and video desaturation.
    private const double DimSurroundGamma = 0.9811;
    private const double OdtSatFactor = 0.93;

    private static readonly Mat3 Ap1ToXyz = Gamut.Ap1.ToXyz();
    private static readonly Mat3 XyzToAp1 = Ap1ToXyz.Inverse();
    private static readonly Mat3 D60ToD65 = Gamut.Bradford(Gamut.D60, Gamut.D65);
    private static readonly Mat3 OdtDesaturate = RrtSweeteners.SaturationMatrix(OdtSatFactor);
    private static readonly Mat3 OdtDesaturateInverse = OdtDesaturate.Inverse();

    private readonly Aces1Settings _s;
    private readonly SegmentedSpline _tone;
    private readonly Mat3 _toXyz;
    private readonly Mat3 _fromXyz;
    private readonly Mat3 _ap1ToLimit;
    private readonly Mat3 _limitToXyz;
    private readonly Mat3 _xyzToAp1ViaLimit;
    private readonly double _outputScale;

    public Aces1Rendering(Aces1Settings settings)
    {
        _s = settings;
        _tone = settings.Hdr ? SingleStageToneScale.Create(settings.MinNits, settings.MidNits, settings.PeakNits) : SegmentedSpline.Odt48Nits;

        // HDR XYZ is in units of 100 cd/m² (OCIO's nit normalisation); SDR XYZ has display white at Y = 1.
        _outputScale = settings.Hdr ? settings.PeakNits / 100 : 1;
        var dci = Gamut.Dci;
        _toXyz = settings.White switch
        {
            Aces1WhiteHandling.AdaptToD65 => D60ToD65 * Ap1ToXyz,
            Aces1WhiteHandling.SimulateD60 => Ap1ToXyz,
            Aces1WhiteHandling.SimulateD60OnDci => Gamut.Bradford(dci, Gamut.D65) * Ap1ToXyz,
            Aces1WhiteHandling.SimulateD65OnDci => Gamut.Bradford(dci, Gamut.D65) * D60ToD65 * Ap1ToXyz,
            _ => Mat3.Identity,
        };
        _fromXyz = _toXyz.Inverse();
        if (settings.White == Aces1WhiteHandling.Limit)
        {
            var limit = settings.LimitingPrimaries ?? throw new ArgumentException("Limiting primaries are required.", nameof(settings));

            // SDR limited ODTs adapt D60→D65 before clipping; HDR (outputTransform limit_to_primaries)
            // clips in the limiting primaries with no adaptation, then adapts.
            _ap1ToLimit = settings.Hdr ? limit.FromXyz() * Ap1ToXyz : limit.FromXyz() * D60ToD65 * Ap1ToXyz;
            _limitToXyz = settings.Hdr ? D60ToD65 * limit.ToXyz() : limit.ToXyz();
            _xyzToAp1ViaLimit = _ap1ToLimit.Inverse() * _limitToXyz.Inverse();
        }
    }

    public Pipeline Forward() => new Direction(this, inverse: false);

    public Pipeline Inverse() => new Direction(this, inverse: true);

    private Vec3 Render(Vec3 input)
    {
        Vec3 rgb;
        if (_s.Scope == Aces1Scope.Odt)
        {
            rgb = RrtSweeteners.Ap0ToAp1.Apply(input);
        }
        else
        {
            rgb = RrtSweeteners.Forward(input);
            if (!_s.Hdr)
            {
                rgb = SegmentedSpline.Rrt.Forward(rgb);
                if (_s.Scope == Aces1Scope.Rrt)
                {
                    return RrtSweeteners.Ap1ToAp0.Apply(rgb);
                }
            }
        }

        // Tone scale to absolute luminance, then to linear code values between black and white.
        var linear = _tone.Forward(rgb);
        linear = (1 / (_s.PeakNits - _s.MinNits)) * (linear - new Vec3(_s.MinNits, _s.MinNits, _s.MinNits));

        var xyz = ToDisplayXyz(linear);
        xyz = _outputScale * xyz;
        return _s.Encoder is { } encoder ? encoder.Encode(xyz) : xyz;
    }

    private Vec3 Unrender(Vec3 output)
    {
        if (_s.Scope == Aces1Scope.Rrt)
        {
            var post = SegmentedSpline.Rrt.Reverse(RrtSweeteners.Ap0ToAp1.Apply(output));
            return RrtSweeteners.Reverse(post);
        }

        var xyz = _s.Encoder is { } encoder ? encoder.Decode(output) : output;
        xyz = (1 / _outputScale) * xyz;
        var linear = FromDisplayXyz(xyz);
        var nits = (_s.PeakNits - _s.MinNits) * linear + new Vec3(_s.MinNits, _s.MinNits, _s.MinNits);
        var rgb = _tone.Reverse(nits);
        if (_s.Scope == Aces1Scope.Odt)
        {
            return RrtSweeteners.Ap1ToAp0.Apply(rgb);
        }

        if (!_s.Hdr)
        {
            rgb = SegmentedSpline.Rrt.Reverse(rgb);
        }

        return RrtSweeteners.Reverse(rgb);
    }

    private Vec3 ToDisplayXyz(Vec3 linear)
    {
        switch (_s.White)
        {
            case Aces1WhiteHandling.Limit:
                linear = VideoAdjust(linear);
                return _limitToXyz.Apply(_ap1ToLimit.Apply(linear).Clamp(0, 1));
            case Aces1WhiteHandling.SimulateD60:
                linear = _s.SimulationScale * new Vec3(Math.Min(linear.X, 1), Math.Min(linear.Y, 1), Math.Min(linear.Z, 1));
                return _toXyz.Apply(VideoAdjust(linear));
            case Aces1WhiteHandling.SimulateD60OnDci or Aces1WhiteHandling.SimulateD65OnDci:
                var w = _s.RollWhite;
                linear = new Vec3(Math.Min(RollWhiteForward(linear.X, w), w), Math.Min(RollWhiteForward(linear.Y, w), w), Math.Min(RollWhiteForward(linear.Z, w), w));
                return _toXyz.Apply(_s.SimulationScale * linear);
            default:
                return _toXyz.Apply(VideoAdjust(linear));
        }
    }

    private Vec3 FromDisplayXyz(Vec3 xyz)
    {
        switch (_s.White)
        {
            case Aces1WhiteHandling.Limit:
                return VideoUnadjust(_xyzToAp1ViaLimit.Apply(xyz));
            case Aces1WhiteHandling.SimulateD60:
                return (1 / _s.SimulationScale) * VideoUnadjust(_fromXyz.Apply(xyz));
            case Aces1WhiteHandling.SimulateD60OnDci or Aces1WhiteHandling.SimulateD65OnDci:
                var v = (1 / _s.SimulationScale) * _fromXyz.Apply(xyz);
                return new Vec3(RollWhiteReverse(v.X, _s.RollWhite), RollWhiteReverse(v.Y, _s.RollWhite), RollWhiteReverse(v.Z, _s.RollWhite));
            default:
                return VideoUnadjust(_fromXyz.Apply(xyz));
        }
    }

    // Video ODTs: dark-to-dim surround gamma on luminance (hue and chromaticity kept), then desaturate.
    private Vec3 VideoAdjust(Vec3 linear)
        => _s.DimSurround ? OdtDesaturate.Apply(SurroundGamma(linear, DimSurroundGamma)) : linear;

    private Vec3 VideoUnadjust(Vec3 linear)
        => _s.DimSurround ? SurroundGamma(OdtDesaturateInverse.Apply(linear), 1 / DimSurroundGamma) : linear;

    // ACESlib.ODT_Common.ctl darkSurround_to_dimSurround: Y ← Y^γ at constant xy, in AP1's XYZ.
    private static Vec3 SurroundGamma(Vec3 ap1, double gamma)
    {
        var xyz = Ap1ToXyz.Apply(ap1);
        var sum = xyz.X + xyz.Y + xyz.Z;
        if (sum == 0)
        {
            sum = 1e-10;
        }

        var (x, y) = (xyz.X / sum, xyz.Y / sum);
        var big = Math.Pow(Math.Max(xyz.Y, 0), gamma);
        var yFloor = Math.Max(y, 1e-10);
        return XyzToAp1.Apply(new Vec3(x * big / yFloor, big, (1 - x - y) * big / yFloor));
    }

    // ACESlib.ODT_Common.ctl roll_white_fwd / roll_white_rev with a width of 0.5.
    private static double RollWhiteForward(double v, double newWhite)
    {
        const double x0 = -1.0, x1 = x0 + 0.5;
        var y0 = -newWhite;
        const double y1 = x1;
        const double m1 = x1 - x0;
        var a = y0 - y1 + m1;
        var b = (2 * (y1 - y0)) - m1;
        var c = y0;
        var t = (-v - x0) / (x1 - x0);
        if (t < 0)
        {
            return -((t * b) + c);
        }

        return t > 1 ? v : -((((t * a) + b) * t) + c);
    }

    private static double RollWhiteReverse(double v, double newWhite)
    {
        const double x0 = -1.0, x1 = x0 + 0.5;
        var y0 = -newWhite;
        const double y1 = x1;
        const double m1 = x1 - x0;
        var a = y0 - y1 + m1;
        var b = (2 * (y1 - y0)) - m1;
        if (-v < y0)
        {
            return -x0;
        }

        if (-v > y1)
        {
            return v;
        }

        var c = y0 + v;
        var t = 2 * c / (-Math.Sqrt((b * b) - (4 * a * c)) - b);
        return -((t * (x1 - x0)) + x0);
    }

    private sealed class Direction(Aces1Rendering rendering, bool inverse) : Pipeline
    {
        public override Vec3 Apply(Vec3 rgb) => inverse ? rendering.Unrender(rgb) : rendering.Render(rgb);
    }
}
