using Rushes.Contracts.Colour;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// Bradford chromatic adaptation (Lam 1985; the DNG SDK's MapWhiteMatrix; colour-science.md §2):
/// M⁻¹·diag(M·W_dst ⊘ M·W_src)·M with the Bradford cone matrix M.
/// </summary>
public static class Bradford
{
    // Bradford cone response matrix (Lam 1985, as in the DNG SDK dng_color_spec.cpp and colour-science's cat.py).
    private static readonly ColourMatrix Cone = new([0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296]);
    private static readonly ColourMatrix ConeInverse = Cone.Invert();

    /// <summary>The XYZ → XYZ matrix that maps white <paramref name="from"/> onto white <paramref name="to"/>.</summary>
    public static ColourMatrix Adapt(Chromaticity from, Chromaticity to)
    {
        var source = Matrices.Apply(Cone, from.ToXyz());
        var target = Matrices.Apply(Cone, to.ToXyz());
        var scale = Matrices.Diagonal(target[0] / source[0], target[1] / source[1], target[2] / source[2]);
        return Matrices.Multiply(ConeInverse, Matrices.Multiply(scale, Cone));
    }
}
