namespace Rushes.Contracts.Plugins;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>For information only.</summary>
    Info,

    /// <summary>The work went on, but the user should know.</summary>
    Warning,

    /// <summary>The work could not be done.</summary>
    Error,
}

/// <summary>
/// A finding about input, worded for the user: which file, which field, and what was expected.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>How serious it is.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>What is wrong, in a sentence.</summary>
    public required string Message { get; init; }

    /// <summary>A stable, searchable code such as <c>dng.tile-offset-out-of-range</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The file the finding is about, when there is one.</summary>
    public string? File { get; init; }

    /// <summary>The field, tag, JSON path or option name the finding is about.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected there.</summary>
    public string? Expected { get; init; }

    /// <summary>A warning.</summary>
    public static Diagnostic Warning(string message, string? file = null, string? field = null, string? expected = null)
        => new() { Severity = DiagnosticSeverity.Warning, Message = message, File = file, Field = field, Expected = expected };

    /// <summary>An error.</summary>
    public static Diagnostic Error(string message, string? file = null, string? field = null, string? expected = null)
        => new() { Severity = DiagnosticSeverity.Error, Message = message, File = file, Field = field, Expected = expected };

    /// <summary>One line: <c>file: field: message (expected ...)</c>.</summary>
    public override string ToString()
    {
        var where = string.Join(": ", new[] { File, Field }.Where(s => !string.IsNullOrEmpty(s)));
        var text = where.Length > 0 ? $"{where}: {Message}" : Message;
        return Expected is null ? text : $"{text} (expected {Expected})";
    }
}
