namespace Rushes.Contracts;

/// <summary>Identifies this build of the contracts, so hosts and plugins can check they agree.</summary>
public static class ContractsInfo
{
    /// <summary>The SemVer version of the contracts assembly this code was compiled from.</summary>
    public static Version Version { get; } = typeof(ContractsInfo).Assembly.GetName().Version ?? new Version(1, 0);

    /// <summary>The major version: plugins and host must agree on it.</summary>
    public static int Major => Version.Major;
}
