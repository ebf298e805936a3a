using Rushes.Contracts.Time;

namespace Rushes.Contracts.Tests;

public class FrameRangeTests
{
    [Theory]
    [InlineData("1001-1100", 1001, 1100)]
    [InlineData("-5-3", -5, 3)]
    [InlineData("-10--5", -10, -5)]
    [InlineData("7", 7, 7)]
    [InlineData("-7", -7, -7)]
    [InlineData(" 1-2 ", 1, 2)]
    [InlineData("0-0", 0, 0)]
    [InlineData("+3-4", 3, 4)]
    public void Parse_reads_first_and_last(string text, long first, long last)
    {
        var range = FrameRange.Parse(text);

        Assert.Equal(first, range.First);
        Assert.Equal(last, range.Last);
        Assert.True(FrameRange.TryParse(text, out var again));
        Assert.Equal(range, again);
    }

    [Theory]
    [InlineData("10-5")]
    [InlineData("-3--5")]
    [InlineData("1--2")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("-")]
    [InlineData("1-")]
    [InlineData("a-b")]
    [InlineData("1-2-3")]
    [InlineData("1 - 2")]
    [InlineData("1.5-2")]
    public void Parse_rejects_bad_ranges(string? text)
    {
        Assert.False(FrameRange.TryParse(text, out var range));
        Assert.Equal(default, range);
        Assert.Throws<FormatException>(() => FrameRange.Parse(text!));
    }

    [Fact]
    public void Constructor_rejects_last_before_first()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FrameRange(10, 5));
        Assert.Equal("last", ex.ParamName);
    }

    [Theory]
    [InlineData(1001, 1100, 100)]
    [InlineData(7, 7, 1)]
    [InlineData(-5, 3, 9)]
    public void Count_includes_both_ends(long first, long last, long count)
        => Assert.Equal(count, new FrameRange(first, last).Count);

    [Fact]
    public void Frames_enumerates_in_order()
        => Assert.Equal([-1L, 0L, 1L, 2L], new FrameRange(-1, 2).Frames());

    [Fact]
    public void WithHandles_grows_both_ends()
    {
        var range = new FrameRange(1001, 1100);

        Assert.Equal(new FrameRange(993, 1108), range.WithHandles(8));
        Assert.Equal(116, range.WithHandles(8).Count);
        Assert.Equal(range, range.WithHandles(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => range.WithHandles(-1));
    }

    [Fact]
    public void Intersect_gives_the_overlap_or_null()
    {
        var a = new FrameRange(1, 10);

        Assert.Equal(new FrameRange(5, 10), a.Intersect(new FrameRange(5, 20)));
        Assert.Equal(new FrameRange(1, 3), a.Intersect(new FrameRange(-4, 3)));
        Assert.Equal(new FrameRange(3, 4), a.Intersect(new FrameRange(3, 4)));
        Assert.Equal(new FrameRange(10, 10), a.Intersect(new FrameRange(10, 11)));
        Assert.Equal(a, a.Intersect(new FrameRange(0, 100)));
        Assert.Null(a.Intersect(new FrameRange(11, 20)));
        Assert.Null(a.Intersect(new FrameRange(-5, 0)));
    }

    [Fact]
    public void Contains_frames_and_ranges()
    {
        var range = new FrameRange(1001, 1100);

        Assert.True(range.Contains(1001));
        Assert.True(range.Contains(1100));
        Assert.True(range.Contains(1050));
        Assert.False(range.Contains(1000));
        Assert.False(range.Contains(1101));
        Assert.True(range.Contains(new FrameRange(1001, 1100)));
        Assert.True(range.Contains(new FrameRange(1010, 1020)));
        Assert.False(range.Contains(new FrameRange(1000, 1020)));
        Assert.False(range.Contains(new FrameRange(1090, 1101)));
    }

    [Fact]
    public void ToString_and_equality()
    {
        Assert.Equal("1001-1100", new FrameRange(1001, 1100).ToString());
        Assert.Equal("-5-3", new FrameRange(-5, 3).ToString());
        Assert.Equal(new FrameRange(-5, 3), FrameRange.Parse(new FrameRange(-5, 3).ToString()));
        Assert.True(new FrameRange(1, 2) == new FrameRange(1, 2));
        Assert.True(new FrameRange(1, 2) != new FrameRange(1, 3));
        Assert.Equal(new FrameRange(1, 2).GetHashCode(), new FrameRange(1, 2).GetHashCode());
        Assert.False(new FrameRange(1, 2).Equals((object)"1-2"));
    }
}
