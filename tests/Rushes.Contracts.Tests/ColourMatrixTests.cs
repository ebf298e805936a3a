using Rushes.Contracts.Colour;

namespace Rushes.Contracts.Tests;

public class ColourMatrixTests
{
    // Linear sRGB (D65) to CIE XYZ, IEC 61966-2-1 as Lindbloom tabulates it.
    private static readonly double[] SrgbToXyz =
    [
        0.4124564, 0.3575761, 0.1804375,
        0.2126729, 0.7151522, 0.0721750,
        0.0193339, 0.1191920, 0.9503041,
    ];

    [Fact]
    public void Compose_applies_first_then_second()
    {
        var scale = new ColourMatrix([2, 0, 0, 0, 3, 0, 0, 0, 4], [1, 0, 0]);
        var swapRedGreen = new ColourMatrix([0, 1, 0, 1, 0, 0, 0, 0, 1], [0, 0, 5]);

        var composed = ColourMatrix.Compose(scale, swapRedGreen);

        Assert.Equal([0.0, 3, 0, 2, 0, 0, 0, 0, 4], composed.Coefficients);
        Assert.Equal([0.0, 1, 5], composed.Offset);
        Assert.Equal((3.0, 3.0, 9.0), composed.Apply(1, 1, 1));
        Assert.Equal((6.0, 5.0, 17.0), composed.Apply(2, 2, 3));
    }

    [Fact]
    public void Compose_order_matters()
    {
        var scale = new ColourMatrix([2, 0, 0, 0, 3, 0, 0, 0, 4], [1, 0, 0]);
        var swapRedGreen = new ColourMatrix([0, 1, 0, 1, 0, 0, 0, 0, 1], [0, 0, 5]);

        var reversed = ColourMatrix.Compose(swapRedGreen, scale);

        Assert.Equal([0.0, 2, 0, 3, 0, 0, 0, 0, 4], reversed.Coefficients);
        Assert.Equal([1.0, 0, 20], reversed.Offset);
        Assert.NotEqual(ColourMatrix.Compose(scale, swapRedGreen), reversed);
    }

    [Fact]
    public void Compose_matches_applying_one_after_the_other()
    {
        var a = new ColourMatrix(SrgbToXyz, [0.01, -0.02, 0.03]);
        var b = new ColourMatrix([1.2, -0.1, -0.1, 0.05, 0.9, 0.05, 0, -0.2, 1.2], [-0.5, 0.25, 0]);
        var ab = ColourMatrix.Compose(a, b);

        foreach (var (r, g, bl) in new[] { (0.0, 0.0, 0.0), (1.0, 0.5, 0.25), (-2.0, 3.0, 7.5), (0.18, 0.18, 0.18) })
        {
            var step = a.Apply(r, g, bl);
            var expected = b.Apply(step.R, step.G, step.B);
            var actual = ab.Apply(r, g, bl);
            Assert.Equal(expected.R, actual.R, 1e-12);
            Assert.Equal(expected.G, actual.G, 1e-12);
            Assert.Equal(expected.B, actual.B, 1e-12);
        }
    }

    [Fact]
    public void Compose_with_identity_changes_nothing()
    {
        var m = new ColourMatrix(SrgbToXyz, [0.1, 0.2, 0.3]);

        Assert.Equal(m, ColourMatrix.Compose(m, ColourMatrix.Identity));
        Assert.Equal(m, ColourMatrix.Compose(ColourMatrix.Identity, m));
    }

    [Fact]
    public void Invert_a_diagonal_with_offset_exactly()
    {
        var m = new ColourMatrix([2, 0, 0, 0, 4, 0, 0, 0, 8], [1, 1, 1]);

        var inverse = m.Invert();

        Assert.Equal([0.5, 0, 0, 0, 0.25, 0, 0, 0, 0.125], inverse.Coefficients);
        Assert.Equal([-0.5, -0.25, -0.125], inverse.Offset);
        Assert.Equal((1.0, 1.0, 1.0), inverse.Apply(3, 5, 9));
    }

    [Fact]
    public void Invert_a_shear_exactly()
    {
        var shear = new ColourMatrix([1, 2, 0, 0, 1, 0, 0, 0, 1]);

        Assert.Equal(new ColourMatrix([1, -2, 0, 0, 1, 0, 0, 0, 1]), shear.Invert());
    }

    [Fact]
    public void Invert_a_general_matrix_with_known_inverse()
    {
        // det = 5; inverse worked out by hand from the adjugate.
        var m = new ColourMatrix([2, 0, 1, 1, 1, 0, 0, 3, 1]);
        var expected = new ColourMatrix([0.2, 0.6, -0.2, -0.2, 0.4, 0.2, 0.6, -1.2, 0.4]);

        Assert.True(expected.Equals(m.Invert(), 1e-15));
    }

    [Fact]
    public void Invert_round_trips_to_identity_with_offsets()
    {
        var m = new ColourMatrix(SrgbToXyz, [0.01, -0.02, 0.03]);
        var inverse = m.Invert();

        Assert.True(ColourMatrix.Compose(m, inverse).IsIdentity);
        Assert.True(ColourMatrix.Compose(inverse, m).IsIdentity);
        Assert.True(ColourMatrix.Compose(m, inverse).Equals(ColourMatrix.Identity, 1e-12));
        Assert.True(m.Invert().Invert().Equals(m, 1e-12));

        // Known first coefficient of XYZ to linear sRGB.
        Assert.Equal(3.2404542, inverse[0, 0], 1e-6);
        Assert.Equal(-1.5371385, inverse[0, 1], 1e-6);
        Assert.Equal(1.0572252, inverse[2, 2], 1e-6);

        var (x, y, z) = m.Apply(0.2, 0.4, 0.6);
        var (r, g, b) = inverse.Apply(x, y, z);
        Assert.Equal(0.2, r, 1e-12);
        Assert.Equal(0.4, g, 1e-12);
        Assert.Equal(0.6, b, 1e-12);
    }

    [Fact]
    public void Apply_multiplies_then_adds_the_offset()
    {
        var m = new ColourMatrix([1, 2, 3, 4, 5, 6, 7, 8, 10], [0.5, 0, -1]);

        Assert.Equal((-1.5, -2.0, -4.0), m.Apply(1, 0, -1));
        Assert.Equal((6.5, 15.0, 24.0), m.Apply(1, 1, 1));
        Assert.Equal((0.5, 0.0, -1.0), m.Apply(0, 0, 0));
    }

    [Fact]
    public void IsIdentity_within_1e_12()
    {
        Assert.True(ColourMatrix.Identity.IsIdentity);
        Assert.True(new ColourMatrix([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]).IsIdentity);
        Assert.True(new ColourMatrix([1 + 1e-13, 0, 0, 0, 1, 0, 0, 0, 1]).IsIdentity);
        Assert.False(new ColourMatrix([1 + 1e-9, 0, 0, 0, 1, 0, 0, 0, 1]).IsIdentity);
        Assert.False(new ColourMatrix([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1e-6, 0]).IsIdentity);
        Assert.False(new ColourMatrix(SrgbToXyz).IsIdentity);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new double[] { 1, 1, 1, 1, 1, 1, 0, 0, 1 })]
    [InlineData(new double[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })]
    [InlineData(new double[] { 0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722 })]
    public void Invert_of_a_singular_matrix_throws(double[] coefficients)
        => Assert.Throws<InvalidOperationException>(() => new ColourMatrix(coefficients, [1, 2, 3]).Invert());

    [Fact]
    public void Invert_of_a_small_but_regular_matrix_works()
    {
        var tiny = new ColourMatrix([1e-6, 0, 0, 0, 1e-6, 0, 0, 0, 1e-6]);

        Assert.True(new ColourMatrix([1e6, 0, 0, 0, 1e6, 0, 0, 0, 1e6]).Equals(tiny.Invert(), 1e-6));
    }

    [Fact]
    public void Constructor_checks_sizes_and_copies()
    {
        Assert.Throws<ArgumentException>(() => new ColourMatrix([1, 0, 0, 0, 1, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => new ColourMatrix([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0]));
        Assert.Throws<ArgumentNullException>(() => new ColourMatrix(null!));

        var coefficients = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        var offset = new double[] { 1, 2, 3 };
        var m = new ColourMatrix(coefficients, offset);
        coefficients[0] = 100;
        offset[0] = 100;

        Assert.Equal(1, m[0, 0]);
        Assert.Equal(1, m.Offset[0]);
        Assert.Equal(6, m[1, 2]);
        Assert.Equal(8, m[2, 1]);
        Assert.Equal([0.0, 0, 0], new ColourMatrix(coefficients).Offset);
    }

    [Fact]
    public void Equality_and_text()
    {
        var a = new ColourMatrix([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.5, 0, -1]);
        var b = new ColourMatrix([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.5, 0, -1]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ColourMatrix([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.5, 0, -2]));
        Assert.True(a.Equals(new ColourMatrix([1, 2, 3, 4, 5, 6, 7, 8, 9.001], [0.5, 0, -1]), 0.01));
        Assert.False(a.Equals(new ColourMatrix([1, 2, 3, 4, 5, 6, 7, 8, 9.1], [0.5, 0, -1]), 0.01));
        Assert.False(a.Equals(null, 1));
        Assert.Equal("1 2 3 4 5 6 7 8 9 0.5 0 -1", a.ToString());
        Assert.Equal("1 0 0 0 1 0 0 0 1 0 0 0", ColourMatrix.Identity.ToString());
    }
}
