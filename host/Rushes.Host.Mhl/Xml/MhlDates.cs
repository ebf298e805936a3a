using System.Globalization;

namespace Rushes.Host.Mhl.Xml;

/// <summary>
/// Dates as ASC MHL writes them: ISO 8601 with an explicit offset, whole seconds unless the value has a
/// fraction (the reference writes <c>2020-01-16T09:15:00+00:00</c>).
/// </summary>
public static class MhlDates
{
    /// <summary>The text of a date.</summary>
    public static string Format(DateTimeOffset value)
        => value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>A date truncated to whole seconds, as manifests record file times.</summary>
    public static DateTimeOffset WholeSeconds(DateTimeOffset value)
        => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);

    /// <summary>Parses an xs:dateTime; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset Parse(string text)
        => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The generation file-name stamp, e.g. <c>2020-01-17_143000Z</c> (UTC).</summary>
    public static string FileStamp(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'_'HHmmss'Z'", CultureInfo.InvariantCulture);
}
