namespace Rushes.Host.Fdl;

/// <summary>One finding of validation, at a JSON path such as <c>$.contexts[0].canvases[1].source_canvas_id</c>.</summary>
/// <param name="Path">Where, as a JSON path.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Rule">The rule broken: <c>json</c>, <c>schema</c> or a named cross-check.</param>
public sealed record FdlIssue(string Path, string Message, string Rule)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
