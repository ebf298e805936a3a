namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// ACES 2.0 in-gamut chroma compression (aces-core Lib.Academy.OutputTransform.ctl chromaCompress):
/// scale M with the tone-mapped lightness, then expand near the neutral axis and compress toward the
/// reach boundary, normalised per hue.
/// </summary>
internal sealed class ChromaCompression
{
    // Lib.Academy.OutputTransform.ctl chroma compression presets.
    private const double Compress = 2.4, CompressFactor = 3.3, Expand = 1.3, ExpandFactor = 0.69, ExpandThreshold = 0.5;

    private readonly double _sat;
    private readonly double _satThreshold;
    private readonly double _compression;
    private readonly double _scale;

    public ChromaCompression(ToneScale tone)
    {
        _compression = Compress + (Compress * CompressFactor * tone.LogPeak);
        _sat = Math.Max(0.2, Expand - (Expand * ExpandFactor * tone.LogPeak));
        _satThreshold = ExpandThreshold / tone.Peak;
        _scale = Math.Pow(0.03379 * tone.Peak, 0.30596) - 0.45135;
    }

    /// <summary>A hue-dependent normaliser: a 3rd-order Fourier fit of the cusp's M (weights from the CTL).</summary>
    public double Norm(double cosH, double sinH)
    {
        var cos2 = (2 * cosH * cosH) - 1;
        var sin2 = 2 * cosH * sinH;
        var cos3 = (4 * cosH * cosH * cosH) - (3 * cosH);
        var sin3 = (3 * sinH) - (4 * sinH * sinH * sinH);
        var m = (11.34072 * cosH) + (16.46899 * cos2) + (7.88380 * cos3)
              + (14.66441 * sinH) + (-6.37224 * sin2) + (9.19364 * sin3) + 77.12896;
        return m * _scale;
    }

    public double Forward(double j, double m, double jTs, double norm, double limitJMax, double reachM)
    {
        if (m == 0)
        {
            return m;
        }

        var nj = jTs / limitJMax;
        var snj = Math.Max(0, 1 - nj);
        var limit = Math.Pow(nj, GammaInverse) * reachM / norm;
        var mcp = m * Math.Pow(jTs / j, GammaInverse) / norm;
        mcp = limit - ToeForward(limit - mcp, limit - 0.001, snj * _sat, Math.Sqrt((nj * nj) + _satThreshold));
        mcp = ToeForward(mcp, limit, nj * _compression, snj);
        return mcp * norm;
    }

    public double Inverse(double jTs, double mcp, double j, double norm, double limitJMax, double reachM)
    {
        if (mcp == 0)
        {
            return mcp;
        }

        var nj = jTs / limitJMax;
        var snj = Math.Max(0, 1 - nj);
        var limit = Math.Pow(nj, GammaInverse) * reachM / norm;
        var m = mcp / norm;
        m = ToeInverse(m, limit, nj * _compression, snj);
        m = limit - ToeInverse(limit - m, limit - 0.001, snj * _sat, Math.Sqrt((nj * nj) + _satThreshold));
        return m * norm * Math.Pow(jTs / j, -GammaInverse);
    }

    public static double GammaInverse { get; } = 1 / Hellwig2022.ModelGamma;

    // The "toe" of Lib.Academy.Utilities: a quadratic that lifts values below the limit, and its inverse.
    private static double ToeForward(double x, double limit, double k1In, double k2In)
    {
        if (x > limit)
        {
            return x;
        }

        var k2 = Math.Max(k2In, 0.001);
        var k1 = Math.Sqrt((k1In * k1In) + (k2 * k2));
        var k3 = (limit + k1) / (limit + k2);
        var minusB = (k3 * x) - k1;
        var minusAc = k2 * k3 * x;
        return 0.5 * (minusB + Math.Sqrt((minusB * minusB) + (4 * minusAc)));
    }

    private static double ToeInverse(double x, double limit, double k1In, double k2In)
    {
        if (x > limit)
        {
            return x;
        }

        var k2 = Math.Max(k2In, 0.001);
        var k1 = Math.Sqrt((k1In * k1In) + (k2 * k2));
        var k3 = (limit + k1) / (limit + k2);
        return ((x * x) + (k1 * x)) / (k3 * (x + k2));
    }
}
