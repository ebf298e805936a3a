using System.Runtime.Intrinsics;

namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// The simplified Hellwig 2022 colour appearance model of the ACES 2.0 output transform, for one RGB
/// gamut: RGB (1 = 100 cd/m²) to J (lightness), M (colourfulness), h (hue, degrees) and back.
/// Viewing conditions and constants per aces-core Lib.Academy.OutputTransform.ctl (as OpenColorIO's
/// ACES2/Transform.cpp init_JMhParams implements it): L_A = 100, Y_b = 20, dim surround
/// (F, c, N_c) = (0.9, 0.59, 0.9), full adaptation to the gamut's own white.
/// </summary>
internal sealed class Hellwig2022
{
    public const double ReferenceLuminance = 100;
    private const double AdaptingLuminance = 100;   // L_A
    private const double BackgroundLuminance = 20;  // Y_b
    private const double SurroundC = 0.59, SurroundNc = 0.9;
    private const double JScale = 100;
    private const double NonlinearOffset = 0.2713 * 100; // cam_nl_offset: 27.13 with the 100 cd/m² reference
    private const double NonlinearScale = 4.0 * 100;     // cam_nl_scale

    private readonly Mat3 _rgbToCone;
    private readonly Mat3 _coneToRgb;
    private readonly Mat3 _coneToAab;
    private readonly Mat3 _aabToCone;

    public Hellwig2022(Gamut gamut)
    {
        // F_L for L_A = 100 (CIECAM02 luminance-level adaptation).
        const double k = 1 / ((5 * AdaptingLuminance) + 1);
        var k4 = k * k * k * k;
        var fl = (0.2 * k4 * 5 * AdaptingLuminance) + (0.1 * Math.Pow(1 - k4, 2) * Math.Cbrt(5 * AdaptingLuminance));
        FlN = fl / ReferenceLuminance;
        Cz = ModelGamma;

        var cam16 = Gamut.Cam16Aces2.FromXyz();
        var toXyz = gamut.ToXyz();
        var whiteXyz = ReferenceLuminance * toXyz.Apply(new Vec3(1, 1, 1));
        var whiteCone = cam16.Apply(whiteXyz);
        var d = new Vec3(FlN * whiteXyz.Y / whiteCone.X, FlN * whiteXyz.Y / whiteCone.Y, FlN * whiteXyz.Y / whiteCone.Z);

        // Cone responses pre-scaled for (full) chromatic adaptation to the gamut's white.
        _rgbToCone = Mat3.Diagonal(d.X, d.Y, d.Z) * (ReferenceLuminance * (cam16 * toXyz));
        _coneToRgb = _rgbToCone.Inverse();

        var whiteAdapted = new Vec3(Compress(d.X * whiteCone.X), Compress(d.Y * whiteCone.Y), Compress(d.Z * whiteCone.Z));

        // Opponent axes (Hellwig 2022): A = 2R + G + B/20, a = R − 12G/11 + B/11, b = (R + G − 2B)/9, scaled.
        var baseAab = NonlinearScale * new Mat3(2, 1, 1.0 / 20, 1, -12.0 / 11, 1.0 / 11, 1.0 / 9, 1.0 / 9, -2.0 / 9);
        var aw = (baseAab.M00 * whiteAdapted.X) + (baseAab.M01 * whiteAdapted.Y) + (baseAab.M02 * whiteAdapted.Z);
        var ab = 43 * SurroundNc;
        _coneToAab = new Mat3(
            baseAab.M00 / aw, baseAab.M01 / aw, baseAab.M02 / aw,
            baseAab.M10 * ab, baseAab.M11 * ab, baseAab.M12 * ab,
            baseAab.M20 * ab, baseAab.M21 * ab, baseAab.M22 * ab);
        _aabToCone = _coneToAab.Inverse();
        AwJ = CompressMagnitude(fl);
    }

    /// <summary>The c·z exponent: c (1.48 + √(Y_b / Y_w)).</summary>
    public static double ModelGamma => SurroundC * (1.48 + Math.Sqrt(BackgroundLuminance / ReferenceLuminance));

    public double FlN { get; }

    public double Cz { get; }

    /// <summary>The achromatic response of the reference white, compressed.</summary>
    public double AwJ { get; }

    public Vec3 RgbToAab(Vec3 rgb)
    {
        var cone = _rgbToCone.Apply(rgb);
        return _coneToAab.Apply(Vector256.IsHardwareAccelerated ? CompressVector(cone) : new Vec3(Compress(cone.X), Compress(cone.Y), Compress(cone.Z)));
    }

    public Vec3 AabToRgb(Vec3 aab)
    {
        var cone = _aabToCone.Apply(aab);
        return _coneToRgb.Apply(Vector256.IsHardwareAccelerated ? DecompressVector(cone) : new Vec3(Decompress(cone.X), Decompress(cone.Y), Decompress(cone.Z)));
    }

    // The three cone compressions at once: |v|^0.42 as exp(0.42 · ln|v|) in one vector log and exp.
    private static Vec3 CompressVector(Vec3 cone)
    {
        var v = Vector256.Create(cone.X, cone.Y, cone.Z, 1.0);
        var f = Vector256.Exp(Vector256.Create(0.42) * Vector256.Log(Vector256.Abs(v)));
        var ra = f / (Vector256.Create(NonlinearOffset) + f);
        return new Vec3(Math.CopySign(ra[0], cone.X), Math.CopySign(ra[1], cone.Y), Math.CopySign(ra[2], cone.Z));
    }

    private static Vec3 DecompressVector(Vec3 cone)
    {
        var r = Vector256.Min(Vector256.Abs(Vector256.Create(cone.X, cone.Y, cone.Z, 0.5)), Vector256.Create(0.99));
        var f = Vector256.Create(NonlinearOffset) * r / (Vector256<double>.One - r);
        var rc = Vector256.Exp(Vector256.Create(1 / 0.42) * Vector256.Log(f));
        return new Vec3(Math.CopySign(rc[0], cone.X), Math.CopySign(rc[1], cone.Y), Math.CopySign(rc[2], cone.Z));
    }

    public static Vec3 AabToJmh(Vec3 aab, double cz)
    {
        if (aab.X <= 0)
        {
            return default;
        }

        var hue = Math.Atan2(aab.Z, aab.Y) * 180 / Math.PI;
        return new Vec3(JScale * Math.Pow(aab.X, cz), Math.Sqrt((aab.Y * aab.Y) + (aab.Z * aab.Z)), WrapHue(hue));
    }

    public Vec3 RgbToJmh(Vec3 rgb) => AabToJmh(RgbToAab(rgb), Cz);

    public Vec3 JmhToAab(Vec3 jmh, double cosH, double sinH)
        => new(Math.Pow(jmh.X / JScale, 1 / Cz), jmh.Y * cosH, jmh.Y * sinH);

    public Vec3 JmhToRgb(Vec3 jmh)
    {
        var h = jmh.Z * Math.PI / 180;
        return AabToRgb(JmhToAab(jmh, Math.Cos(h), Math.Sin(h)));
    }

    /// <summary>Luminance (1 = 1 cd/m² at the 100 reference) of an achromatic response.</summary>
    public double AToY(double a) => DecompressMagnitude(AwJ * a) / FlN;

    public double JToY(double j) => AToY(Math.Pow(Math.Abs(j) / JScale, 1 / Cz));

    public double YToJ(double y)
    {
        var ra = CompressMagnitude(Math.Abs(y) * FlN);
        return Math.CopySign(JScale * Math.Pow(ra / AwJ, Cz), y);
    }

    /// <summary>Hue into [0, 360).</summary>
    public static double WrapHue(double hue)
    {
        hue %= 360;
        if (hue < 0)
        {
            hue += 360;
        }

        return hue >= 360 ? 0 : hue;
    }

    // Post-adaptation cone response compression, sign-preserving (Hellwig 2022 without the 400 factor,
    // which the Aab matrix carries).
    private static double Compress(double v) => Math.CopySign(CompressMagnitude(Math.Abs(v)), v);

    private static double Decompress(double v) => Math.CopySign(DecompressMagnitude(Math.Abs(v)), v);

    private static double CompressMagnitude(double v)
    {
        var f = Math.Pow(v, 0.42);
        return f / (NonlinearOffset + f);
    }

    // Limited below 0.99 so the inverse stays finite (OCIO _post_adaptation_cone_response_compression_inv).
    private static double DecompressMagnitude(double ra)
    {
        var r = Math.Min(ra, 0.99);
        return Math.Pow(NonlinearOffset * r / (1 - r), 1 / 0.42);
    }
}
