using System.Globalization;

namespace Rushes.Contracts.Time;

/// <summary>
/// A SMPTE ST 12-1 timecode: a label on a frame, counted at an integer timecode base, with
/// drop-frame counting at 29.97 and 59.94. Conversions to and from frame counts are exact
/// and wrap at 24 hours.
/// </summary>
public readonly struct Timecode : IEquatable<Timecode>, IComparable<Timecode>
{
    private Timecode(long frameOfDay, FrameRate rate, bool dropFrame)
    {
        FrameOfDay = frameOfDay;
        Rate = rate;
        DropFrame = dropFrame;
    }

    /// <summary>The frame count since 00:00:00:00, in [0, <see cref="FramesPerDay"/>).</summary>
    public long FrameOfDay { get; }

    /// <summary>The frame rate the timecode counts.</summary>
    public FrameRate Rate { get; }

    /// <summary>True for drop-frame counting (written with ';' before the frames).</summary>
    public bool DropFrame { get; }

    /// <summary>Hours, 0 to 23.</summary>
    public int Hours => Split().H;

    /// <summary>Minutes, 0 to 59.</summary>
    public int Minutes => Split().M;

    /// <summary>Seconds, 0 to 59.</summary>
    public int Seconds => Split().S;

    /// <summary>Frames, 0 to the timecode base less one.</summary>
    public int Frames => Split().F;

    /// <summary>How many frames a 24-hour day holds at this rate and counting.</summary>
    public long FramesPerDay => FramesPerDayAt(Rate.TimecodeBase, DropFrame);

    /// <summary>The timecode of a frame count (wrapped into one day).</summary>
    public static Timecode FromFrames(long frames, FrameRate rate, bool dropFrame = false)
    {
        CheckDropFrame(rate, dropFrame);
        var perDay = FramesPerDayAt(rate.TimecodeBase, dropFrame);
        var wrapped = ((frames % perDay) + perDay) % perDay;
        return new Timecode(wrapped, rate, dropFrame);
    }

    /// <summary>Builds a timecode from its fields, rejecting labels that do not exist (such as 00:01:00;00 in drop-frame).</summary>
    public static Timecode FromParts(int hours, int minutes, int seconds, int frames, FrameRate rate, bool dropFrame = false)
    {
        CheckDropFrame(rate, dropFrame);
        var tcBase = rate.TimecodeBase;
        if (hours is < 0 or > 23 || minutes is < 0 or > 59 || seconds is < 0 or > 59 || frames < 0 || frames >= tcBase)
        {
            throw new ArgumentOutOfRangeException(nameof(frames),
                $"{Format(hours, minutes, seconds, frames, dropFrame)} is not a timecode at {rate} fps; expected HH 0-23, MM and SS 0-59, FF 0-{tcBase - 1}.");
        }

        var dropPerMinute = DroppedPerMinute(tcBase, dropFrame);
        if (dropPerMinute > 0 && seconds == 0 && minutes % 10 != 0 && frames < dropPerMinute)
        {
            throw new ArgumentOutOfRangeException(nameof(frames),
                $"{Format(hours, minutes, seconds, frames, dropFrame)} does not exist in drop-frame timecode; frames 0-{dropPerMinute - 1} are skipped at the start of each minute not divisible by ten.");
        }

        var totalMinutes = (60L * hours) + minutes;
        var count = (((((long)hours * 60) + minutes) * 60) + seconds) * tcBase + frames
            - (dropPerMinute * (totalMinutes - (totalMinutes / 10)));
        return new Timecode(count, rate, dropFrame);
    }

    /// <summary>
    /// Parses <c>HH:MM:SS:FF</c>; a ';' or ',' before the frames (or anywhere as separator) means drop-frame.
    /// </summary>
    public static Timecode Parse(string text, FrameRate rate)
        => TryParse(text, rate, out var tc, out var error) ? tc : throw new FormatException(error);

    /// <summary>Parses a timecode; see <see cref="Parse"/>. On failure, <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, FrameRate rate, out Timecode timecode, out string error)
    {
        timecode = default;
        error = string.Empty;
        var s = text?.Trim() ?? string.Empty;
        var parts = s.Split([':', ';', ',', '.']);
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit)))
        {
            error = $"'{text}' is not a timecode; expected HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame).";
            return false;
        }

        var dropFrame = s.Contains(';', StringComparison.Ordinal) || s.Contains(',', StringComparison.Ordinal);
        if (dropFrame && !rate.SupportsDropFrame)
        {
            error = $"'{text}' is drop-frame, but {rate} fps has no drop-frame timecode; expected ':' separators.";
            return false;
        }

        var v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        try
        {
            timecode = FromParts(v[0], v[1], v[2], v[3], rate, dropFrame);
            return true;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            error = ex.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            return false;
        }
    }

    /// <summary>This timecode moved by a number of frames (wrapping at 24 hours).</summary>
    public Timecode AddFrames(long frames) => FromFrames(FrameOfDay + frames, Rate, DropFrame);

    /// <summary>The same frame, labelled with another counting (drop or non-drop) at the same rate.</summary>
    public Timecode WithCounting(bool dropFrame) => FromFrames(FrameOfDay, Rate, dropFrame);

    /// <summary>Frames from <paramref name="start"/> to this timecode, forward, wrapping past midnight.</summary>
    public long FramesSince(Timecode start)
    {
        var d = FrameOfDay - start.FrameOfDay;
        return d >= 0 ? d : d + FramesPerDay;
    }

    /// <summary><c>HH:MM:SS:FF</c>, or <c>HH:MM:SS;FF</c> for drop-frame.</summary>
    public override string ToString()
    {
        var (h, m, s, f) = Split();
        return Format(h, m, s, f, DropFrame);
    }

    /// <inheritdoc />
    public bool Equals(Timecode other) => FrameOfDay == other.FrameOfDay && Rate == other.Rate && DropFrame == other.DropFrame;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Timecode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FrameOfDay, Rate, DropFrame);

    /// <summary>Orders by frame of day; timecodes at different rates do not compare.</summary>
    public int CompareTo(Timecode other)
    {
        if (Rate != other.Rate)
        {
            throw new ArgumentException($"Cannot order timecodes at {Rate} and {other.Rate} fps.", nameof(other));
        }

        return FrameOfDay.CompareTo(other.FrameOfDay);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Timecode left, Timecode right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Timecode left, Timecode right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(Timecode left, Timecode right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Timecode left, Timecode right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Timecode left, Timecode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Timecode left, Timecode right) => left.CompareTo(right) >= 0;

    private (int H, int M, int S, int F) Split()
    {
        var tcBase = Rate.TimecodeBase == 0 ? 1 : Rate.TimecodeBase;
        var count = FrameOfDay;
        var drop = DroppedPerMinute(tcBase, DropFrame);
        if (drop > 0)
        {
            // SMPTE ST 12-1 drop-frame: add back the labels skipped in every minute but each tenth.
            var per10Minutes = (tcBase * 600L) - (drop * 9L);
            var perMinute = (tcBase * 60L) - drop;
            var tens = count / per10Minutes;
            var rest = count % per10Minutes;
            count += (drop * 9L * tens) + (rest > drop ? drop * ((rest - drop) / perMinute) : 0);
        }

        var f = (int)(count % tcBase);
        var totalSeconds = count / tcBase;
        return ((int)(totalSeconds / 3600 % 24), (int)(totalSeconds / 60 % 60), (int)(totalSeconds % 60), f);
    }

    private static long FramesPerDayAt(int tcBase, bool dropFrame)
        => (tcBase * 86_400L) - (DroppedPerMinute(tcBase, dropFrame) * 24L * 54L);

    private static int DroppedPerMinute(int tcBase, bool dropFrame) => dropFrame ? tcBase / 15 : 0;

    private static void CheckDropFrame(FrameRate rate, bool dropFrame)
    {
        if (rate.TimecodeBase < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), $"A timecode needs a frame rate of at least one frame per timecode second; got {rate} fps.");
        }

        if (dropFrame && !rate.SupportsDropFrame)
        {
            throw new ArgumentOutOfRangeException(nameof(dropFrame), $"Drop-frame timecode exists only at 29.97 and 59.94 fps, not at {rate} fps.");
        }
    }

    private static string Format(int h, int m, int s, int f, bool dropFrame)
        => string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}:{s:00}{(dropFrame ? ';' : ':')}{f:00}");
}
