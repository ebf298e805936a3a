using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Contracts.Tests;

public class FrameRateTests
{
    [Theory]
    [InlineData("23.976", 24000, 1001)]
    [InlineData("23.98", 24000, 1001)]
    [InlineData("29.97", 30000, 1001)]
    [InlineData("59.94", 60000, 1001)]
    [InlineData("47.952", 48000, 1001)]
    [InlineData("119.88", 120000, 1001)]
    [InlineData("24", 24, 1)]
    [InlineData("25", 25, 1)]
    [InlineData("24.0", 24, 1)]
    [InlineData(" 50 ", 50, 1)]
    [InlineData("24000/1001", 24000, 1001)]
    [InlineData("30000/1001", 30000, 1001)]
    [InlineData("48/2", 24, 1)]
    [InlineData("50/2", 25, 1)]
    [InlineData("12.5", 25, 2)]
    [InlineData("24.001", 24001, 1000)]
    [InlineData("23.99", 2399, 100)]
    [InlineData("0.5", 1, 2)]
    public void Parse_gives_the_exact_rate(string text, long numerator, long denominator)
    {
        var rate = FrameRate.Parse(text);

        Assert.Equal(numerator, rate.Numerator);
        Assert.Equal(denominator, rate.Denominator);
        Assert.True(FrameRate.TryParse(text, out var again));
        Assert.Equal(rate, again);
    }

    [Fact]
    public void Parse_matches_the_named_rates()
    {
        Assert.Equal(FrameRate.Fps23_976, FrameRate.Parse("23.976"));
        Assert.Equal(FrameRate.Fps29_97, FrameRate.Parse("29.97"));
        Assert.Equal(FrameRate.Fps59_94, FrameRate.Parse("59.94"));
        Assert.Equal(FrameRate.Fps24, FrameRate.Parse("48/2"));
        Assert.Equal(new FrameRate(24000, 1001), FrameRate.Fps23_976);
        Assert.Equal(new FrameRate(60, 1), FrameRate.Fps60);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-24")]
    [InlineData("abc")]
    [InlineData("1/0")]
    [InlineData("0/1")]
    [InlineData("-24000/1001")]
    [InlineData("24/-1")]
    [InlineData("24/")]
    [InlineData("/24")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("10001")]
    [InlineData("24 fps")]
    [InlineData("0.0000001")]
    public void Parse_rejects_what_is_not_a_positive_rate(string? text)
    {
        Assert.False(FrameRate.TryParse(text, out var rate));
        Assert.Equal(default, rate);
        Assert.Throws<FormatException>(() => FrameRate.Parse(text!));
    }

    [Theory]
    [InlineData("0.001", 1, 1000)]
    [InlineData("0.004", 1, 250)]
    [InlineData("0.25", 1, 4)]
    public void Parse_takes_slow_time_lapse_rates_without_throwing(string text, long numerator, long denominator)
    {
        Assert.True(FrameRate.TryParse(text, out var rate));
        Assert.Equal(new FrameRate(numerator, denominator), rate);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-24, 1)]
    [InlineData(24, 0)]
    [InlineData(24, -1)]
    public void Constructor_rejects_non_positive_parts(long numerator, long denominator)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FrameRate(numerator, denominator));

    [Fact]
    public void Constructor_normalizes()
    {
        var rate = new FrameRate(48000, 2002);

        Assert.Equal(24000, rate.Numerator);
        Assert.Equal(1001, rate.Denominator);
        Assert.Equal(FrameRate.Fps23_976, rate);
        Assert.Equal(FrameRate.Fps23_976.GetHashCode(), rate.GetHashCode());
    }

    [Theory]
    [InlineData(24000, 1001, 24)]
    [InlineData(24, 1, 24)]
    [InlineData(25, 1, 25)]
    [InlineData(30000, 1001, 30)]
    [InlineData(48000, 1001, 48)]
    [InlineData(60000, 1001, 60)]
    [InlineData(120000, 1001, 120)]
    [InlineData(25, 2, 13)]
    [InlineData(1, 2, 1)]
    public void TimecodeBase_rounds_to_the_nearest_integer(long numerator, long denominator, int expected)
        => Assert.Equal(expected, new FrameRate(numerator, denominator).TimecodeBase);

    [Theory]
    [InlineData(30000, 1001, true)]
    [InlineData(60000, 1001, true)]
    [InlineData(24000, 1001, false)]
    [InlineData(48000, 1001, false)]
    [InlineData(120000, 1001, false)]
    [InlineData(240000, 1001, false)]
    [InlineData(30, 1, false)]
    [InlineData(60, 1, false)]
    [InlineData(24, 1, false)]
    public void SupportsDropFrame_only_at_29_97_and_59_94(long numerator, long denominator, bool expected)
        => Assert.Equal(expected, new FrameRate(numerator, denominator).SupportsDropFrame);

    [Fact]
    public void IsNtscFamily_is_the_1001_denominator()
    {
        Assert.True(FrameRate.Fps23_976.IsNtscFamily);
        Assert.True(FrameRate.Fps59_94.IsNtscFamily);
        Assert.False(FrameRate.Fps24.IsNtscFamily);
        Assert.False(new FrameRate(25025, 1001).IsNtscFamily); // 25025/1001 is exactly 25.
    }

    [Fact]
    public void FramesPerSecond_and_AsRational()
    {
        Assert.Equal(24000.0 / 1001.0, FrameRate.Fps23_976.FramesPerSecond);
        Assert.Equal(25.0, FrameRate.Fps25.FramesPerSecond);
        Assert.Equal(new Rational(30000, 1001), FrameRate.Fps29_97.AsRational);
        Assert.Equal(new Rational(12, 1), new FrameRate(24, 2).AsRational);
    }

    [Theory]
    [InlineData(24000, 1001, "24000/1001")]
    [InlineData(24, 1, "24")]
    [InlineData(50, 2, "25")]
    [InlineData(25, 2, "25/2")]
    public void ToString_is_n_over_d_or_an_integer(long numerator, long denominator, string expected)
    {
        var rate = new FrameRate(numerator, denominator);

        Assert.Equal(expected, rate.ToString());
        Assert.Equal(rate, FrameRate.Parse(rate.ToString()));
    }

    [Fact]
    public void FromDouble_snaps_near_ntsc_and_keeps_the_rest()
    {
        Assert.Equal(FrameRate.Fps23_976, FrameRate.FromDouble(24000.0 / 1001.0));
        Assert.Equal(FrameRate.Fps29_97, FrameRate.FromDouble(29.97));
        Assert.Equal(FrameRate.Fps24, FrameRate.FromDouble(24.0000001));
        Assert.Equal(new FrameRate(25, 2), FrameRate.FromDouble(12.5));
        Assert.Equal(new FrameRate(1, 1000), FrameRate.FromDouble(0.001));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e-9)]
    public void FromDouble_rejects_what_is_not_a_usable_rate(double fps)
        => Assert.Throws<ArgumentOutOfRangeException>(() => FrameRate.FromDouble(fps));

    [Fact]
    public void Equality()
    {
        Assert.True(FrameRate.Fps24 == new FrameRate(24, 1));
        Assert.True(FrameRate.Fps24 != FrameRate.Fps23_976);
        Assert.False(FrameRate.Fps24.Equals((object)24));
        Assert.True(FrameRate.Fps24.Equals((object)new FrameRate(48, 2)));
    }
}
