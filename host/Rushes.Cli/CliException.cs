namespace Rushes.Cli;

/// <summary>An error a command reports with its own exit code.</summary>
public sealed class CliException(int exitCode, string message, string? file = null, string? field = null, string? expected = null) : Exception(message)
{
    /// <summary>The exit code to end with.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The file at fault.</summary>
    public string? File { get; } = file;

    /// <summary>The field at fault.</summary>
    public string? Field { get; } = field;

    /// <summary>What was expected.</summary>
    public string? Expected { get; } = expected;
}
