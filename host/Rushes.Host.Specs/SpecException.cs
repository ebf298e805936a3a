using Rushes.Contracts.Plugins;

namespace Rushes.Host.Specs;

/// <summary>A spec that cannot be rendered, read or validated; every issue is listed.</summary>
public sealed class SpecException : InputException
{
    public SpecException(IReadOnlyList<SpecIssue> issues, string? expected = null)
        : base(Describe(issues), issues.Count > 0 ? issues[0].File : null, issues.Count > 0 ? issues[0].Field : null, expected)
    {
        Issues = issues;
    }

    public SpecException(SpecIssue issue, string? expected = null)
        : this([issue], expected)
    {
    }

    public IReadOnlyList<SpecIssue> Issues { get; }

    private static string Describe(IReadOnlyList<SpecIssue> issues) => issues.Count switch
    {
        0 => "The deliverable spec is invalid.",
        1 => issues[0].ToString(),
        _ => $"The deliverable spec has {issues.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", issues),
    };
}
