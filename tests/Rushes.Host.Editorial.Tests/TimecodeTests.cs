using System.Globalization;
using System.Text;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Timecodes;
using Rushes.Testing;

namespace Rushes.Host.Editorial.Tests;

public sealed class TimecodeTests
{
    private static readonly SmpteRate Df2997 = SmpteRate.Find("29.97 DF")!;
    private static readonly SmpteRate Df5994 = SmpteRate.Find("59.94 DF")!;

    [Theory]
    // Worked by hand from SMPTE ST 12-1: 29.97 DF skips labels ;00 and ;01 at every minute but each tenth,
    // so a minute holds 1798 frames, ten minutes 17982, an hour 107892, a day 2589408.
    [InlineData("29.97 DF", "00:00:59;29", 1799)]
    [InlineData("29.97 DF", "00:01:00;02", 1800)]
    [InlineData("29.97 DF", "00:01:59;29", 3597)]
    [InlineData("29.97 DF", "00:02:00;02", 3598)]
    [InlineData("29.97 DF", "00:09:59;29", 17981)]
    [InlineData("29.97 DF", "00:10:00;00", 17982)]
    [InlineData("29.97 DF", "00:10:00;01", 17983)]
    // Minute ten drops nothing: 17982 + 1800.
    [InlineData("29.97 DF", "00:11:00;02", 19782)]
    [InlineData("29.97 DF", "01:00:00;00", 107892)]
    [InlineData("29.97 DF", "23:59:59;29", 2589407)]
    // 59.94 DF skips four labels a minute: 3596 a minute, 35964 per ten, 215784 an hour, 5178816 a day.
    [InlineData("59.94 DF", "00:00:59;59", 3599)]
    [InlineData("59.94 DF", "00:01:00;04", 3600)]
    [InlineData("59.94 DF", "00:10:00;00", 35964)]
    [InlineData("59.94 DF", "01:00:00;00", 215784)]
    [InlineData("59.94 DF", "23:59:59;59", 5178815)]
    [InlineData("29.97 NDF", "01:00:00:00", 108000)]
    [InlineData("23.976", "01:00:00:00", 86400)]
    [InlineData("25", "10:00:00:00", 900000)]
    [InlineData("47.952", "00:00:01:47", 95)]
    [InlineData("119.88", "00:01:00:00", 7200)]
    public void Labels_count_the_frames_worked_out_by_hand(string rate, string label, long frames)
    {
        var smpte = SmpteRate.Find(rate)!;
        var tc = TimecodeMath.Parse(label, smpte);
        Assert.Equal(frames, tc.FrameOfDay);
        Assert.Equal(label, TimecodeMath.Label(frames, smpte));
    }

    [Theory]
    [InlineData("29.97 DF", "00:01:00;00")]
    [InlineData("29.97 DF", "00:01:00;01")]
    [InlineData("29.97 DF", "23:59:00;01")]
    [InlineData("59.94 DF", "00:01:00;00")]
    [InlineData("59.94 DF", "00:01:00;03")]
    public void Labels_a_drop_frame_count_skips_are_refused(string rate, string label)
    {
        var error = Assert.Throws<FormatException>(() => TimecodeMath.Parse(label, SmpteRate.Find(rate)!));
        Assert.Equal($"{label} does not exist in drop-frame timecode; frames 0-{(rate.StartsWith("29", StringComparison.Ordinal) ? 1 : 3)} are skipped at the start of each minute not divisible by ten.", error.Message);
    }

    [Theory]
    [InlineData("24", "24:00:00:00", "expected HH 0-23")]
    [InlineData("24", "00:60:00:00", "expected HH 0-23, MM and SS 0-59")]
    [InlineData("25", "00:00:00:25", "FF 0-24")]
    [InlineData("29.97 DF", "00:00:00;30", "FF 0-29")]
    [InlineData("24", "01:00:00", "is not a timecode; expected HH:MM:SS:FF")]
    [InlineData("24", "01:00:0a:00", "is not a timecode")]
    public void Fields_out_of_range_are_refused(string rate, string label, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TimecodeMath.Parse(label, SmpteRate.Find(rate)!));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drop_frame_at_a_rate_without_it_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => TimecodeMath.Parse("00:00:00;00", FrameRate.Fps25, dropFrame: true));
        Assert.Equal("25 fps has no drop-frame timecode; drop-frame exists at 29.97 and 59.94 only.", error.Message);
    }

    [Fact]
    public void The_day_wraps_at_24_hours()
    {
        Assert.Equal(2589408, Df2997.FramesPerDay);
        Assert.Equal(5178816, Df5994.FramesPerDay);
        Assert.Equal(2592000, SmpteRate.Find("30")!.FramesPerDay);
        Assert.Equal("00:00:00;00", TimecodeMath.Label(2589408, Df2997));
        Assert.Equal("23:59:59;29", TimecodeMath.Label(-1, Df2997));
        Assert.Equal("00:00:00;01", TimecodeMath.Parse("23:59:59;29", Df2997).AddFrames(2).ToString());
        Assert.Equal(3, TimecodeMath.Parse("00:00:00;01", Df2997).FramesSince(TimecodeMath.Parse("23:59:59;28", Df2997)));
    }

    [Fact]
    public void Frames_convert_to_exact_seconds_and_back()
    {
        // 86400 frames at 24000/1001: 86400 × 1001 / 24000 = 3603.6 s.
        Assert.Equal(new Rational(18018, 5), TimecodeMath.ToSeconds(86400, FrameRate.Fps23_976));
        // 107892 frames (01:00:00;00 DF) at 30000/1001: 3599.9964 s, 3.6 ms short of an hour.
        Assert.Equal(new Rational(8999991, 2500), TimecodeMath.Seconds(TimecodeMath.Parse("01:00:00;00", Df2997)));
        Assert.Equal(86400, TimecodeMath.FrameAt(new Rational(18018, 5), FrameRate.Fps23_976));
        Assert.Equal(86399, TimecodeMath.FrameAt(new Rational(18017999, 5000), FrameRate.Fps23_976));
        Assert.Equal(-1, TimecodeMath.FrameAt(new Rational(-1, 1000), FrameRate.Fps24));
    }

    [Theory]
    // 3600 s at 25 is frame 90000.
    [InlineData("24", "01:00:00:00", "25", "01:00:00:00")]
    // 01:00:00:00 at 23.976 starts at 3603.6 s; at 24 that is frame 86486.4, so 86486 = 01:00:03:14.
    [InlineData("23.976", "01:00:00:00", "24", "01:00:03:14")]
    // 107892 × 1001 / 1000 = 107999.892, frame 107999 at 30.
    [InlineData("29.97 DF", "01:00:00;00", "30", "00:59:59:29")]
    // Same family: 29.97 frame n is 59.94 frame 2n, and both drop-frame counts label it alike.
    [InlineData("29.97 DF", "00:10:00;00", "59.94 DF", "00:10:00;00")]
    [InlineData("29.97 DF", "00:01:00;02", "59.94 DF", "00:01:00;04")]
    // 59.94 frame 3601 (00:01:00;05) is 29.97 frame 1800.5: frame 1800 shows.
    [InlineData("59.94 DF", "00:01:00;05", "29.97 DF", "00:01:00;02")]
    [InlineData("29.97 NDF", "00:00:01:00", "23.976", "00:00:01:00")]
    public void Conversion_keeps_the_instant(string from, string label, string to, string expected)
        => Assert.Equal(expected, TimecodeMath.Convert(TimecodeMath.Parse(label, SmpteRate.Find(from)!), SmpteRate.Find(to)!).ToString());

    [Fact]
    public void The_conversion_table_matches_the_golden_file()
    {
        var table = new StringBuilder("rate\tlabel\tframes\tseconds\tat 24\tat 25\tat 29.97 DF\n");
        foreach (var rate in SmpteRate.All)
        {
            var tcBase = rate.Rate.TimecodeBase;
            var firstOfMinute = rate.DropFrame ? tcBase / 15 : 0;
            var sep = rate.DropFrame ? ';' : ':';
            string[] labels =
            [
                "00:00:00:00", $"00:00:00:{tcBase - 1:00}", "00:00:59:" + (tcBase - 1).ToString("00", CultureInfo.InvariantCulture),
                $"00:01:00:{firstOfMinute:00}", $"00:09:59:{tcBase - 1:00}", "00:10:00:00", "01:00:00:00", "10:00:00:00", $"23:59:59:{tcBase - 1:00}",
            ];
            foreach (var text in labels.Select(l => l[..8] + sep + l[9..]))
            {
                var tc = TimecodeMath.Parse(text, rate);
                Assert.Equal(text, tc.ToString());
                table.Append(CultureInfo.InvariantCulture, $"{rate.Name}\t{text}\t{tc.FrameOfDay}\t{TimecodeMath.Seconds(tc)}")
                    .Append(CultureInfo.InvariantCulture, $"\t{TimecodeMath.Convert(tc, SmpteRate.Find("24")!)}\t{TimecodeMath.Convert(tc, SmpteRate.Find("25")!)}\t{TimecodeMath.Convert(tc, Df2997)}\n");
            }
        }

        Golden.VerifyText(table.ToString(), "conversions", "tsv");
    }

    [Fact]
    public void Every_frame_of_a_29_97_drop_frame_day_round_trips() => WalkTheDay(Df2997);

    [Fact]
    public void Every_frame_of_a_59_94_drop_frame_day_round_trips() => WalkTheDay(Df5994);

    /// <summary>
    /// Counts labels up from 00:00:00;00 by the drop-frame rule alone (skip the first tcBase/15 labels of
    /// each minute not divisible by ten), independent of the library, and checks each against it both ways.
    /// </summary>
    private static void WalkTheDay(SmpteRate rate)
    {
        var tcBase = rate.Rate.TimecodeBase;
        var dropped = tcBase / 15;
        int h = 0, m = 0, s = 0, f = 0;
        for (long frame = 0; frame < rate.FramesPerDay; frame++)
        {
            var tc = Timecode.FromFrames(frame, rate.Rate, dropFrame: true);
            if (tc.Hours != h || tc.Minutes != m || tc.Seconds != s || tc.Frames != f)
            {
                Assert.Fail($"frame {frame} is labelled {tc}, expected {h:00}:{m:00}:{s:00};{f:00}");
            }

            if (TimecodeMath.Parse(tc.ToString(), rate).FrameOfDay != frame)
            {
                Assert.Fail($"{tc} reads back as another frame than {frame}");
            }

            if (++f == tcBase)
            {
                f = 0;
                if (++s == 60)
                {
                    s = 0;
                    if (++m == 60)
                    {
                        m = 0;
                        h++;
                    }

                    if (m % 10 != 0)
                    {
                        f = dropped;
                    }
                }
            }
        }

        Assert.Equal((24, 0, 0, 0), (h, m, s, f));
    }
}
