using System.Globalization;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Timecodes;

/// <summary>
/// Exact timecode arithmetic over <see cref="Timecode"/>: labels to frame counts and back with the
/// counting stated (not guessed from the separator), frame counts to seconds as rationals, and the same
/// instant at another rate. All integer or rational, so a day of 59.94 DF never drifts by a frame.
/// </summary>
public static class TimecodeMath
{
    /// <summary>
    /// Reads a label at a rate and counting. The separator before the frames may be ':' or ';' either way,
    /// because editors mix them; the counting is what the caller says. Labels that a drop-frame count skips
    /// (00:01:00;00) and fields out of range are refused with a <see cref="FormatException"/> saying why.
    /// </summary>
    public static Timecode Parse(string label, FrameRate rate, bool dropFrame)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (dropFrame && !rate.SupportsDropFrame)
        {
            throw new FormatException($"{rate} fps has no drop-frame timecode; drop-frame exists at 29.97 and 59.94 only.");
        }

        var parts = label.Trim().Split(':', ';', '.', ',');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit)))
        {
            throw new FormatException($"'{label}' is not a timecode; expected HH:MM:SS:FF{(dropFrame ? " (or HH:MM:SS;FF)" : string.Empty)}.");
        }

        var v = Array.ConvertAll(parts, p => int.Parse(p, CultureInfo.InvariantCulture));
        try
        {
            return Timecode.FromParts(v[0], v[1], v[2], v[3], rate, dropFrame);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // The contracts' message says which field and range; drop the ArgumentException's parameter suffix.
            throw new FormatException(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0], ex);
        }
    }

    /// <summary>Reads a label at a named rate (its counting included).</summary>
    public static Timecode Parse(string label, SmpteRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return Parse(label, rate.Rate, rate.DropFrame);
    }

    /// <summary>The label of a frame count since midnight, wrapped into one day.</summary>
    public static string Label(long frames, SmpteRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return Timecode.FromFrames(frames, rate.Rate, rate.DropFrame).ToString();
    }

    /// <summary>When frame <paramref name="frames"/> starts, in seconds: frames × denominator / numerator.</summary>
    public static Rational ToSeconds(long frames, FrameRate rate)
    {
        var numerator = checked(frames * rate.Denominator);
        return new Rational(numerator, rate.Numerator);
    }

    /// <summary>
    /// The frame showing at an instant: the largest frame that starts at or before <paramref name="seconds"/>
    /// (floor of seconds × rate, exact).
    /// </summary>
    public static long FrameAt(Rational seconds, FrameRate rate)
    {
        var scaled = (Int128)seconds.Numerator * rate.Numerator;
        var divisor = (Int128)seconds.Denominator * rate.Denominator;
        var quotient = scaled / divisor;
        if (scaled % divisor != 0 && scaled < 0)
        {
            quotient--;
        }

        return checked((long)quotient);
    }

    /// <summary>The frame at <paramref name="to"/> showing when frame <paramref name="frames"/> at <paramref name="from"/> starts.</summary>
    public static long ConvertFrames(long frames, FrameRate from, FrameRate to) => FrameAt(ToSeconds(frames, from), to);

    /// <summary>
    /// The same instant labelled at another rate and counting: both clocks read 00:00:00:00 at midnight,
    /// and the label is that of the frame showing when this one starts.
    /// </summary>
    public static Timecode Convert(Timecode timecode, SmpteRate to)
    {
        ArgumentNullException.ThrowIfNull(to);
        return Timecode.FromFrames(ConvertFrames(timecode.FrameOfDay, timecode.Rate, to.Rate), to.Rate, to.DropFrame);
    }

    /// <summary>The seconds since midnight at which the labelled frame starts.</summary>
    public static Rational Seconds(Timecode timecode) => ToSeconds(timecode.FrameOfDay, timecode.Rate);
}
