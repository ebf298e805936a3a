using System.Globalization;
using Rushes.Contracts.Metadata;

namespace Rushes.Contracts.Time;

/// <summary>
/// A frame rate as an exact rational, so that 23.976 is 24000/1001 and timecode arithmetic never drifts.
/// </summary>
public readonly struct FrameRate : IEquatable<FrameRate>
{
    /// <summary>Makes a rate of <paramref name="numerator"/>/<paramref name="denominator"/> frames per second.</summary>
    public FrameRate(long numerator, long denominator)
    {
        if (numerator <= 0 || denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"A frame rate must be positive; got {numerator}/{denominator}.");
        }

        var r = new Rational(numerator, denominator);
        Numerator = r.Numerator;
        Denominator = r.Denominator;
    }

    /// <summary>Frames per second, numerator.</summary>
    public long Numerator { get; }

    /// <summary>Frames per second, denominator.</summary>
    public long Denominator { get; }

    /// <summary>The rate as a rational.</summary>
    public Rational AsRational => new(Numerator, Denominator);

    /// <summary>The rate as a double.</summary>
    public double FramesPerSecond => (double)Numerator / Denominator;

    /// <summary>The integer frame count per timecode second: 24 for 23.976, 30 for 29.97.</summary>
    public int TimecodeBase => Denominator == 0 ? 0 : (int)((Numerator + (Denominator / 2)) / Denominator);

    /// <summary>True for the NTSC-family rates (x/1001), where drop-frame timecode exists at 30 and 60.</summary>
    public bool IsNtscFamily => Denominator == 1001;

    /// <summary>True when SMPTE drop-frame timecode is defined for this rate (29.97 and 59.94).</summary>
    public bool SupportsDropFrame => IsNtscFamily && TimecodeBase is 30 or 60;

    /// <summary>23.976 (24000/1001).</summary>
    public static FrameRate Fps23_976 { get; } = new(24000, 1001);

    /// <summary>24.</summary>
    public static FrameRate Fps24 { get; } = new(24, 1);

    /// <summary>25.</summary>
    public static FrameRate Fps25 { get; } = new(25, 1);

    /// <summary>29.97 (30000/1001).</summary>
    public static FrameRate Fps29_97 { get; } = new(30000, 1001);

    /// <summary>30.</summary>
    public static FrameRate Fps30 { get; } = new(30, 1);

    /// <summary>48.</summary>
    public static FrameRate Fps48 { get; } = new(48, 1);

    /// <summary>50.</summary>
    public static FrameRate Fps50 { get; } = new(50, 1);

    /// <summary>59.94 (60000/1001).</summary>
    public static FrameRate Fps59_94 { get; } = new(60000, 1001);

    /// <summary>60.</summary>
    public static FrameRate Fps60 { get; } = new(60, 1);

    /// <summary>
    /// Parses <c>24000/1001</c>, <c>24</c>, or a decimal. A decimal within 0.01 of an NTSC rate
    /// (23.976, 23.98, 29.97, 47.952, 59.94, 119.88) is taken as that exact rate, because that is
    /// how cameras and editors round them.
    /// </summary>
    public static FrameRate Parse(string text)
        => TryParse(text, out var rate) ? rate : throw new FormatException($"'{text}' is not a frame rate; expected 'n/d' (24000/1001), an integer (24) or a decimal (23.976).");

    /// <summary>Parses a frame rate; see <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, out FrameRate rate)
    {
        rate = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (Rational.TryParse(text, out var r) && r.Numerator > 0)
            {
                rate = new FrameRate(r.Numerator, r.Denominator);
                return true;
            }

            return false;
        }

        // Below a millionth of a frame a second the six-decimal form of FromDouble would round to zero.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fps) || !(fps >= 1e-6) || fps > 10_000)
        {
            return false;
        }

        rate = FromDouble(fps);
        return true;
    }

    /// <summary>The exact rate nearest to <paramref name="fps"/>, snapping to an NTSC rate when within 0.01.</summary>
    public static FrameRate FromDouble(double fps)
    {
        if (!(fps > 0) || double.IsInfinity(fps))
        {
            throw new ArgumentOutOfRangeException(nameof(fps), $"A frame rate must be positive and finite; got {fps}.");
        }

        var whole = Math.Round(fps);
        if (whole >= 1 && Math.Abs(fps - whole) < 1e-6)
        {
            return new FrameRate((long)whole, 1);
        }

        var ntscBase = Math.Round(fps * 1001 / 1000);
        if (ntscBase >= 1 && Math.Abs(fps - (ntscBase * 1000 / 1001)) < 0.01)
        {
            return new FrameRate((long)ntscBase * 1000, 1001);
        }

        var r = Rational.Parse(fps.ToString("0.######", CultureInfo.InvariantCulture));
        if (r.Numerator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), $"A frame rate must be at least 0.000001 fps; got {fps}.");
        }

        return new FrameRate(r.Numerator, r.Denominator);
    }

    /// <inheritdoc />
    public bool Equals(FrameRate other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FrameRate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary><c>24000/1001</c> or <c>24</c>.</summary>
    public override string ToString()
        => Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Equality.</summary>
    public static bool operator ==(FrameRate left, FrameRate right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FrameRate left, FrameRate right) => !left.Equals(right);
}
