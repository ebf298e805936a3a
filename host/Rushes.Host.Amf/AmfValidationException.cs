using Rushes.Contracts.Plugins;

namespace Rushes.Host.Amf;

/// <summary>An AMF that is not valid, with every issue found.</summary>
public sealed class AmfValidationException : InputException
{
    /// <summary>Creates the error for a file and its issues.</summary>
    public AmfValidationException(string file, IReadOnlyList<AmfIssue> issues)
        : base(issues.Count switch
        {
            0 => "not a valid AMF.",
            1 => $"not a valid AMF: {issues[0]}",
            _ => $"not a valid AMF ({issues.Count} issues); first: {issues[0]}",
        }, file, issues.Count > 0 && issues[0].Line > 0 ? $"line {issues[0].Line}" : null, "a valid ACES Metadata File (v1.0 or v2.0)")
        => Issues = issues;

    /// <summary>Every issue found.</summary>
    public IReadOnlyList<AmfIssue> Issues { get; }
}
