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

    /// <summary>Every violation as "JSON pointer: message"; empty when the document is valid. Safe to call from many threads.</summary>
    public static IReadOnlyList<string> Validate(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var element = JsonSerializer.SerializeToElement(document);

        // The flag answer builds no annotations or details, which is most of the cost; only an invalid
        // document (rare) is evaluated again for the list that says what is wrong.
        if (Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        var result = Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ('{e.Key}')"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static JsonSchema Load() => JsonSchema.FromText(SchemaText);
}
