using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        // Unchecked indexing into the table: every index below is clamped into the grid first.
        ref var table = ref MemoryMarshal.GetArrayDataReference(_values);
        var last = _size - 1;
        var sb = 3;
        var sg = _size * 3;
        var sr = _size * _size * 3;
        for (var i = 0; i < red.Length; i++)
        {
            var (pr, pg, pb) = (Position(red[i], last), Position(green[i], last), Position(blue[i], last));
            var (ir, ig, ib) = (Math.Min((int)pr, last - 1), Math.Min((int)pg, last - 1), Math.Min((int)pb, last - 1));
            var (fr, fg, fb) = (pr - ir, pg - ig, pb - ib);
            ref var v000 = ref Unsafe.Add(ref table, (ir * sr) + (ig * sg) + (ib * sb));
            if (_tetrahedral)
            {
                // The tetrahedron holding the point is picked by the order of the fractions
                // (standards.md §5.2 table): a is its first corner after V000, ab its second.
                int a, ab;
                float f1, f2, f3;
                if (fr > fg)
                {
                    (a, ab, f1, f2, f3) = fg > fb ? (sr, sr + sg, fr, fg, fb) : fr > fb ? (sr, sr + sb, fr, fb, fg) : (sb, sr + sb, fb, fr, fg);
                }
                else
                {
                    (a, ab, f1, f2, f3) = fb > fg ? (sb, sg + sb, fb, fg, fr) : fb > fr ? (sg, sg + sb, fg, fb, fr) : (sg, sr + sg, fg, fr, fb);
                }

                var all = sr + sg + sb;
                red[i] = Tetra(ref v000, a, ab, all, f1, f2, f3);
                green[i] = Tetra(ref Unsafe.Add(ref v000, 1), a, ab, all, f1, f2, f3);
                blue[i] = Tetra(ref Unsafe.Add(ref v000, 2), a, ab, all, f1, f2, f3);
            }
            else
            {
                red[i] = Trilinear(ref v000, sr, sg, sb, fr, fg, fb);
                green[i] = Trilinear(ref Unsafe.Add(ref v000, 1), sr, sg, sb, fr, fg, fb);
                blue[i] = Trilinear(ref Unsafe.Add(ref v000, 2), sr, sg, sb, fr, fg, fb);
            }
        }
    }

    private static float Position(float x, int last) => (x > 0 ? Math.Min(x, 1f) : 0f) * last;

    private static float Tetra(ref float v000, int a, int ab, int all, float f1, float f2, float f3)
    {
        var p0 = v000;
        var p1 = Unsafe.Add(ref v000, a);
        var p2 = Unsafe.Add(ref v000, ab);
        var p3 = Unsafe.Add(ref v000, all);
        return p0 + (f1 * (p1 - p0)) + (f2 * (p2 - p1)) + (f3 * (p3 - p2));
    }

    private static float Trilinear(ref float v, int sr, int sg, int sb, float fr, float fg, float fb)
    {
        static float Mix(float x, float y, float f) => x + (f * (y - x));
        var c00 = Mix(v, Unsafe.Add(ref v, sr), fr);
        var c01 = Mix(Unsafe.Add(ref v, sb), Unsafe.Add(ref v, sr + sb), fr);
        var c10 = Mix(Unsafe.Add(ref v, sg), Unsafe.Add(ref v, sr + sg), fr);
        var c11 = Mix(Unsafe.Add(ref v, sg + sb), Unsafe.Add(ref v, sr + sg + sb), fr);
        return Mix(Mix(c00, c10, fg), Mix(c01, c11, fg), fb);
    }
}
