namespace Rushes.Contracts.Plugins;

/// <summary>
/// Thrown by a plugin when its input is bad: a malformed file, a value out of range, an unsupported
/// variant. The host shows the message to the user, without a stack trace, and does not hold the
/// plugin at fault. Any other exception from a plugin counts as a plugin fault.
/// </summary>
public class InputException : Exception
{
    /// <summary>Creates an input error that names the file, the field and what was expected.</summary>
    public InputException(string message, string? file = null, string? field = null, string? expected = null, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Field = field;
        Expected = expected;
    }

    /// <summary>Creates an input error.</summary>
    public InputException() : this("Invalid input.") { }

    /// <summary>Creates an input error.</summary>
    public InputException(string message) : this(message, file: null) { }

    /// <summary>Creates an input error.</summary>
    public InputException(string message, Exception inner) : this(message, null, null, null, inner) { }

    /// <summary>The file at fault, when known.</summary>
    public string? File { get; }

    /// <summary>The field, tag or option at fault, when known.</summary>
    public string? Field { get; }

    /// <summary>What was expected, when it can be said.</summary>
    public string? Expected { get; }

    /// <summary>The same finding as a <see cref="Plugins.Diagnostic"/>.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Error(Message, File, Field, Expected);
}
