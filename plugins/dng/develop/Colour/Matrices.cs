using Rushes.Contracts.Colour;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>3×3 helpers over the contracts' <see cref="ColourMatrix"/> (column vectors: out = M·in).</summary>
internal static class Matrices
{
    public static ColourMatrix Diagonal(double a, double b, double c) => new([a, 0, 0, 0, b, 0, 0, 0, c]);

    public static ColourMatrix Diagonal(IReadOnlyList<double> d) => Diagonal(d[0], d[1], d[2]);

    /// <summary>a·b (apply b first, then a).</summary>
    public static ColourMatrix Multiply(ColourMatrix a, ColourMatrix b) => ColourMatrix.Compose(b, a);

    public static ColourMatrix Scale(ColourMatrix m, double s) => new(m.Coefficients.Select(v => v * s).ToArray());

    /// <summary>w·a + (1 − w)·b.</summary>
    public static ColourMatrix Lerp(ColourMatrix a, ColourMatrix b, double w)
        => new(a.Coefficients.Zip(b.Coefficients, (x, y) => (w * x) + ((1 - w) * y)).ToArray());

    public static double[] Apply(ColourMatrix m, IReadOnlyList<double> v)
    {
        var (x, y, z) = m.Apply(v[0], v[1], v[2]);
        return [x, y, z];
    }

    public static double[] Apply(ColourMatrix m, (double X, double Y, double Z) v)
    {
        var (x, y, z) = m.Apply(v.X, v.Y, v.Z);
        return [x, y, z];
    }
}
