namespace Rushes.Cli;

/// <summary>
/// The exit codes every rushes command uses. Scripts may rely on them: they only ever gain new values.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, and what it checked is not right (a failed verification, a missing file).</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>An input is bad: a file is missing, malformed, or holds values out of range.</summary>
    public const int Input = 3;

    /// <summary>The set-up is wrong: configuration, plugins missing or refused, an output that cannot be written.</summary>
    public const int Environment = 4;

    /// <summary>A plugin failed; it was taken out of service.</summary>
    public const int PluginFault = 5;

    /// <summary>Interrupted by the user or a signal.</summary>
    public const int Cancelled = 130;

    /// <summary>A fault in Rushes itself: please report it, with the output of --verbose.</summary>
    public const int Internal = 70;
}
