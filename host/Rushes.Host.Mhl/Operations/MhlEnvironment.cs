using System.Reflection;

namespace Rushes.Host.Mhl.Operations;

/// <summary>
/// What a generation records about where and when it was made. Inject a fixed clock and host name for
/// reproducible output (the shared scenarios use 2020-01-16 09:15:00 UTC, <c>myHost.local</c>,
/// <c>ascmhl.py</c> <c>0.3 alpha</c>).
/// </summary>
/// <param name="Clock">The time source; times are written in UTC, to the second.</param>
/// <param name="HostName">The <c>hostname</c> element.</param>
/// <param name="ToolName">The <c>tool</c> element.</param>
/// <param name="ToolVersion">The tool's <c>version</c> attribute.</param>
public sealed record MhlEnvironment(TimeProvider Clock, string HostName, string ToolName, string ToolVersion)
{
    /// <summary>The system clock, this computer's name, and Rushes with its version.</summary>
    public static MhlEnvironment System { get; } = new(
        TimeProvider.System,
        global::System.Environment.MachineName,
        "rushes",
        typeof(MhlEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>Now, in UTC, to the second.</summary>
    internal DateTimeOffset Now() => Xml.MhlDates.WholeSeconds(Clock.GetUtcNow().ToUniversalTime());
}
