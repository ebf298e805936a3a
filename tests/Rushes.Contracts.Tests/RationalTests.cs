using Rushes.Contracts.Metadata;

namespace Rushes.Contracts.Tests;

public class RationalTests
{
    [Theory]
    [InlineData(6, -4, -3, 2)]
    [InlineData(-6, -4, 3, 2)]
    [InlineData(10, 5, 2, 1)]
    [InlineData(0, -7, 0, 1)]
    [InlineData(0, 5, 0, 1)]
    [InlineData(24000, 1001, 24000, 1001)]
    [InlineData(48000, 2002, 24000, 1001)]
    [InlineData(-1, 3, -1, 3)]
    public void Constructor_keeps_lowest_terms_with_a_positive_denominator(long n, long d, long expectedN, long expectedD)
    {
        var r = new Rational(n, d);

        Assert.Equal(expectedN, r.Numerator);
        Assert.Equal(expectedD, r.Denominator);
    }

    [Fact]
    public void Constructor_rejects_a_zero_denominator()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Rational(1, 0));

    [Fact]
    public void Default_is_zero_over_one()
    {
        Rational zero = default;

        Assert.Equal(0, zero.Numerator);
        Assert.Equal(1, zero.Denominator);
        Assert.Equal(0.0, zero.ToDouble());
        Assert.Equal("0", zero.ToString());
        Assert.Equal(new Rational(0, 1), zero);
        Assert.Equal(new Rational(0, 9), zero);
        Assert.Equal(new Rational(0, 1).GetHashCode(), zero.GetHashCode());
        Assert.True(zero < new Rational(1, 1_000_000));
    }

    [Theory]
    [InlineData("0.5", 1, 2)]
    [InlineData("1/48", 1, 48)]
    [InlineData("-0.25", -1, 4)]
    [InlineData("1.25", 5, 4)]
    [InlineData("3", 3, 1)]
    [InlineData("-3", -3, 1)]
    [InlineData(" 2/4 ", 1, 2)]
    [InlineData("-3/6", -1, 2)]
    [InlineData("0", 0, 1)]
    [InlineData("0.000001", 1, 1_000_000)]
    [InlineData("24000/1001", 24000, 1001)]
    [InlineData("5.000", 5, 1)]
    public void Parse_is_exact(string text, long n, long d)
    {
        Assert.Equal(new Rational(n, d), Rational.Parse(text));
        Assert.True(Rational.TryParse(text, out var value));
        Assert.Equal(n, value.Numerator);
        Assert.Equal(d, value.Denominator);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("abc")]
    [InlineData("1/0")]
    [InlineData("1/-2")]
    [InlineData("1/")]
    [InlineData("/2")]
    [InlineData("1.2.3")]
    [InlineData("1e3")]
    [InlineData("1/2/3")]
    [InlineData("0.5/2")]
    [InlineData("99999999999999999999")]
    [InlineData("7922816251426433759354395033.55")]
    public void Parse_rejects_what_is_not_a_rational(string? text)
    {
        Assert.False(Rational.TryParse(text, out var value));
        Assert.Equal(default, value);
        Assert.Throws<FormatException>(() => Rational.Parse(text!));
    }

    [Fact]
    public void Compare_orders_by_value()
    {
        var third = new Rational(1, 3);
        var half = new Rational(1, 2);
        var minusHalf = new Rational(-1, 2);

        Assert.True(third < half);
        Assert.True(half > third);
        Assert.True(minusHalf < third);
        Assert.True(half <= new Rational(2, 4));
        Assert.True(half >= new Rational(2, 4));
        Assert.Equal(0, half.CompareTo(new Rational(2, 4)));
        Assert.Equal(-1, third.CompareTo(half));
        Assert.Equal(1, half.CompareTo(minusHalf));
    }

    [Fact]
    public void Compare_does_not_overflow_on_large_terms()
    {
        // Cross-multiplying these overflows a long; the comparison must still be right.
        var a = new Rational(long.MaxValue, long.MaxValue - 1);
        var b = new Rational(long.MaxValue - 1, long.MaxValue - 2);

        Assert.True(a < b);
        Assert.True(new Rational(-long.MaxValue, 3) < new Rational(long.MaxValue, 3));
    }

    [Fact]
    public void Sorting_uses_the_value()
    {
        var list = new List<Rational> { new(3, 4), new(-1, 2), new(1, 3), default, new(5, 4) };
        list.Sort();

        Assert.Equal(["-1/2", "0", "1/3", "3/4", "5/4"], list.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData(-3, 2, "-3/2")]
    [InlineData(4, 2, "2")]
    [InlineData(1, 48, "1/48")]
    [InlineData(-5, 1, "-5")]
    public void ToString_is_n_over_d_or_an_integer(long n, long d, string expected)
    {
        var r = new Rational(n, d);

        Assert.Equal(expected, r.ToString());
        Assert.Equal(r, Rational.Parse(expected));
    }

    [Fact]
    public void ToDouble()
    {
        Assert.Equal(0.5, new Rational(1, 2).ToDouble());
        Assert.Equal(-1.5, new Rational(-3, 2).ToDouble());
        Assert.Equal(24000.0 / 1001.0, new Rational(24000, 1001).ToDouble());
    }

    [Fact]
    public void Equality()
    {
        Assert.True(new Rational(1, 2) == new Rational(2, 4));
        Assert.True(new Rational(1, 2) != new Rational(-1, 2));
        Assert.Equal(new Rational(1, 2).GetHashCode(), new Rational(3, 6).GetHashCode());
        Assert.False(new Rational(1, 2).Equals((object)0.5));
    }
}
