using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Rushes.Host.Metadata;

/// <summary>Validates documents against the published clip schema v1, embedded in this assembly.</summary>
public static class ClipSchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema text, as published in docs/schema/clip-v1.schema.json.</summary>
    public static string SchemaText
    {
        get
        {
            using var stream = typeof(ClipSchemaValidator).Assembly.GetManifestResourceStream("Rushes.Host.Metadata.clip-v1.schema.json")
                ?? throw new InvalidOperationException("The clip schema v1 is not embedded in Rushes.Host.Metadata.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Every violation as "JSON pointer: message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        var result = Schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ('{e.Key}')"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static JsonSchema Load() => JsonSchema.FromText(SchemaText);
}
