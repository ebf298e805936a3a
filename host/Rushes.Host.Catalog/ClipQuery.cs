using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Host.Metadata;

namespace Rushes.Host.Catalog;

/// <summary>What to search for; every criterion given must hold.</summary>
public sealed record ClipQuery
{
    /// <summary>The reel, exactly.</summary>
    public string? Reel { get; init; }

    /// <summary>A camera: its letter, model or serial, exactly.</summary>
    public string? Camera { get; init; }

    /// <summary>Clips whose source timecode overlaps this range (per reel when <see cref="Reel"/> is given).</summary>
    public TimecodeRange? Timecode { get; init; }

    /// <summary>Normalized fields that must have these values.</summary>
    public IReadOnlyList<FieldCondition> Where { get; init; } = [];

    /// <summary>Clips from this card only (its full path).</summary>
    public string? Card { get; init; }

    /// <summary>
    /// Clips that may be named by this text, ignoring case: the reel, the clip name or a part of the path (the
    /// clip's file name is one) starts with it. An editor's reel finds its clips without reading them all.
    /// </summary>
    public string? Named { get; init; }
}

/// <summary>
/// <c>field.path=value</c> against the normalized v1 document. A schema field (<c>clip.reel</c>, <c>exposure.iso</c>,
/// <c>clip.capture_fps</c>) compares its value by the field's kind: text exactly, numbers numerically, fractions as
/// fractions (<c>24000/1001</c>, <c>24</c>). <c>format_key</c> compares the camera-format key; any other path of plain
/// names (<c>timecode.in.rate.num</c>) compares that member's text.
/// </summary>
public sealed partial record FieldCondition(IReadOnlyList<string> Path, FieldKind Kind, string Value)
{
    /// <summary>Parses <c>FIELD=VALUE</c>.</summary>
    public static FieldCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new FormatException($"'{text}' is not a condition; expected FIELD=VALUE, such as clip.reel=A001 or exposure.iso=800.");
        }

        var field = text[..eq].Trim();
        var value = text[(eq + 1)..].Trim();
        var segments = field.Split('.');
        if (segments.Any(s => !Name().IsMatch(s)))
        {
            throw new FormatException($"'{field}' is not a field path; expected names of letters, digits and '_' joined by '.', such as camera.serial.");
        }

        if (field == "format_key")
        {
            return new FieldCondition(["format_key", "value"], FieldKind.Text, value);
        }

        if (ClipSchemaV1.Fields.FirstOrDefault(f => f.Key == field) is { } known)
        {
            var condition = new FieldCondition([.. segments, "value"], known.Kind, value);
            condition.Check(field);
            return condition;
        }

        var groups = ClipSchemaV1.Fields.Select(f => f.Group).Append("tracks").Distinct();
        if (segments.Length < 3 || !groups.Contains(segments[0], StringComparer.Ordinal))
        {
            throw new FormatException($"'{field}' is not a field of the clip schema v1; expected one of {string.Join(", ", ClipSchemaV1.Fields.Select(f => f.Key))}, format_key, or a path inside one (timecode.in.rate.num).");
        }

        return new FieldCondition(segments, FieldKind.Text, value);
    }

    /// <summary>The value as a number, for numeric fields.</summary>
    internal double Number => double.Parse(Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as a fraction, for fraction fields.</summary>
    internal (long Numerator, long Denominator) Fraction
    {
        get
        {
            var slash = Value.IndexOf('/', StringComparison.Ordinal);
            return slash < 0
                ? (long.Parse(Value, CultureInfo.InvariantCulture), 1)
                : (long.Parse(Value[..slash], CultureInfo.InvariantCulture), long.Parse(Value[(slash + 1)..], CultureInfo.InvariantCulture));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{string.Join('.', Path.Take(Path.Count - (Path[^1] == "value" ? 1 : 0)))}={Value}";

    private void Check(string field)
    {
        var ok = Kind switch
        {
            FieldKind.Integer or FieldKind.Number => double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
            FieldKind.Rational => RationalText().IsMatch(Value) && !Value.EndsWith("/0", StringComparison.Ordinal),
            FieldKind.Cdl => false,
            _ => true,
        };
        if (!ok)
        {
            throw new FormatException(Kind switch
            {
                FieldKind.Rational => $"{field}={Value}: expected a fraction N/D or a whole number, such as 24000/1001 or 24.",
                FieldKind.Cdl => $"{field} holds ten CDL numbers and cannot be searched by value.",
                _ => $"{field}={Value}: expected a number.",
            });
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^-?\d{1,18}(/\d{1,18})?$")]
    private static partial Regex RationalText();
}
