using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Queue;

/// <summary>How a failed unit is answered (docs/QUEUE.md, "Failures").</summary>
public enum FailureClass
{
    /// <summary>The environment (an output folder not writable now, a full disk, a unit held by another process): nak with a delay.</summary>
    Transient,

    /// <summary>The input (bad media, an unsupported camera, a bad spec, a plugin that faults on it): every retry fails the same way, so terminate.</summary>
    Deterministic,

    /// <summary>Anything else, treated as a crash would be: no answer, so the server redelivers it after its ack wait.</summary>
    Crash,
}

public static class Failures
{
    public static FailureClass Sort(Exception exception) => exception switch
    {
        InputException or PluginFaultException => FailureClass.Deterministic,
        IOException or UnauthorizedAccessException => FailureClass.Transient,
        _ => FailureClass.Crash,
    };

    public static string Name(FailureClass failure) => failure switch
    {
        FailureClass.Transient => "transient",
        FailureClass.Deterministic => "deterministic",
        _ => "crash",
    };
}
