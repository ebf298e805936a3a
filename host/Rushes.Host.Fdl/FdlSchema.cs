using System.Text.Json;
using Json.Schema;

namespace Rushes.Host.Fdl;

/// <summary>The ASC's JSON Schema for FDL v2.0.1, embedded at build time when the conformance data was present.</summary>
internal static class FdlSchema
{
    private static readonly Lazy<JsonSchema?> Schema = new(Load);

    /// <summary>True when the schema is built in; otherwise only the cross-checks in code run.</summary>
    public static bool IsAvailable => Schema.Value is not null;

    private static JsonSchema? Load()
    {
        using var stream = typeof(FdlSchema).Assembly.GetManifestResourceStream("ascfdl.schema.v2.0.1.json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }

    /// <summary>Schema violations, each at its instance path.</summary>
    public static IEnumerable<FdlIssue> Evaluate(JsonElement root)
    {
        if (Schema.Value is not { } schema)
        {
            yield break;
        }

        var result = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                var path = "$" + ToDotted(detail.InstanceLocation.ToString());
                var text = $"{message} (schema keyword '{keyword}')";
                if (seen.Add(path + text))
                {
                    yield return new FdlIssue(path, text, "schema");
                }
            }
        }
    }

    /// <summary>Turns a JSON Pointer (<c>/contexts/0/label</c>) into a JSON path (<c>.contexts[0].label</c>).</summary>
    private static string ToDotted(string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => p.All(char.IsAsciiDigit) ? $"[{p}]" : "." + p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
    }
}
