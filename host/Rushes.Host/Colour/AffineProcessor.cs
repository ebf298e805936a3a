using System.Numerics;
using Rushes.Contracts.Colour;

namespace Rushes.Host.Colour;

/// <summary>
/// The host's processor for a fused run of matrices: out = M·in + offset, composed in double and
/// applied in float with <see cref="Vector{T}"/>. It knows nothing of what the matrices mean.
/// </summary>
internal sealed class AffineProcessor : IPixelProcessor
{
    private readonly float _m00, _m01, _m02, _m10, _m11, _m12, _m20, _m21, _m22, _o0, _o1, _o2;

    public AffineProcessor(ColourMatrix matrix, string cacheId)
    {
        AsMatrix = matrix;
        CacheId = cacheId;
        (_m00, _m01, _m02) = ((float)matrix[0, 0], (float)matrix[0, 1], (float)matrix[0, 2]);
        (_m10, _m11, _m12) = ((float)matrix[1, 0], (float)matrix[1, 1], (float)matrix[1, 2]);
        (_m20, _m21, _m22) = ((float)matrix[2, 0], (float)matrix[2, 1], (float)matrix[2, 2]);
        (_o0, _o1, _o2) = ((float)matrix.Offset[0], (float)matrix.Offset[1], (float)matrix.Offset[2]);
    }

    public string CacheId { get; }

    public bool IsIdentity => AsMatrix.IsIdentity;

    public ColourMatrix AsMatrix { get; }

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (red.Length != green.Length || red.Length != blue.Length)
        {
            throw new ArgumentException("The red, green and blue runs must have equal lengths.", nameof(red));
        }

        var done = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            done = red.Length - (red.Length % width);
            for (var i = 0; i < done; i += width)
            {
                var r = new Vector<float>(red[i..]);
                var g = new Vector<float>(green[i..]);
                var b = new Vector<float>(blue[i..]);
                ((r * _m00) + (g * _m01) + (b * _m02) + new Vector<float>(_o0)).CopyTo(red[i..]);
                ((r * _m10) + (g * _m11) + (b * _m12) + new Vector<float>(_o1)).CopyTo(green[i..]);
                ((r * _m20) + (g * _m21) + (b * _m22) + new Vector<float>(_o2)).CopyTo(blue[i..]);
            }
        }

        for (var i = done; i < red.Length; i++)
        {
            var (r, g, b) = (red[i], green[i], blue[i]);
            red[i] = (_m00 * r) + (_m01 * g) + (_m02 * b) + _o0;
            green[i] = (_m10 * r) + (_m11 * g) + (_m12 * b) + _o1;
            blue[i] = (_m20 * r) + (_m21 * g) + (_m22 * b) + _o2;
        }
    }

    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        PixelRuns.CheckInterleaved(pixels, channels);
        for (var i = 0; i < pixels.Length; i += channels)
        {
            var (r, g, b) = (pixels[i], pixels[i + 1], pixels[i + 2]);
            pixels[i] = (_m00 * r) + (_m01 * g) + (_m02 * b) + _o0;
            pixels[i + 1] = (_m10 * r) + (_m11 * g) + (_m12 * b) + _o1;
            pixels[i + 2] = (_m20 * r) + (_m21 * g) + (_m22 * b) + _o2;
        }
    }
}
