using System.Numerics;
using System.Runtime.CompilerServices;
using Rushes.Contracts.Colour;

namespace Rushes.Colour.Kernel;

/// <summary>An affine matrix, computed in double and applied in float with <see cref="Vector{T}"/> over planar runs.</summary>
internal sealed class MatrixStage : Stage
{
    private readonly float _m00, _m01, _m02, _m10, _m11, _m12, _m20, _m21, _m22, _o0, _o1, _o2;

    public MatrixStage(ColourMatrix matrix)
    {
        Matrix = matrix;
        _m00 = (float)matrix[0, 0];
        _m01 = (float)matrix[0, 1];
        _m02 = (float)matrix[0, 2];
        _m10 = (float)matrix[1, 0];
        _m11 = (float)matrix[1, 1];
        _m12 = (float)matrix[1, 2];
        _m20 = (float)matrix[2, 0];
        _m21 = (float)matrix[2, 1];
        _m22 = (float)matrix[2, 2];
        _o0 = (float)matrix.Offset[0];
        _o1 = (float)matrix.Offset[1];
        _o2 = (float)matrix.Offset[2];
    }

    public ColourMatrix Matrix { get; }

    public override string Key => "matrix " + Matrix;

    public override Stage Inverse() => new MatrixStage(Matrix.Invert());

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        var done = Vector.IsHardwareAccelerated ? ApplyVector(red, green, blue) : 0;
        ApplyScalar(red[done..], green[done..], blue[done..]);
    }

    /// <summary>The SIMD path over whole vectors; returns how many elements it did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ApplyVector(Span<float> red, Span<float> green, Span<float> blue)
    {
        var width = Vector<float>.Count;
        var end = red.Length - (red.Length % width);
        var m00 = new Vector<float>(_m00);
        var m01 = new Vector<float>(_m01);
        var m02 = new Vector<float>(_m02);
        var m10 = new Vector<float>(_m10);
        var m11 = new Vector<float>(_m11);
        var m12 = new Vector<float>(_m12);
        var m20 = new Vector<float>(_m20);
        var m21 = new Vector<float>(_m21);
        var m22 = new Vector<float>(_m22);
        var o0 = new Vector<float>(_o0);
        var o1 = new Vector<float>(_o1);
        var o2 = new Vector<float>(_o2);
        for (var i = 0; i < end; i += width)
        {
            var r = new Vector<float>(red[i..]);
            var g = new Vector<float>(green[i..]);
            var b = new Vector<float>(blue[i..]);
            ((m00 * r) + (m01 * g) + (m02 * b) + o0).CopyTo(red[i..]);
            ((m10 * r) + (m11 * g) + (m12 * b) + o1).CopyTo(green[i..]);
            ((m20 * r) + (m21 * g) + (m22 * b) + o2).CopyTo(blue[i..]);
        }

        return end;
    }

    public override void ApplyScalar(Span<float> red, Span<float> green, Span<float> blue)
    {
        for (var i = 0; i < red.Length; i++)
        {
            var r = red[i];
            var g = green[i];
            var b = blue[i];
            red[i] = (_m00 * r) + (_m01 * g) + (_m02 * b) + _o0;
            green[i] = (_m10 * r) + (_m11 * g) + (_m12 * b) + _o1;
            blue[i] = (_m20 * r) + (_m21 * g) + (_m22 * b) + _o2;
        }
    }
}
