namespace Rushes.Host.Specs.Templates;

/// <summary>
/// The bounds a spec template renders within. A template comes from a show's repository or a
/// partner, so it is treated as untrusted code: every limit reached is an error, never a silent
/// truncation.
/// </summary>
public sealed record SandboxLimits
{
    public static SandboxLimits Default { get; } = new();

    /// <summary>Iterations of any one loop.</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>Nested function calls (template functions and includes).</summary>
    public int RecursionLimit { get; init; } = 32;

    /// <summary>Nesting of statements and expressions the parser accepts (a guard against stack exhaustion).</summary>
    public int ExpressionDepthLimit { get; init; } = 64;

    /// <summary>Rendered output, in characters.</summary>
    public int OutputLimit { get; init; } = 1 << 20;

    /// <summary>Template source size, in bytes, read before parsing.</summary>
    public int SourceLimit { get; init; } = 256 * 1024;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
}
