using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Contracts.Tests;

public class MetadataValueTests
{
    [Fact]
    public void Text()
    {
        var v = MetadataValue.Of("ALEXA 35");

        Assert.Equal(MetadataValueKind.Text, v.Kind);
        Assert.True(v.IsPresent);
        Assert.Equal("ALEXA 35", v.AsText());
        Assert.Equal(MetadataUnit.None, v.Unit);
        Assert.Null(v.AsDouble());
        Assert.Null(v.AsInteger());
        Assert.Null(v.MissingReason);
        Assert.Equal("ALEXA 35", v.ToString());
    }

    [Fact]
    public void Text_rejects_null()
        => Assert.Throws<ArgumentNullException>(() => MetadataValue.Of((string)null!));

    [Fact]
    public void Integer_reads_as_integer_double_and_rational()
    {
        var v = MetadataValue.Of(35L, MetadataUnit.Millimetre);

        Assert.Equal(MetadataValueKind.Integer, v.Kind);
        Assert.Equal(35L, v.AsInteger());
        Assert.Equal(35.0, v.AsDouble());
        Assert.Equal(new Rational(35, 1), v.AsRational());
        Assert.Equal("mm", v.Unit.Symbol);
        Assert.Null(v.AsText());
        Assert.Null(v.AsBoolean());
        Assert.Equal("35 mm", v.ToString());
    }

    [Fact]
    public void Number_reads_as_double_only()
    {
        var v = MetadataValue.Of(2.8, MetadataUnit.FNumber);

        Assert.Equal(MetadataValueKind.Number, v.Kind);
        Assert.Equal(2.8, v.AsDouble());
        Assert.Null(v.AsInteger());
        Assert.Null(v.AsRational());
        Assert.Equal("2.8 f", v.ToString());
    }

    [Fact]
    public void Rational_reads_as_rational_and_double()
    {
        var v = MetadataValue.Of(new Rational(1, 48), MetadataUnit.Second);

        Assert.Equal(MetadataValueKind.Rational, v.Kind);
        Assert.Equal(new Rational(1, 48), v.AsRational());
        Assert.Equal(1.0 / 48.0, v.AsDouble());
        Assert.Null(v.AsInteger());
        Assert.Equal("1/48 s", v.ToString());
    }

    [Fact]
    public void Boolean()
    {
        Assert.Equal(MetadataValueKind.Boolean, MetadataValue.Of(true).Kind);
        Assert.True(MetadataValue.Of(true).AsBoolean());
        Assert.False(MetadataValue.Of(false).AsBoolean());
        Assert.Equal("true", MetadataValue.Of(true).ToString());
        Assert.Equal("false", MetadataValue.Of(false).ToString());
        Assert.Null(MetadataValue.Of(true).AsDouble());
    }

    [Fact]
    public void Timecode_value()
    {
        var tc = Timecode.Parse("01:00:00;00", FrameRate.Fps29_97);
        var v = MetadataValue.Of(tc);

        Assert.Equal(MetadataValueKind.Timecode, v.Kind);
        Assert.Equal(tc, v.AsTimecode());
        Assert.Equal("01:00:00;00", v.ToString());
        Assert.Null(v.AsDateTime());
    }

    [Fact]
    public void DateTime_value_keeps_its_offset()
    {
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        var v = MetadataValue.Of(when);

        Assert.Equal(MetadataValueKind.DateTime, v.Kind);
        Assert.Equal(when, v.AsDateTime());
        Assert.Equal(TimeSpan.FromHours(2), v.AsDateTime()!.Value.Offset);
        Assert.Equal("2024-05-06T07:08:09.0000000+02:00", v.ToString());
    }

    [Fact]
    public void NumberList_is_copied()
    {
        var source = new List<double> { 1, 0.5, -2 };
        var v = MetadataValue.Of(source, MetadataUnit.None);
        source[0] = 99;

        Assert.Equal(MetadataValueKind.NumberList, v.Kind);
        Assert.Equal([1.0, 0.5, -2.0], v.AsNumberList()!);
        Assert.Equal("1 0.5 -2", v.ToString());
        Assert.Null(v.AsDouble());
        Assert.Throws<ArgumentNullException>(() => MetadataValue.Of((IReadOnlyList<double>)null!, MetadataUnit.None));
    }

    [Fact]
    public void Bytes_are_copied()
    {
        var source = new byte[] { 1, 2, 3 };
        var v = MetadataValue.Of(new ReadOnlyMemory<byte>(source));
        source[0] = 42;

        Assert.Equal(MetadataValueKind.Bytes, v.Kind);
        Assert.Equal([1, 2, 3], v.AsBytes()!.Value.ToArray());
        Assert.Equal("3 bytes", v.ToString());
        Assert.Null(v.AsText());
    }

    [Fact]
    public void Missing_carries_its_reason()
    {
        var v = MetadataValue.Missing("the clip has no lens data");

        Assert.Equal(MetadataValueKind.Missing, v.Kind);
        Assert.False(v.IsPresent);
        Assert.Equal("the clip has no lens data", v.MissingReason);
        Assert.Equal(MetadataUnit.None, v.Unit);
        Assert.Null(v.AsText());
        Assert.Null(v.AsDouble());
        Assert.Null(v.AsInteger());
        Assert.Null(v.AsRational());
        Assert.Null(v.AsBoolean());
        Assert.Null(v.AsTimecode());
        Assert.Null(v.AsDateTime());
        Assert.Null(v.AsNumberList());
        Assert.Null(v.AsBytes());
        Assert.Equal("Missing (the clip has no lens data)", v.ToString());
    }

    [Fact]
    public void Missing_values_are_equal_only_with_the_same_reason()
    {
        Assert.Equal(MetadataValue.Missing("a"), MetadataValue.Missing("a"));
        Assert.NotEqual(MetadataValue.Missing("a"), MetadataValue.Missing("b"));
    }

    [Fact]
    public void Lists_compare_by_content()
    {
        var a = MetadataValue.Of([1.0, 2.0, 3.0], MetadataUnit.None);
        var b = MetadataValue.Of(new List<double> { 1, 2, 3 }, MetadataUnit.None);

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, MetadataValue.Of([1.0, 2.0], MetadataUnit.None));
        Assert.NotEqual(a, MetadataValue.Of([1.0, 2.0, 4.0], MetadataUnit.None));
        Assert.NotEqual(a, MetadataValue.Of([1.0, 2.0, 3.0], MetadataUnit.Millimetre));
    }

    [Fact]
    public void Bytes_compare_by_content()
    {
        Assert.Equal(MetadataValue.Of(new byte[] { 1, 2 }), MetadataValue.Of(new byte[] { 1, 2 }));
        Assert.NotEqual(MetadataValue.Of(new byte[] { 1, 2 }), MetadataValue.Of(new byte[] { 2, 1 }));
    }

    [Fact]
    public void Equality_needs_the_same_kind_and_unit()
    {
        Assert.Equal(MetadataValue.Of(35L, MetadataUnit.Millimetre), MetadataValue.Of(35L, MetadataUnit.Millimetre));
        Assert.Equal(MetadataValue.Of(35L, MetadataUnit.Millimetre).GetHashCode(), MetadataValue.Of(35L, MetadataUnit.Millimetre).GetHashCode());
        Assert.NotEqual(MetadataValue.Of(35L, MetadataUnit.Millimetre), MetadataValue.Of(35.0, MetadataUnit.Millimetre));
        Assert.NotEqual(MetadataValue.Of(35L, MetadataUnit.Millimetre), MetadataValue.Of(35L, MetadataUnit.Metre));
        Assert.Equal(MetadataValue.Of(new Rational(2, 4), MetadataUnit.None), MetadataValue.Of(new Rational(1, 2), MetadataUnit.None));
        Assert.NotEqual(MetadataValue.Of("1"), MetadataValue.Of(1L, MetadataUnit.None));
        Assert.False(MetadataValue.Of("x").Equals(null));
    }

    [Fact]
    public void Units_print_their_symbol()
    {
        Assert.Equal("K", MetadataUnit.Kelvin.ToString());
        Assert.Equal(string.Empty, MetadataUnit.None.Symbol);
        Assert.Equal("5600 K", MetadataValue.Of(5600L, MetadataUnit.Kelvin).ToString());
        Assert.Equal("23.976 fps", MetadataValue.Of(23.976, MetadataUnit.FramesPerSecond).ToString());
        Assert.Equal(new MetadataUnit("mm"), MetadataUnit.Millimetre);
    }
}
