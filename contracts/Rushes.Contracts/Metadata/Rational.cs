using System.Globalization;
using System.Numerics;

namespace Rushes.Contracts.Metadata;

/// <summary>An exact fraction, kept in lowest terms with a positive denominator.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    /// <summary>Makes <paramref name="numerator"/>/<paramref name="denominator"/> in lowest terms.</summary>
    public Rational(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A rational's denominator cannot be zero.");
        }

        if (denominator < 0)
        {
            numerator = checked(-numerator);
            denominator = checked(-denominator);
        }

        var gcd = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        _numerator = gcd > 1 ? numerator / gcd : numerator;
        _denominator = gcd > 1 ? denominator / gcd : denominator;
    }

    // Zero in a default value, which then reads as 0/1.
    private readonly long _numerator;
    private readonly long _denominator;

    /// <summary>The numerator (carries the sign).</summary>
    public long Numerator => _numerator;

    /// <summary>The denominator, always positive (1 for a default value).</summary>
    public long Denominator => _denominator == 0 ? 1 : _denominator;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => (double)Numerator / Denominator;

    /// <summary>Parses <c>n/d</c>, an integer, or a decimal (made exact: <c>0.5</c> is 1/2).</summary>
    public static Rational Parse(string text)
        => TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a rational number; expected 'n/d', an integer or a decimal.");

    /// <summary>Parses <c>n/d</c>, an integer, or a decimal.</summary>
    public static bool TryParse(string? text, out Rational value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (long.TryParse(text.AsSpan(0, slash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                && long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d != 0)
            {
                value = new Rational(n, d);
                return true;
            }

            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec))
        {
            return false;
        }

        long den = 1;
        while (decimal.Truncate(dec) != dec && den < 1_000_000_000_000L)
        {
            if (Math.Abs(dec) > 1e27m)
            {
                return false;
            }

            dec *= 10;
            den *= 10;
        }

        if (dec is > long.MaxValue or < long.MinValue)
        {
            return false;
        }

        value = new Rational((long)decimal.Truncate(dec), den);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <inheritdoc />
    public int CompareTo(Rational other)
        => ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    /// <summary><c>n/d</c>, or just <c>n</c> when the denominator is 1.</summary>
    public override string ToString()
        => Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Equality.</summary>
    public static bool operator ==(Rational left, Rational right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Rational left, Rational right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;
}
