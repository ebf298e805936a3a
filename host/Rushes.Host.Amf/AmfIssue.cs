namespace Rushes.Host.Amf;

/// <summary>One finding of AMF validation, at a line of the file.</summary>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Position">The 1-based column, or 0.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Rule">The rule broken: <c>xml</c>, <c>schema</c> or a named check.</param>
public sealed record AmfIssue(int Line, int Position, string Message, string Rule)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"line {Line}, column {Position}: {Message}" : Message;
}
