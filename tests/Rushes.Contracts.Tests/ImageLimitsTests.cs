using Rushes.Contracts.Imaging;

namespace Rushes.Contracts.Tests;

public class ImageLimitsTests
{
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(16_384, 16_384, true)]
    [InlineData(16_384, 16_385, false)]
    [InlineData(65_536, 1, true)]
    [InlineData(65_536, 4_096, true)]
    [InlineData(65_536, 4_097, false)]
    [InlineData(65_537, 1, false)]
    [InlineData(1, 65_537, false)]
    [InlineData(0, 1, false)]
    [InlineData(1, 0, false)]
    [InlineData(-1, -1, false)]
    [InlineData(100_000, 100_000, false)]
    [InlineData(long.MaxValue, long.MaxValue, false)]
    public void IsAllowed(long width, long height, bool expected)
        => Assert.Equal(expected, ImageLimits.IsAllowed(width, height));

    [Fact]
    public void Limits()
    {
        Assert.Equal(65_536, ImageLimits.MaxDimension);
        Assert.Equal(268_435_456, ImageLimits.MaxPixels);
    }

    [Fact]
    public void Check_names_the_limit()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ImageLimits.Check(100_000, 100_000));

        Assert.Contains("65536", ex.Message, StringComparison.Ordinal);
        Assert.Contains("268435456", ex.Message, StringComparison.Ordinal);
        ImageLimits.Check(1920, 1080);
    }
}
