using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Cli;

/// <summary>Metadata as JSON: each value as <c>{"value": …, "unit": …}</c>, or <c>{"missing": reason}</c>.</summary>
public static class MetadataJson
{
    /// <summary>A set as an object, in the set's order.</summary>
    public static JsonObject ToJson(MetadataSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var node = new JsonObject();
        foreach (var (key, value) in set)
        {
            node[key] = ToJson(value);
        }

        return node;
    }

    /// <summary>One value.</summary>
    public static JsonNode ToJson(MetadataValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.IsPresent)
        {
            return new JsonObject { ["missing"] = value.MissingReason };
        }

        JsonNode? raw = value.Kind switch
        {
            MetadataValueKind.Text => value.AsText(),
            MetadataValueKind.Integer => value.AsInteger(),
            MetadataValueKind.Number => double.IsFinite(value.AsDouble()!.Value) ? value.AsDouble() : value.ToString(),
            MetadataValueKind.Boolean => value.AsBoolean(),
            MetadataValueKind.Rational => value.AsRational()!.Value.ToString(),
            MetadataValueKind.Timecode => value.AsTimecode()!.Value.ToString(),
            MetadataValueKind.DateTime => value.AsDateTime()!.Value.ToString("O", CultureInfo.InvariantCulture),
            MetadataValueKind.NumberList => new JsonArray([.. value.AsNumberList()!.Select(d => (double.IsFinite(d) ? JsonValue.Create(d) : null))]),
            MetadataValueKind.Bytes => Convert.ToBase64String(value.AsBytes()!.Value.Span),
            _ => value.ToString(),
        };
        var node = new JsonObject { ["value"] = raw };
        if (!string.IsNullOrEmpty(value.Unit.Symbol))
        {
            node["unit"] = value.Unit.Symbol;
        }

        return node;
    }

    /// <summary>Diagnostics as an array.</summary>
    public static JsonArray ToJson(IEnumerable<Diagnostic> diagnostics)
        => new([.. diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["severity"] = d.Severity.ToString().ToLowerInvariant(),
            ["message"] = d.Message,
            ["code"] = d.Code,
            ["file"] = d.File,
            ["field"] = d.Field,
            ["expected"] = d.Expected,
        })]);
}
