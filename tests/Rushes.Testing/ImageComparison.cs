using System.Globalization;

namespace Rushes.Testing;

/// <summary>How far one image is from another.</summary>
public sealed record ImageComparison(double MaxAbsoluteError, double RootMeanSquareError, double Psnr)
{
    /// <summary>
    /// Compares two images of the same size. PSNR is taken against a peak of 1.0 (the scene-linear
    /// and normalized ranges images are kept in); identical images have infinite PSNR.
    /// </summary>
    public static ImageComparison Compare(FloatImage expected, FloatImage actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Width != actual.Width || expected.Height != actual.Height || expected.Channels != actual.Channels)
        {
            return new ImageComparison(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity);
        }

        double max = 0, sum = 0;
        for (var i = 0; i < expected.Pixels.Length; i++)
        {
            var e = expected.Pixels[i];
            var a = actual.Pixels[i];
            // NaN only matches NaN: a NaN where a number belongs is an infinite error.
            var d = float.IsNaN(e) && float.IsNaN(a) ? 0 : Math.Abs((double)e - a);
            if (double.IsNaN(d))
            {
                d = double.PositiveInfinity;
            }

            max = Math.Max(max, d);
            sum += d * d;
        }

        var rmse = Math.Sqrt(sum / expected.Pixels.Length);
        var psnr = rmse == 0 ? double.PositiveInfinity : 20 * Math.Log10(1.0 / rmse);
        return new ImageComparison(max, rmse, psnr);
    }

    /// <summary>Invariant text.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"max abs error {MaxAbsoluteError:G6}, RMSE {RootMeanSquareError:G6}, PSNR {Psnr:F2} dB");
}

/// <summary>What an image comparison accepts: a maximum absolute error and a minimum PSNR.</summary>
public sealed record ImageTolerance(double MaxAbsoluteError, double MinimumPsnr)
{
    /// <summary>Bit-exact.</summary>
    public static ImageTolerance Exact { get; } = new(0, double.PositiveInfinity);

    /// <summary>True when the comparison is within both bounds.</summary>
    public bool Accepts(ImageComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.MaxAbsoluteError <= MaxAbsoluteError && comparison.Psnr >= MinimumPsnr;
    }

    /// <summary>Invariant text.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"tolerance (max abs error ≤ {MaxAbsoluteError:G6}, PSNR ≥ {MinimumPsnr:F2} dB)");
}
