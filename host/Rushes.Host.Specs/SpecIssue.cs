namespace Rushes.Host.Specs;

/// <summary>
/// One problem with a spec: where it is (the template's line and column, or the rendered spec's
/// line and field path) and what was expected.
/// </summary>
public sealed record SpecIssue(string Message, string? File = null, int? Line = null, int? Column = null, string? Field = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = File ?? "spec";
        if (Line is { } line)
        {
            where += Column is { } column ? $"({line},{column})" : $"({line})";
        }

        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
