using Rushes.Contracts.Time;

namespace Rushes.Contracts.Tests;

public class TimecodeTests
{
    private static readonly FrameRate Df30 = FrameRate.Fps29_97;
    private static readonly FrameRate Df60 = FrameRate.Fps59_94;

    public static TheoryData<string, long, long, int> EveryRate => new()
    {
        // rate, numerator, denominator, timecode base
        { "23.976", 24000, 1001, 24 },
        { "24", 24, 1, 24 },
        { "25", 25, 1, 25 },
        { "29.97", 30000, 1001, 30 },
        { "30", 30, 1, 30 },
        { "47.952", 48000, 1001, 48 },
        { "48", 48, 1, 48 },
        { "50", 50, 1, 50 },
        { "59.94", 60000, 1001, 60 },
        { "60", 60, 1, 60 },
        { "119.88", 120000, 1001, 120 },
    };

    [Theory]
    [InlineData(0, "00:00:00;00")]
    [InlineData(1, "00:00:00;01")]
    [InlineData(29, "00:00:00;29")]
    [InlineData(30, "00:00:01;00")]
    [InlineData(1799, "00:00:59;29")]
    [InlineData(1800, "00:01:00;02")]
    [InlineData(1801, "00:01:00;03")]
    [InlineData(3597, "00:01:59;29")]
    [InlineData(3598, "00:02:00;02")]
    [InlineData(17981, "00:09:59;29")]
    [InlineData(17982, "00:10:00;00")]
    [InlineData(17983, "00:10:00;01")]
    [InlineData(19781, "00:10:59;29")]
    [InlineData(19782, "00:11:00;02")]
    [InlineData(107892, "01:00:00;00")]
    [InlineData(2589407, "23:59:59;29")]
    public void DropFrame_29_97_labels_known_frames(long frame, string label)
    {
        var tc = Timecode.FromFrames(frame, Df30, dropFrame: true);

        Assert.Equal(label, tc.ToString());
        Assert.Equal(frame, Timecode.Parse(label, Df30).FrameOfDay);
    }

    [Theory]
    [InlineData(0, "00:00:00;00")]
    [InlineData(59, "00:00:00;59")]
    [InlineData(3599, "00:00:59;59")]
    [InlineData(3600, "00:01:00;04")]
    [InlineData(7195, "00:01:59;59")]
    [InlineData(7196, "00:02:00;04")]
    [InlineData(35963, "00:09:59;59")]
    [InlineData(35964, "00:10:00;00")]
    [InlineData(215784, "01:00:00;00")]
    [InlineData(5178815, "23:59:59;59")]
    public void DropFrame_59_94_labels_known_frames(long frame, string label)
    {
        var tc = Timecode.FromFrames(frame, Df60, dropFrame: true);

        Assert.Equal(label, tc.ToString());
        Assert.Equal(frame, Timecode.Parse(label, Df60).FrameOfDay);
    }

    [Fact]
    public void DropFrame_fields_read_back()
    {
        var tc = Timecode.FromFrames(1800, Df30, dropFrame: true);

        Assert.Equal(0, tc.Hours);
        Assert.Equal(1, tc.Minutes);
        Assert.Equal(0, tc.Seconds);
        Assert.Equal(2, tc.Frames);
        Assert.True(tc.DropFrame);
        Assert.Equal(Df30, tc.Rate);
    }

    [Fact]
    public void FramesPerDay_drop_frame()
    {
        Assert.Equal(2_589_408, Timecode.FromFrames(0, Df30, dropFrame: true).FramesPerDay);
        Assert.Equal(5_178_816, Timecode.FromFrames(0, Df60, dropFrame: true).FramesPerDay);
    }

    [Theory]
    [InlineData("23.976", 2_073_600)]
    [InlineData("24", 2_073_600)]
    [InlineData("25", 2_160_000)]
    [InlineData("29.97", 2_592_000)]
    [InlineData("30", 2_592_000)]
    [InlineData("47.952", 4_147_200)]
    [InlineData("48", 4_147_200)]
    [InlineData("50", 4_320_000)]
    [InlineData("59.94", 5_184_000)]
    [InlineData("60", 5_184_000)]
    public void FramesPerDay_non_drop(string rate, long perDay)
        => Assert.Equal(perDay, Timecode.FromFrames(0, FrameRate.Parse(rate)).FramesPerDay);

    /// <summary>Walks every label of a drop-frame day in order, as a reference model, and checks both conversions.</summary>
    [Theory]
    [InlineData(30000, 2)]
    [InlineData(60000, 4)]
    public void DropFrame_whole_day_matches_reference_enumeration(long numerator, int dropped)
    {
        var rate = new FrameRate(numerator, 1001);
        var tcBase = rate.TimecodeBase;
        long expected = 0;
        for (var h = 0; h < 24; h++)
        {
            for (var m = 0; m < 60; m++)
            {
                for (var s = 0; s < 60; s++)
                {
                    for (var f = 0; f < tcBase; f++)
                    {
                        if (s == 0 && m % 10 != 0 && f < dropped)
                        {
                            continue;
                        }

                        var fromParts = Timecode.FromParts(h, m, s, f, rate, dropFrame: true);
                        Assert.Equal(expected, fromParts.FrameOfDay);

                        var fromFrames = Timecode.FromFrames(expected, rate, dropFrame: true);
                        if (fromFrames.Hours != h || fromFrames.Minutes != m || fromFrames.Seconds != s || fromFrames.Frames != f)
                        {
                            Assert.Fail($"frame {expected} reads {fromFrames}, expected {h:00}:{m:00}:{s:00};{f:00}");
                        }

                        expected++;
                    }
                }
            }
        }

        Assert.Equal(Timecode.FromFrames(0, rate, dropFrame: true).FramesPerDay, expected);
    }

    [Theory]
    [InlineData("23.976", 0, "00:00:00:00")]
    [InlineData("23.976", 24, "00:00:01:00")]
    [InlineData("23.976", 86_423, "01:00:00:23")]
    [InlineData("24", 23, "00:00:00:23")]
    [InlineData("24", 1440, "00:01:00:00")]
    [InlineData("24", 2_073_599, "23:59:59:23")]
    [InlineData("25", 90_000, "01:00:00:00")]
    [InlineData("25", 90_061, "01:00:02:11")]
    [InlineData("29.97", 1800, "00:01:00:00")]
    [InlineData("30", 108_000, "01:00:00:00")]
    [InlineData("30", 1799, "00:00:59:29")]
    [InlineData("48", 47, "00:00:00:47")]
    [InlineData("48", 172_800, "01:00:00:00")]
    [InlineData("50", 3001, "00:01:00:01")]
    [InlineData("59.94", 3600, "00:01:00:00")]
    [InlineData("60", 216_059, "01:00:00:59")]
    [InlineData("60", 5_183_999, "23:59:59:59")]
    public void NonDrop_labels_known_frames(string rate, long frame, string label)
    {
        var r = FrameRate.Parse(rate);
        var tc = Timecode.FromFrames(frame, r);

        Assert.False(tc.DropFrame);
        Assert.Equal(label, tc.ToString());
        Assert.Equal(frame, Timecode.Parse(label, r).FrameOfDay);
    }

    [Theory]
    [MemberData(nameof(EveryRate))]
    public void FromFrames_and_back_round_trips_across_the_day(string rate, long numerator, long denominator, int tcBase)
    {
        var r = FrameRate.Parse(rate);
        Assert.Equal(new FrameRate(numerator, denominator), r);
        Assert.Equal(tcBase, r.TimecodeBase);

        foreach (var dropFrame in r.SupportsDropFrame ? new[] { false, true } : new[] { false })
        {
            var perDay = Timecode.FromFrames(0, r, dropFrame).FramesPerDay;
            var frames = new List<long>();
            for (long f = 0; f < perDay; f += 997)
            {
                frames.Add(f);
            }

            // Around every minute boundary of the first hour, where drop-frame skips labels.
            for (long minute = 0; minute < 60; minute++)
            {
                var at = Timecode.FromParts(0, (int)minute, 0, dropFrame && minute % 10 != 0 ? tcBase / 15 : 0, r, dropFrame).FrameOfDay;
                for (var d = -3; d <= 3; d++)
                {
                    frames.Add(((at + d) % perDay + perDay) % perDay);
                }
            }

            frames.Add(perDay - 1);
            long previous = -1;
            foreach (var frame in frames)
            {
                var tc = Timecode.FromFrames(frame, r, dropFrame);
                Assert.Equal(frame, tc.FrameOfDay);

                var back = Timecode.FromParts(tc.Hours, tc.Minutes, tc.Seconds, tc.Frames, r, dropFrame);
                Assert.Equal(frame, back.FrameOfDay);

                var parsed = Timecode.Parse(tc.ToString(), r);
                Assert.Equal(tc, parsed);

                if (frame == previous + 1)
                {
                    Assert.Equal(1, tc.FramesSince(Timecode.FromFrames(previous, r, dropFrame)));
                }

                previous = frame;
            }
        }
    }

    [Fact]
    public void Parse_semicolon_and_comma_mean_drop_frame()
    {
        var semicolon = Timecode.Parse("00:01:00;02", Df30);
        var comma = Timecode.Parse("00:01:00,02", Df30);
        var allSemicolons = Timecode.Parse("00;01;00;02", Df30);

        Assert.True(semicolon.DropFrame);
        Assert.Equal(1800, semicolon.FrameOfDay);
        Assert.Equal(semicolon, comma);
        Assert.Equal(semicolon, allSemicolons);
        Assert.Equal("00:01:00;02", comma.ToString());
    }

    [Fact]
    public void Parse_colons_mean_non_drop_even_at_29_97()
    {
        var tc = Timecode.Parse("00:01:00:02", Df30);

        Assert.False(tc.DropFrame);
        Assert.Equal(1802, tc.FrameOfDay);
    }

    [Fact]
    public void Parse_trims_and_accepts_a_dot_as_separator()
    {
        Assert.Equal(90_000, Timecode.Parse("  01:00:00:00 ", FrameRate.Fps25).FrameOfDay);
        Assert.Equal(90_001, Timecode.Parse("01:00:00.01", FrameRate.Fps25).FrameOfDay);
    }

    [Theory]
    [InlineData("00:01:00;00")]
    [InlineData("00:01:00;01")]
    [InlineData("00:09:00;01")]
    [InlineData("23:59:00;00")]
    public void Parse_rejects_labels_that_drop_frame_skips_at_29_97(string label)
    {
        Assert.False(Timecode.TryParse(label, Df30, out _, out var error));
        Assert.Contains("does not exist in drop-frame", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Timecode.Parse(label, Df30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromParts(
            int.Parse(label[..2], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(label[3..5], System.Globalization.CultureInfo.InvariantCulture),
            0,
            int.Parse(label[9..], System.Globalization.CultureInfo.InvariantCulture),
            Df30,
            dropFrame: true));
    }

    [Theory]
    [InlineData("00:01:00;03")]
    [InlineData("00:10:00;00")]
    [InlineData("00:20:00;01")]
    public void Parse_accepts_labels_that_exist_in_drop_frame(string label)
        => Assert.True(Timecode.TryParse(label, Df30, out _, out _));

    [Theory]
    [InlineData("00:01:00;00")]
    [InlineData("00:01:00;03")]
    [InlineData("00:07:00;02")]
    public void Parse_rejects_labels_that_drop_frame_skips_at_59_94(string label)
        => Assert.False(Timecode.TryParse(label, Df60, out _, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("01:00:00")]
    [InlineData("01:00:00:00:00")]
    [InlineData("aa:bb:cc:dd")]
    [InlineData("01:00:00:")]
    [InlineData("-1:00:00:00")]
    [InlineData("01:00:00:0x")]
    [InlineData("0001:00:00:00")]
    [InlineData("24:00:00:00")]
    [InlineData("00:60:00:00")]
    [InlineData("00:00:60:00")]
    [InlineData("00:00:00:25")]
    [InlineData("01 00 00 00")]
    public void Parse_rejects_bad_text(string? text)
    {
        Assert.False(Timecode.TryParse(text, FrameRate.Fps25, out var tc, out var error));
        Assert.Equal(default, tc);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => Timecode.Parse(text!, FrameRate.Fps25));
    }

    [Fact]
    public void Parse_rejects_drop_frame_at_a_rate_without_it()
    {
        Assert.False(Timecode.TryParse("00:00:00;00", FrameRate.Fps24, out _, out var error));
        Assert.Contains("no drop-frame", error, StringComparison.Ordinal);
        Assert.False(Timecode.TryParse("00:00:00,00", FrameRate.Fps25, out _, out _));
    }

    [Theory]
    [InlineData(24, 1)]
    [InlineData(24000, 1001)]
    [InlineData(25, 1)]
    [InlineData(30, 1)]
    [InlineData(60, 1)]
    [InlineData(48000, 1001)]
    [InlineData(120000, 1001)]
    public void DropFrame_flag_is_rejected_at_rates_without_drop_frame(long numerator, long denominator)
    {
        var rate = new FrameRate(numerator, denominator);

        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromFrames(0, rate, dropFrame: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromParts(0, 0, 0, 0, rate, dropFrame: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromFrames(0, rate).WithCounting(dropFrame: true));
    }

    [Fact]
    public void A_timecode_needs_a_rate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromFrames(0, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromParts(0, 0, 0, 0, default));
        Assert.False(Timecode.TryParse("00:00:00:00", default, out _, out _));

        // A quarter of a frame a second rounds to no frames per timecode second.
        var tooSlow = new FrameRate(1, 4);
        Assert.Equal(0, tooSlow.TimecodeBase);
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromFrames(10, tooSlow));
        Assert.False(Timecode.TryParse("00:00:00:00", tooSlow, out _, out var error));
        Assert.Contains("at least one frame", error, StringComparison.Ordinal);

        // Half a frame a second is the slowest rate with a timecode: one label a second.
        Assert.Equal("00:01:00:00", Timecode.FromFrames(60, new FrameRate(1, 2)).ToString());
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(24, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 60, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 60, 0)]
    [InlineData(0, 0, 0, -1)]
    [InlineData(0, 0, 0, 24)]
    public void FromParts_rejects_fields_out_of_range(int h, int m, int s, int f)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.FromParts(h, m, s, f, FrameRate.Fps24));

    [Fact]
    public void FromParts_gives_the_frame_count()
    {
        Assert.Equal(90_061, Timecode.FromParts(1, 0, 2, 11, FrameRate.Fps25).FrameOfDay);
        Assert.Equal(17_982, Timecode.FromParts(0, 10, 0, 0, Df30, dropFrame: true).FrameOfDay);
        Assert.Equal(1800, Timecode.FromParts(0, 1, 0, 2, Df30, dropFrame: true).FrameOfDay);
    }

    [Fact]
    public void FromFrames_wraps_at_24_hours()
    {
        Assert.Equal("00:00:00:00", Timecode.FromFrames(2_160_000, FrameRate.Fps25).ToString());
        Assert.Equal("00:00:00:05", Timecode.FromFrames(2_160_005, FrameRate.Fps25).ToString());
        Assert.Equal("00:00:00:05", Timecode.FromFrames((2_160_000 * 3) + 5, FrameRate.Fps25).ToString());
        Assert.Equal("00:00:00;00", Timecode.FromFrames(2_589_408, Df30, dropFrame: true).ToString());
        Assert.Equal("00:00:00;00", Timecode.FromFrames(5_178_816, Df60, dropFrame: true).ToString());
    }

    [Fact]
    public void Negative_frames_wrap_back_from_midnight()
    {
        Assert.Equal("23:59:59:24", Timecode.FromFrames(-1, FrameRate.Fps25).ToString());
        Assert.Equal(2_159_999, Timecode.FromFrames(-1, FrameRate.Fps25).FrameOfDay);
        Assert.Equal("23:59:59;29", Timecode.FromFrames(-1, Df30, dropFrame: true).ToString());
        Assert.Equal("23:59:59;59", Timecode.FromFrames(-1, Df60, dropFrame: true).ToString());
        Assert.Equal("23:00:00:00", Timecode.FromFrames(-90_000, FrameRate.Fps25).ToString());
        Assert.Equal("23:00:00:00", Timecode.FromFrames(-90_000 - (2_160_000L * 5), FrameRate.Fps25).ToString());

        // -2^63 mod 2,073,600 is 289,792 (worked out independently).
        var extreme = Timecode.FromFrames(long.MinValue, FrameRate.Fps24);
        Assert.Equal(289_792, extreme.FrameOfDay);
        Assert.Equal("03:21:14:16", extreme.ToString());
    }

    [Fact]
    public void AddFrames_moves_and_wraps()
    {
        var tc = Timecode.Parse("23:59:59;29", Df30);

        Assert.Equal("00:00:00;00", tc.AddFrames(1).ToString());
        Assert.Equal("23:59:59;28", tc.AddFrames(-1).ToString());
        Assert.Equal("00:01:00;02", Timecode.Parse("00:00:59;29", Df30).AddFrames(1).ToString());
        Assert.Equal("00:00:59;29", Timecode.Parse("00:01:00;02", Df30).AddFrames(-1).ToString());
        Assert.Equal("01:00:01:00", Timecode.Parse("01:00:00:00", FrameRate.Fps25).AddFrames(25).ToString());
    }

    [Fact]
    public void FramesSince_counts_forward_across_midnight()
    {
        var start = Timecode.Parse("23:59:59:00", FrameRate.Fps25);
        var end = Timecode.Parse("00:00:01:00", FrameRate.Fps25);

        Assert.Equal(50, end.FramesSince(start));
        Assert.Equal(2_160_000 - 50, start.FramesSince(end));
        Assert.Equal(0, start.FramesSince(start));

        var dfStart = Timecode.Parse("23:59:59;00", Df30);
        var dfEnd = Timecode.Parse("00:00:00;10", Df30);
        Assert.Equal(40, dfEnd.FramesSince(dfStart));
    }

    [Fact]
    public void FramesSince_across_a_dropped_minute()
    {
        var start = Timecode.Parse("00:00:59;28", Df30);
        var end = Timecode.Parse("00:01:00;02", Df30);

        Assert.Equal(2, end.FramesSince(start));
    }

    [Fact]
    public void ToString_formats_two_digit_fields()
    {
        Assert.Equal("01:02:03:04", Timecode.FromParts(1, 2, 3, 4, FrameRate.Fps25).ToString());
        Assert.Equal("01:02:03;04", Timecode.FromParts(1, 2, 3, 4, Df30, dropFrame: true).ToString());
        Assert.Equal("10:20:30:40", Timecode.FromParts(10, 20, 30, 40, FrameRate.Fps50).ToString());
        Assert.Equal("00:00:00:00", Timecode.FromFrames(0, FrameRate.Fps24).ToString());
    }

    [Fact]
    public void Default_timecode_reads_as_midnight()
    {
        Timecode tc = default;

        Assert.Equal("00:00:00:00", tc.ToString());
        Assert.Equal(0, tc.FrameOfDay);
        Assert.Equal(0, tc.Hours);
    }

    [Fact]
    public void WithCounting_relabels_the_same_frame()
    {
        var nonDrop = Timecode.FromFrames(1800, Df30);
        var drop = nonDrop.WithCounting(dropFrame: true);

        Assert.Equal("00:01:00:00", nonDrop.ToString());
        Assert.Equal("00:01:00;02", drop.ToString());
        Assert.Equal(1800, drop.FrameOfDay);
        Assert.Equal(nonDrop, drop.WithCounting(dropFrame: false));
        Assert.NotEqual(nonDrop, drop);
    }

    [Fact]
    public void Equality_includes_rate_and_counting()
    {
        var a = Timecode.FromFrames(100, FrameRate.Fps24);

        Assert.Equal(a, Timecode.FromFrames(100, FrameRate.Fps24));
        Assert.True(a == Timecode.FromFrames(100, FrameRate.Fps24));
        Assert.Equal(a.GetHashCode(), Timecode.FromFrames(100, FrameRate.Fps24).GetHashCode());
        Assert.NotEqual(a, Timecode.FromFrames(100, FrameRate.Fps23_976));
        Assert.True(a != Timecode.FromFrames(101, FrameRate.Fps24));
        Assert.False(a.Equals((object)"00:00:04:04"));
    }

    [Fact]
    public void Ordering_is_by_frame_of_day_at_one_rate()
    {
        var early = Timecode.Parse("00:00:10:00", FrameRate.Fps25);
        var late = Timecode.Parse("10:00:00:00", FrameRate.Fps25);

        Assert.True(early < late);
        Assert.True(late > early);
        var same = Timecode.Parse("00:00:10:00", FrameRate.Fps25);
        Assert.True(early <= same);
        Assert.True(early >= same);
        Assert.False(early < same);
        Assert.True(late >= early);
        Assert.Equal(-1, early.CompareTo(late));
        Assert.Equal(0, late.CompareTo(late));
        Assert.Throws<ArgumentException>(() => early.CompareTo(Timecode.FromFrames(0, FrameRate.Fps24)));
        Assert.Throws<ArgumentException>(() => early < Timecode.FromFrames(0, FrameRate.Fps24));
    }
}
