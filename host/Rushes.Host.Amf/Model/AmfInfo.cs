namespace Rushes.Host.Amf.Model;

/// <summary>A person credited in an AMF.</summary>
public sealed record AmfAuthor(string Name, string EmailAddress);

/// <summary>Creation and modification times, kept as written (xs:dateTime, with or without a zone).</summary>
public sealed record AmfDateTime(string Created, string Modified)
{
    /// <summary>Both set to one UTC instant, as written for a new document.</summary>
    public static AmfDateTime At(DateTimeOffset instant)
    {
        var text = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new AmfDateTime(text, text);
    }
}

/// <summary>The <c>amfInfo</c> or <c>pipelineInfo</c> header: description, authors, times and uuid.</summary>
public sealed record AmfInfo
{
    /// <summary>What it is.</summary>
    public string? Description { get; init; }

    /// <summary>Who made it.</summary>
    public IReadOnlyList<AmfAuthor> Authors { get; init; } = [];

    /// <summary>When.</summary>
    public required AmfDateTime DateTime { get; init; }

    /// <summary>A <c>urn:uuid:</c> identifier (required in v2, optional in v1).</summary>
    public string? Uuid { get; init; }
}

/// <summary>The ACES system version a pipeline was made for.</summary>
public sealed record AmfSystemVersion(int Major, int Minor, int Patch)
{
    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
