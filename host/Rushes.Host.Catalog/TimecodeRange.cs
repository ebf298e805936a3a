using System.Globalization;
using Rushes.Contracts.Time;

namespace Rushes.Host.Catalog;

/// <summary>A timecode label without a rate: <c>HH:MM:SS:FF</c>, or <c>HH:MM:SS;FF</c> written as drop-frame.</summary>
public readonly record struct TimecodeLabel(int Hours, int Minutes, int Seconds, int Frames, bool DropFrame)
{
    /// <summary>The label of a timecode.</summary>
    public static TimecodeLabel Of(Timecode timecode) => new(timecode.Hours, timecode.Minutes, timecode.Seconds, timecode.Frames, timecode.DropFrame);

    /// <summary>Parses <c>HH:MM:SS:FF</c> (';' or ',' before the frames marks drop-frame).</summary>
    public static TimecodeLabel Parse(string text)
    {
        var s = text.Trim();
        var parts = s.Split([':', ';', ',', '.']);
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit)))
        {
            throw new FormatException($"'{text}' is not a timecode; expected HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame).");
        }

        var v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (v[0] > 23 || v[1] > 59 || v[2] > 59)
        {
            throw new FormatException($"'{text}' is not a timecode; expected hours 0-23, minutes and seconds 0-59.");
        }

        return new TimecodeLabel(v[0], v[1], v[2], v[3], s.Contains(';', StringComparison.Ordinal) || s.Contains(',', StringComparison.Ordinal));
    }

    /// <summary>
    /// The frame of day this label names at a clip's rate and counting, or null when the label does not exist there
    /// (frames past the rate's timecode base). The clip's counting wins over the separator typed: people write
    /// 01:00:00:00 for a drop-frame clip's 01:00:00;00. A label that drop-frame skips names the next one that exists.
    /// </summary>
    public long? FrameAt(FrameRate rate, bool dropFrame)
    {
        if (Frames >= rate.TimecodeBase)
        {
            return null;
        }

        // SMPTE ST 12-1 drop-frame skips labels 0 and 1 (2 and 3 at 59.94) at each minute not divisible by ten.
        var skipped = dropFrame ? rate.TimecodeBase / 15 : 0;
        var frames = skipped > 0 && Seconds == 0 && Minutes % 10 != 0 ? Math.Max(Frames, skipped) : Frames;
        return Timecode.FromParts(Hours, Minutes, Seconds, frames, rate, dropFrame).FrameOfDay;
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Hours:00}:{Minutes:00}:{Seconds:00}{(DropFrame ? ';' : ':')}{Frames:00}");
}

/// <summary>
/// A span of source timecode, first and last frames inclusive. With a <see cref="Rate"/> (an EDL's, say) it names
/// those frames at that rate; without one, each clip reads the labels at its own rate. Against a clip of the same
/// timecode base and counting (23.976 and 24, 29.97 DF and 29.97 DF) the labels compare directly, as editorial
/// matches source timecode; across bases the range is converted through exact time, frames × denominator / numerator seconds.
/// </summary>
public sealed record TimecodeRange(TimecodeLabel Start, TimecodeLabel End, FrameRate? Rate = null)
{
    /// <summary>The frames from <paramref name="start"/> to <paramref name="end"/> at their rate.</summary>
    public static TimecodeRange Of(Timecode start, Timecode end)
    {
        if (start.Rate != end.Rate)
        {
            throw new ArgumentException($"The range's ends are at different rates ({start.Rate} and {end.Rate}).", nameof(end));
        }

        return new TimecodeRange(TimecodeLabel.Of(start), TimecodeLabel.Of(end), start.Rate);
    }

    /// <summary>Parses <c>HH:MM:SS:FF</c> (one frame) or <c>HH:MM:SS:FF-HH:MM:SS:FF</c>, without a rate.</summary>
    public static TimecodeRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var start = TimecodeLabel.Parse(dash < 0 ? text : text[..dash]);
        var end = dash < 0 ? start : TimecodeLabel.Parse(text[(dash + 1)..]);
        return new TimecodeRange(start, end);
    }

    /// <summary>
    /// The range as frames of day at a clip's rate and counting, the end unwrapped past midnight when it comes
    /// before the start; null when the labels do not exist at that rate.
    /// </summary>
    public (long First, long Last)? FramesAt(FrameRate rate, bool dropFrame)
    {
        long? first, last;
        if (Rate is not { } own || (own.TimecodeBase == rate.TimecodeBase && Start.DropFrame == dropFrame && End.DropFrame == dropFrame))
        {
            first = Start.FrameAt(rate, dropFrame);
            last = End.FrameAt(rate, dropFrame);
        }
        else
        {
            first = Convert(Start.FrameAt(own, Start.DropFrame && own.SupportsDropFrame), own, rate);
            last = Convert(End.FrameAt(own, End.DropFrame && own.SupportsDropFrame), own, rate);
        }

        if (first is not { } f || last is not { } l)
        {
            return null;
        }

        var perDay = Timecode.FromFrames(0, rate, dropFrame).FramesPerDay;
        return (f, l < f ? l + perDay : l);
    }

    /// <inheritdoc />
    public override string ToString() => Start == End ? Start.ToString() : $"{Start}-{End}";

    // The frame showing at the instant the source frame starts: floor(frame × d1/n1 × n2/d2), exact in 128 bits.
    private static long? Convert(long? frame, FrameRate from, FrameRate to)
        => frame is { } f ? (long)((Int128)f * from.Denominator * to.Numerator / ((Int128)from.Numerator * to.Denominator)) : null;
}
