namespace Rushes.Host.Specs;

/// <summary>
/// The variables a spec template sees for a job's <c>NAME=VALUE</c> pairs: each on its own, so that
/// a missing required one is an error at its line, and all of them under <c>vars</c>, so that
/// optional ones read as <c>vars.plate ?? "PL01"</c>.
/// </summary>
public static class SpecVariables
{
    public static Dictionary<string, object?> From(IEnumerable<KeyValuePair<string, string>> values)
    {
        var vars = values.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        return new Dictionary<string, object?>(vars, StringComparer.Ordinal) { ["vars"] = vars };
    }
}
