using System.Runtime.CompilerServices;

namespace Rushes.Plugins.AcesOutput;

/// <summary>A 3×3 matrix in double precision, column-vector convention (out = M·in).</summary>
internal readonly record struct Mat3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Mat3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Mat3 Diagonal(double a, double b, double c) => new(a, 0, 0, 0, b, 0, 0, 0, c);

    /// <summary>The transform that applies <paramref name="right"/> first, then <paramref name="left"/>.</summary>
    public static Mat3 operator *(Mat3 left, Mat3 right) => new(
        (left.M00 * right.M00) + (left.M01 * right.M10) + (left.M02 * right.M20),
        (left.M00 * right.M01) + (left.M01 * right.M11) + (left.M02 * right.M21),
        (left.M00 * right.M02) + (left.M01 * right.M12) + (left.M02 * right.M22),
        (left.M10 * right.M00) + (left.M11 * right.M10) + (left.M12 * right.M20),
        (left.M10 * right.M01) + (left.M11 * right.M11) + (left.M12 * right.M21),
        (left.M10 * right.M02) + (left.M11 * right.M12) + (left.M12 * right.M22),
        (left.M20 * right.M00) + (left.M21 * right.M10) + (left.M22 * right.M20),
        (left.M20 * right.M01) + (left.M21 * right.M11) + (left.M22 * right.M21),
        (left.M20 * right.M02) + (left.M21 * right.M12) + (left.M22 * right.M22));

    public static Mat3 operator *(double s, Mat3 m) => new(
        s * m.M00, s * m.M01, s * m.M02, s * m.M10, s * m.M11, s * m.M12, s * m.M20, s * m.M21, s * m.M22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Apply(Vec3 v) => new(
        (M00 * v.X) + (M01 * v.Y) + (M02 * v.Z),
        (M10 * v.X) + (M11 * v.Y) + (M12 * v.Z),
        (M20 * v.X) + (M21 * v.Y) + (M22 * v.Z));

    public Mat3 Inverse()
    {
        var c00 = (M11 * M22) - (M12 * M21);
        var c01 = (M12 * M20) - (M10 * M22);
        var c02 = (M10 * M21) - (M11 * M20);
        var det = (M00 * c00) + (M01 * c01) + (M02 * c02);
        if (det == 0 || !double.IsFinite(det))
        {
            throw new InvalidOperationException("The matrix is singular.");
        }

        var inv = 1 / det;
        return new Mat3(
            c00 * inv, ((M02 * M21) - (M01 * M22)) * inv, ((M01 * M12) - (M02 * M11)) * inv,
            c01 * inv, ((M00 * M22) - (M02 * M20)) * inv, ((M02 * M10) - (M00 * M12)) * inv,
            c02 * inv, ((M01 * M20) - (M00 * M21)) * inv, ((M00 * M11) - (M01 * M10)) * inv);
    }
}

/// <summary>Three doubles: an RGB, XYZ or JMh triple.</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(double s, Vec3 v) => new(s * v.X, s * v.Y, s * v.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public double Max => Math.Max(X, Math.Max(Y, Z));

    public double Min => Math.Min(X, Math.Min(Y, Z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Clamp(double low, double high) => new(Math.Clamp(X, low, high), Math.Clamp(Y, low, high), Math.Clamp(Z, low, high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 ClampLow(double low) => new(Math.Max(X, low), Math.Max(Y, low), Math.Max(Z, low));

}
