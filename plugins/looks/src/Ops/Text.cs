using System.Globalization;

namespace Rushes.Plugins.Looks.Ops;

/// <summary>Invariant, round-trippable number text for summaries and writers.</summary>
internal static class Text
{
    public static string Of(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Of(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Of(double? value) => value is { } v ? Of(v) : "-";

    public static string Join(IEnumerable<double> values) => string.Join(' ', values.Select(Of));

    public static string Join(IEnumerable<float> values) => string.Join(' ', values.Select(Of));

    /// <summary>An enum name as CLF spells it: the first letter in lower case (LinToLog → linToLog).</summary>
    public static string CamelStyle(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
