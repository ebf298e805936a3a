using System.Globalization;
using Rushes.Contracts.Time;

namespace Rushes.Contracts.Metadata;

/// <summary>
/// One immutable metadata value with its unit. A field that the source lacks is a
/// <see cref="MetadataValueKind.Missing"/> value with a reason, never a guess.
/// </summary>
public sealed class MetadataValue : IEquatable<MetadataValue>
{
    private readonly object? _value;

    private MetadataValue(MetadataValueKind kind, object? value, MetadataUnit unit, string? missingReason = null)
    {
        Kind = kind;
        _value = value;
        Unit = unit;
        MissingReason = missingReason;
    }

    /// <summary>What the value holds.</summary>
    public MetadataValueKind Kind { get; }

    /// <summary>Its unit, or <see cref="MetadataUnit.None"/>.</summary>
    public MetadataUnit Unit { get; }

    /// <summary>Why a missing value is missing.</summary>
    public string? MissingReason { get; }

    /// <summary>True unless the value is missing.</summary>
    public bool IsPresent => Kind != MetadataValueKind.Missing;

    /// <summary>A missing field, with the reason.</summary>
    public static MetadataValue Missing(string reason) => new(MetadataValueKind.Missing, null, MetadataUnit.None, reason);

    /// <summary>Text.</summary>
    public static MetadataValue Of(string text) => new(MetadataValueKind.Text, text ?? throw new ArgumentNullException(nameof(text)), MetadataUnit.None);

    /// <summary>A whole number with a unit.</summary>
    public static MetadataValue Of(long value, MetadataUnit unit) => new(MetadataValueKind.Integer, value, unit);

    /// <summary>A real number with a unit.</summary>
    public static MetadataValue Of(double value, MetadataUnit unit) => new(MetadataValueKind.Number, value, unit);

    /// <summary>A fraction with a unit.</summary>
    public static MetadataValue Of(Rational value, MetadataUnit unit) => new(MetadataValueKind.Rational, value, unit);

    /// <summary>True or false.</summary>
    public static MetadataValue Of(bool value) => new(MetadataValueKind.Boolean, value, MetadataUnit.None);

    /// <summary>A timecode.</summary>
    public static MetadataValue Of(Timecode value) => new(MetadataValueKind.Timecode, value, MetadataUnit.None);

    /// <summary>A date and time.</summary>
    public static MetadataValue Of(DateTimeOffset value) => new(MetadataValueKind.DateTime, value, MetadataUnit.None);

    /// <summary>A list of numbers with a unit.</summary>
    public static MetadataValue Of(IReadOnlyList<double> values, MetadataUnit unit)
        => new(MetadataValueKind.NumberList, (values ?? throw new ArgumentNullException(nameof(values))).ToArray(), unit);

    /// <summary>Uninterpreted bytes.</summary>
    public static MetadataValue Of(ReadOnlyMemory<byte> bytes) => new(MetadataValueKind.Bytes, bytes.ToArray(), MetadataUnit.None);

    /// <summary>The text, when <see cref="Kind"/> is Text.</summary>
    public string? AsText() => _value as string;

    /// <summary>The number as a double, for Integer, Number and Rational values.</summary>
    public double? AsDouble() => _value switch
    {
        long l => l,
        double d => d,
        Rational r => r.ToDouble(),
        _ => null,
    };

    /// <summary>The whole number, for Integer values.</summary>
    public long? AsInteger() => _value is long l ? l : null;

    /// <summary>The fraction, for Rational and Integer values.</summary>
    public Rational? AsRational() => _value switch
    {
        Rational r => r,
        long l => new Rational(l, 1),
        _ => null,
    };

    /// <summary>The flag, for Boolean values.</summary>
    public bool? AsBoolean() => _value is bool b ? b : null;

    /// <summary>The timecode, for Timecode values.</summary>
    public Timecode? AsTimecode() => _value is Timecode t ? t : null;

    /// <summary>The date, for DateTime values.</summary>
    public DateTimeOffset? AsDateTime() => _value is DateTimeOffset d ? d : null;

    /// <summary>The numbers, for NumberList values.</summary>
    public IReadOnlyList<double>? AsNumberList() => _value is double[] list ? Array.AsReadOnly(list) : null;

    // The cast matters: a bare null would convert to an empty ReadOnlyMemory through byte[], not to a null.
    /// <summary>The bytes, for Bytes values.</summary>
    public ReadOnlyMemory<byte>? AsBytes() => _value is byte[] b ? new ReadOnlyMemory<byte>(b) : (ReadOnlyMemory<byte>?)null;

    /// <summary>The value as invariant text, with its unit; a missing value reads <c>Missing (reason)</c>.</summary>
    public override string ToString()
    {
        var text = _value switch
        {
            null => $"Missing ({MissingReason})",
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTimeOffset dt => dt.ToString("O", CultureInfo.InvariantCulture),
            double[] list => string.Join(' ', list.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            byte[] bytes => $"{bytes.Length} bytes",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var o => o.ToString() ?? string.Empty,
        };
        return string.IsNullOrEmpty(Unit.Symbol) ? text : $"{text} {Unit.Symbol}";
    }

    /// <inheritdoc />
    public bool Equals(MetadataValue? other)
    {
        if (other is null || Kind != other.Kind || Unit != other.Unit || MissingReason != other.MissingReason)
        {
            return false;
        }

        return (_value, other._value) switch
        {
            (double[] a, double[] b) => a.AsSpan().SequenceEqual(b),
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            var (a, b) => Equals(a, b),
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetadataValue);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Unit, _value is Array ? 0 : _value?.GetHashCode() ?? 0);
}
