using System.Globalization;

namespace Rushes.Contracts.Parameters;

/// <summary>
/// A parameter a plugin declares (a decode parameter of a camera format, an option of a deliverable),
/// in the manner of FLAPI's DecodeParameterDefinition: name, type, choices, range and default.
/// Values travel as invariant text, so that jobs written in any language can set them.
/// </summary>
public sealed record ParameterDefinition
{
    /// <summary>The name used in jobs and on the command line, kebab-case (for example <c>debayer</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The value type.</summary>
    public required ParameterType Type { get; init; }

    /// <summary>What it does, in a sentence.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The value used when none is given, as invariant text; null when the parameter is required.</summary>
    public string? Default { get; init; }

    /// <summary>The smallest allowed value, for numbers.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed value, for numbers.</summary>
    public double? Maximum { get; init; }

    /// <summary>The allowed values, for choices.</summary>
    public IReadOnlyList<ParameterChoice> Choices { get; init; } = [];

    /// <summary>Checks a value against this definition; returns null when it is valid, or what was expected.</summary>
    public string? Check(string? value)
    {
        if (value is null)
        {
            return Default is null ? $"a value for required parameter '{Name}'" : null;
        }

        switch (Type)
        {
            case ParameterType.Boolean:
                return bool.TryParse(value, out _) ? null : "true or false";
            case ParameterType.Integer:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? CheckRange(l) : $"a whole number{RangeText()}";
            case ParameterType.Number:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? CheckRange(d) : $"a number{RangeText()}";
            case ParameterType.Choice:
                return Choices.Any(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase)) ? null : $"one of {string.Join(", ", Choices.Select(c => c.Value))}";
            default:
                return null;
        }
    }

    private string? CheckRange(double value)
        => (Minimum is { } min && value < min) || (Maximum is { } max && value > max) ? $"a value{RangeText()}" : null;

    private string RangeText() => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $" from {min} to {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $" of at least {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $" of at most {max}"),
        _ => string.Empty,
    };
}
