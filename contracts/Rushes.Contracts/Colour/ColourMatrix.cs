using System.Globalization;

namespace Rushes.Contracts.Colour;

/// <summary>
/// An affine colour transform, out = M·in + offset, in double precision. Processors that are exactly
/// affine expose one, so that a chain can fuse neighbours into a single matrix.
/// </summary>
public sealed class ColourMatrix : IEquatable<ColourMatrix>
{
    private readonly double[] _m;
    private readonly double[] _offset;

    /// <summary>Makes a matrix from 9 row-major coefficients and an optional 3-element offset.</summary>
    public ColourMatrix(IReadOnlyList<double> rowMajor3x3, IReadOnlyList<double>? offset = null)
    {
        ArgumentNullException.ThrowIfNull(rowMajor3x3);
        if (rowMajor3x3.Count != 9 || (offset is not null && offset.Count != 3))
        {
            throw new ArgumentException("A colour matrix has 9 coefficients and an offset of 3.", nameof(rowMajor3x3));
        }

        _m = [.. rowMajor3x3];
        _offset = offset is null ? new double[3] : [.. offset];
    }

    /// <summary>The identity.</summary>
    public static ColourMatrix Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>The coefficient at a row and column.</summary>
    public double this[int row, int column] => _m[(row * 3) + column];

    /// <summary>The 9 coefficients, row-major.</summary>
    public IReadOnlyList<double> Coefficients => _m;

    /// <summary>The offset added after the matrix.</summary>
    public IReadOnlyList<double> Offset => _offset;

    /// <summary>True when it changes no value (within 1e-12).</summary>
    public bool IsIdentity => Equals(Identity, 1e-12);

    /// <summary>The transform that applies <paramref name="first"/>, then <paramref name="then"/>.</summary>
    public static ColourMatrix Compose(ColourMatrix first, ColourMatrix then)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(then);
        var m = new double[9];
        var o = new double[3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                m[(r * 3) + c] = (then[r, 0] * first[0, c]) + (then[r, 1] * first[1, c]) + (then[r, 2] * first[2, c]);
            }

            o[r] = (then[r, 0] * first._offset[0]) + (then[r, 1] * first._offset[1]) + (then[r, 2] * first._offset[2]) + then._offset[r];
        }

        return new ColourMatrix(m, o);
    }

    /// <summary>The inverse transform; throws when the matrix is singular.</summary>
    public ColourMatrix Invert()
    {
        var a = _m;
        var c00 = (a[4] * a[8]) - (a[5] * a[7]);
        var c01 = (a[5] * a[6]) - (a[3] * a[8]);
        var c02 = (a[3] * a[7]) - (a[4] * a[6]);
        var det = (a[0] * c00) + (a[1] * c01) + (a[2] * c02);

        // Relative to the largest determinant rows of these lengths can have (Hadamard's bound), so that
        // a matrix that is singular but for rounding is caught at any scale.
        var bound = RowNorm(a, 0) * RowNorm(a, 1) * RowNorm(a, 2);
        if (!double.IsFinite(det) || Math.Abs(det) <= 1e-12 * bound)
        {
            throw new InvalidOperationException("The colour matrix is singular and has no inverse.");
        }

        var inv = new[]
        {
            c00 / det, ((a[2] * a[7]) - (a[1] * a[8])) / det, ((a[1] * a[5]) - (a[2] * a[4])) / det,
            c01 / det, ((a[0] * a[8]) - (a[2] * a[6])) / det, ((a[2] * a[3]) - (a[0] * a[5])) / det,
            c02 / det, ((a[1] * a[6]) - (a[0] * a[7])) / det, ((a[0] * a[4]) - (a[1] * a[3])) / det,
        };
        var o = new double[3];
        for (var r = 0; r < 3; r++)
        {
            o[r] = -((inv[r * 3] * _offset[0]) + (inv[(r * 3) + 1] * _offset[1]) + (inv[(r * 3) + 2] * _offset[2]));
        }

        return new ColourMatrix(inv, o);
    }

    private static double RowNorm(double[] m, int row)
        => Math.Sqrt((m[row * 3] * m[row * 3]) + (m[(row * 3) + 1] * m[(row * 3) + 1]) + (m[(row * 3) + 2] * m[(row * 3) + 2]));

    /// <summary>Applies the transform to one RGB triple.</summary>
    public (double R, double G, double B) Apply(double r, double g, double b)
        => ((_m[0] * r) + (_m[1] * g) + (_m[2] * b) + _offset[0],
            (_m[3] * r) + (_m[4] * g) + (_m[5] * b) + _offset[1],
            (_m[6] * r) + (_m[7] * g) + (_m[8] * b) + _offset[2]);

    /// <summary>True when every coefficient and offset is within <paramref name="tolerance"/>.</summary>
    public bool Equals(ColourMatrix? other, double tolerance)
        => other is not null
           && _m.Zip(other._m).All(p => Math.Abs(p.First - p.Second) <= tolerance)
           && _offset.Zip(other._offset).All(p => Math.Abs(p.First - p.Second) <= tolerance);

    /// <inheritdoc />
    public bool Equals(ColourMatrix? other) => Equals(other, 0);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ColourMatrix);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_m[0], _m[4], _m[8], _offset[0]);

    /// <summary>The coefficients and offset as invariant text, for cache ids and logs.</summary>
    public override string ToString()
        => string.Join(' ', _m.Concat(_offset).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
