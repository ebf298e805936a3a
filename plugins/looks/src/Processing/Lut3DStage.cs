using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>
/// A 3D LUT over [0,1]³ (CLF Appendix A): inputs clamp to the cube, then trilinear or tetrahedral
/// interpolation within the cell. Entries are in CLF order, blue fastest.
/// </summary>
internal sealed class Lut3DStage : Stage
{
    private readonly float[] _values;
    private readonly int _size;
    private readonly bool _tetrahedral;

    public Lut3DStage(Lut3DOp lut)
    {
        _values = lut.Values;
        _size = lut.Size;
        _tetrahedral = lut.Interpolation == Interpolation.Tetrahedral;
    }

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        for (var i = 0; i < red.Length; i++)
        {
            (red[i], green[i], blue[i]) = Lookup(red[i], green[i], blue[i]);
        }
    }

    private (float R, float G, float B) Lookup(float r, float g, float b)
    {
        var last = _size - 1;
        var (pr, pg, pb) = (Position(r, last), Position(g, last), Position(b, last));
        var (ir, ig, ib) = (Math.Min((int)pr, last - 1), Math.Min((int)pg, last - 1), Math.Min((int)pb, last - 1));
        var (fr, fg, fb) = (pr - ir, pg - ig, pb - ib);

        // Strides in the value array for a step along red, green and blue.
        var sb = 3;
        var sg = _size * 3;
        var sr = _size * _size * 3;
        var v000 = (ir * sr) + (ig * sg) + (ib * sb);
        var v = _values;
        if (!_tetrahedral)
        {
            return (Trilinear(v, v000, sr, sg, sb, fr, fg, fb, 0), Trilinear(v, v000, sr, sg, sb, fr, fg, fb, 1), Trilinear(v, v000, sr, sg, sb, fr, fg, fb, 2));
        }

        // The tetrahedron holding the point is picked by the order of the fractions (standards.md §5.2 table).
        int a, ab;
        float f1, f2, f3;
        if (fr > fg)
        {
            if (fg > fb)
            {
                (a, ab, f1, f2, f3) = (sr, sr + sg, fr, fg, fb);
            }
            else if (fr > fb)
            {
                (a, ab, f1, f2, f3) = (sr, sr + sb, fr, fb, fg);
            }
            else
            {
                (a, ab, f1, f2, f3) = (sb, sr + sb, fb, fr, fg);
            }
        }
        else if (fb > fg)
        {
            (a, ab, f1, f2, f3) = (sb, sg + sb, fb, fg, fr);
        }
        else if (fb > fr)
        {
            (a, ab, f1, f2, f3) = (sg, sg + sb, fg, fb, fr);
        }
        else
        {
            (a, ab, f1, f2, f3) = (sg, sr + sg, fg, fr, fb);
        }

        var all = sr + sg + sb;
        return (Tetra(v, v000, a, ab, all, f1, f2, f3, 0), Tetra(v, v000, a, ab, all, f1, f2, f3, 1), Tetra(v, v000, a, ab, all, f1, f2, f3, 2));
    }

    private static float Position(float x, int last) => (x > 0 ? Math.Min(x, 1f) : 0f) * last;

    private static float Tetra(float[] v, int o, int a, int ab, int all, float f1, float f2, float f3, int c)
    {
        var p0 = v[o + c];
        var p1 = v[o + a + c];
        var p2 = v[o + ab + c];
        var p3 = v[o + all + c];
        return p0 + (f1 * (p1 - p0)) + (f2 * (p2 - p1)) + (f3 * (p3 - p2));
    }

    private static float Trilinear(float[] v, int o, int sr, int sg, int sb, float fr, float fg, float fb, int c)
    {
        static float Mix(float x, float y, float f) => x + (f * (y - x));
        var c00 = Mix(v[o + c], v[o + sr + c], fr);
        var c01 = Mix(v[o + sb + c], v[o + sr + sb + c], fr);
        var c10 = Mix(v[o + sg + c], v[o + sr + sg + c], fr);
        var c11 = Mix(v[o + sg + sb + c], v[o + sr + sg + sb + c], fr);
        return Mix(Mix(c00, c10, fg), Mix(c01, c11, fg), fb);
    }
}
