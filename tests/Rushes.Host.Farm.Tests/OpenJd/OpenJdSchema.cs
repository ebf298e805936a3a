using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Rushes.Host.Farm.Tests.OpenJd;

/// <summary>Our JSON Schema of the OpenJD 2023-09 job template (jobtemplate-2023-09.schema.json), then <see cref="OpenJdRules"/>.</summary>
public static class OpenJdSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenJd", "jobtemplate-2023-09.schema.json"))));

    /// <summary>Every schema violation and broken rule of a job template; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? template)
    {
        using var document = JsonDocument.Parse(template?.ToJsonString() ?? "null");
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            return [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({e.Key})")).Distinct()];
        }

        return OpenJdRules.Check(template!.AsObject());
    }
}
