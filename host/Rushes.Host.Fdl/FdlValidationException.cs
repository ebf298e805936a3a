using Rushes.Contracts.Plugins;

namespace Rushes.Host.Fdl;

/// <summary>An FDL that is not valid, with every issue found (the first one named in the message).</summary>
public sealed class FdlValidationException : InputException
{
    /// <summary>Creates the error for a file and its issues.</summary>
    public FdlValidationException(string file, IReadOnlyList<FdlIssue> issues)
        : base(Describe(issues), file, issues.Count > 0 ? issues[0].Path : null, "a valid ASC FDL v2.0")
        => Issues = issues;

    /// <summary>Every issue found.</summary>
    public IReadOnlyList<FdlIssue> Issues { get; }

    private static string Describe(IReadOnlyList<FdlIssue> issues)
        => issues.Count switch
        {
            0 => "not a valid FDL.",
            1 => $"not a valid FDL: {issues[0]}",
            _ => $"not a valid FDL ({issues.Count} issues); first: {issues[0]}",
        };
}
