using System.Reflection;
using Rushes.Contracts;

namespace Rushes.Host;

/// <summary>The versions this host reports and checks plugins against.</summary>
public static class HostInfo
{
    /// <summary>The host's SemVer version.</summary>
    public static SemanticVersion Version { get; } = SemanticVersion.Parse(
        typeof(HostInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>The contracts version the host ships and shares with plugins.</summary>
    public static SemanticVersion ContractsVersion { get; } = SemanticVersion.Parse(
        typeof(ContractsInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}
