using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Cube;
using Rushes.Plugins.Looks.Ops;
using Xunit.Abstractions;

namespace Rushes.Plugins.Looks.Tests;

public sealed class CubeTests(ITestOutputHelper output)
{
    private static IPixelProcessor Cube(string path, string interpolation = "trilinear", TransformDirection direction = TransformDirection.Forward)
        => Looks.Compile(LooksTransforms.CubeId, path, direction, parameters: ("interpolation", interpolation));

    [Fact]
    public void Iridas1DAppliesItsDomain()
    {
        // LUT_1D_SIZE 5 over DOMAIN_MIN (−2, 1, 0) to DOMAIN_MAX (2, 2, 1): each channel is normalised
        // to [0,1] first, so (1, 1.75, 0.875) lands on entry 3, entry 3 and halfway from 3 to 4.
        var lut = Cube(Looks.Color("iridas_1d.cube"));
        Assert.Equal([0.8f, 0.9f, 2.1f], Looks.Apply(lut, [1f, 1.75f, 0.875f]));
        Assert.Equal([-1f, -2f, -3f], Looks.Apply(lut, [-2f, 1f, 0f]));
        Assert.Equal([-1f, -2f, -3f], Looks.Apply(lut, [-5f, 0f, -1f]));
        Assert.Equal([1f, 2.1f, 3.2f], Looks.Apply(lut, [9f, 9f, 9f]));
    }

    [Fact]
    public void Iridas3DIsReadRedFastest()
    {
        // The table is 2 × the normalised input; DOMAIN_MIN (0, 1, 0), DOMAIN_MAX (2, 2, 1).
        foreach (var interpolation in new[] { "trilinear", "tetrahedral" })
        {
            var lut = Cube(Looks.Color("iridas_3d.cube"), interpolation);
            var o = Looks.Apply(lut, [1f, 1.5f, 0.25f, 2f, 1f, 0f]);
            Assert.Equal([1f, 1f, 0.5f, 2f, 0f, 0f], o);
        }
    }

    [Fact]
    public void ResolveShaperThen3D()
    {
        var ops = CubeReader.Read(Looks.Color("resolve_1d3d.cube"), Interpolation.Trilinear);
        Assert.Equal(["Matrix", "LUT1D", "Matrix", "LUT3D"], ops.Select(o => o.Kind));
        Assert.Equal("Matrix 0.25 0 0 0 0.25 0 0 0 0.25 offset 0.25 0.25 0.25", ops[0].Summary());
        Assert.Equal("Matrix 0.25 0 0 0 0.25 0 0 0 0.25 offset 0 0 0", ops[2].Summary());

        // −1 is the shaper's first entry (3.3, 3.4, 3.5), which the 3D range [0, 4] maps to (0.825, 0.85, 0.875).
        var lut3 = (Lut3DOp)ops[3];
        Assert.Equal(3, lut3.Size);
        Assert.Equal([1.1f, 1.1f, 1.1f], lut3.Values[..3]);
    }

    [Fact]
    public void TetrahedralAndTrilinearDifferAsTheirDefinitionsSay()
    {
        // out = (r·g, g·b, b·r) on a 2³ grid: trilinear interpolation reproduces such multilinear
        // functions exactly; tetrahedral interpolates along the tetrahedron's edges instead.
        var path = Path.Combine(Path.GetTempPath(), $"rushes-{Guid.NewGuid():N}.cube");
        var lines = new List<string> { "TITLE \"products\"", "LUT_3D_SIZE 2" };
        for (var b = 0; b < 2; b++)
        {
            for (var g = 0; g < 2; g++)
            {
                for (var r = 0; r < 2; r++)
                {
                    lines.Add($"{r * g} {g * b} {b * r}");
                }
            }
        }

        File.WriteAllLines(path, lines);
        try
        {
            float[] point = [0.6f, 0.3f, 0.1f];
            var trilinear = Looks.Apply(Cube(path), point);
            var tetrahedral = Looks.Apply(Cube(path, "tetrahedral"), point);
            Assert.Equal(0.18, trilinear[0], 6);
            Assert.Equal(0.03, trilinear[1], 6);
            Assert.Equal(0.06, trilinear[2], 6);

            // fr > fg > fb: V000 + fr(V100 − V000) + fg(V110 − V100) + fb(V111 − V110).
            Assert.Equal(0.3, tetrahedral[0], 6);
            Assert.Equal(0.1, tetrahedral[1], 6);
            Assert.Equal(0.1, tetrahedral[2], 6);

            // On the grey diagonal tetrahedral mixes only the black and white corners (0 and 1).
            Assert.Equal(0.16, Looks.Apply(Cube(path), [0.4f, 0.4f, 0.4f])[0], 6);
            Assert.All(Looks.Apply(Cube(path, "tetrahedral"), [0.4f, 0.4f, 0.4f]), v => Assert.Equal(0.4, v, 6));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("LUT_3D_SIZE 100000\n0 0 0\n", "line 1: 'LUT_3D_SIZE 100000' is not a size from 2 to 129")]
    [InlineData("LUT_1D_SIZE 2\n0 0 0\n", "line 2: 1 data lines where the sizes declare 2")]
    [InlineData("LUT_1D_SIZE 2\n0 0 0\n1 1 1\n1 1 1\n", "line 4: more than the 2 data lines the sizes declare")]
    [InlineData("LUT_1D_SIZE 2\nLUT_COLOR 7\n0 0 0\n1 1 1\n", "line 2: unknown keyword 'LUT_COLOR'")]
    [InlineData("LUT_1D_SIZE 2\n0 0 zero\n1 1 1\n", "line 2: 'zero' is not a number")]
    [InlineData("0 0 0\n", "line 1: table data before any LUT_1D_SIZE or LUT_3D_SIZE")]
    [InlineData("LUT_1D_SIZE 2\nDOMAIN_MIN 0 0 1\n0 0 0\n1 1 1\n", "the domain [0 0 1] to [1 1 1] is empty")]
    public void BadFilesAreRefusedWithTheLine(string text, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rushes-{Guid.NewGuid():N}.cube");
        File.WriteAllText(path, text);
        try
        {
            var error = Assert.Throws<InputException>(() => Cube(path));
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A1DCubeInvertsAndA3DCubeDoesNot()
    {
        var path = Looks.Color("iridas_1d.cube");
        var values = Enumerable.Range(0, 41).Select(i => i / 40f).ToArray();
        float[] image = [.. values.SelectMany(v => new[] { -2 + (4 * v), 1 + v, v })];
        var back = Looks.Apply(Cube(path, direction: TransformDirection.Inverse), Looks.Apply(Cube(path), image));
        Assert.True(Looks.MaxError(back, image).Error <= 1e-5, $"{Looks.MaxError(back, image)}");

        var error = Assert.Throws<InputException>(() => Cube(Looks.Color("iridas_3d.cube"), direction: TransformDirection.Inverse));
        Assert.Contains("3D LUT has no exact inverse", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iridas_1d.cube", "linear")]
    [InlineData("iridas_3d.cube", "linear")]
    [InlineData("iridas_3d.cube", "tetrahedral")]
    [InlineData("resolve_1d3d.cube", "linear")]
    [InlineData("resolve_1d3d.cube", "tetrahedral")]
    public void MatchesOcio(string file, string interpolation)
    {
        var image = Looks.TestImage().Select(v => (v * 4) - 1.5f).ToArray();
        var expected = Ocio.Apply(Looks.Color(file), image, interpolation: interpolation);
        var actual = Looks.Apply(Cube(Looks.Color(file), interpolation == "linear" ? "trilinear" : interpolation), image);
        var (error, index) = Looks.MaxError(actual, expected);
        output.WriteLine($"{file} {interpolation}: max error {error:E2}");
        Assert.True(error <= OcioCrossCheckTests.Tolerance, $"{file} {interpolation}: {error:E3} at {index}: in {image[Math.Max(index, 0)]}, Rushes {actual[Math.Max(index, 0)]}, OCIO {expected[Math.Max(index, 0)]}");
    }

    [Fact]
    public void Inverse1DMatchesOcio()
    {
        var image = Looks.TestImage().Select(v => (v * 5) - 2.5f).ToArray();
        var expected = Ocio.Apply(Looks.Color("iridas_1d.cube"), image, inverse: true);
        var actual = Looks.Apply(Cube(Looks.Color("iridas_1d.cube"), direction: TransformDirection.Inverse), image);
        var (error, index) = Looks.MaxError(actual, expected);
        output.WriteLine($"iridas_1d.cube inverse: max error {error:E2}");
        Assert.True(error <= OcioCrossCheckTests.Tolerance, $"{error:E3} at {index}: in {image[Math.Max(index, 0)]}, Rushes {actual[Math.Max(index, 0)]}, OCIO {expected[Math.Max(index, 0)]}");
    }
}
