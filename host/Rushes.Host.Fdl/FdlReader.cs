using System.Text;
using System.Text.Json;
using Rushes.Contracts.Plugins;
using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl;

/// <summary>The outcome of validating an FDL: its issues and, when it parsed, the document.</summary>
/// <param name="Document">The document, or null when it could not be read at all.</param>
/// <param name="Issues">Every issue, empty when valid.</param>
/// <param name="SchemaChecked">Whether the JSON Schema took part (it is embedded at build time).</param>
public sealed record FdlValidation(FdlDocument? Document, IReadOnlyList<FdlIssue> Issues, bool SchemaChecked)
{
    /// <summary>True when there are no issues.</summary>
    public bool IsValid => Issues.Count == 0 && Document is not null;
}

/// <summary>Reads and validates ASC FDL files.</summary>
public static class FdlReader
{
    /// <summary>Real FDLs are kilobytes; anything past this is refused before it is read.</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>Reads a file and throws <see cref="FdlValidationException"/> listing every issue unless it is valid.</summary>
    public static FdlDocument ReadFile(string path)
    {
        var validation = ValidateFile(path);
        return validation.IsValid ? validation.Document! : throw new FdlValidationException(path, validation.Issues);
    }

    /// <summary>Validates a file: JSON syntax, the schema, then the cross-checks.</summary>
    public static FdlValidation ValidateFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException("no such FDL file.", path, null, "an existing .fdl file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"the file is {info.Length} bytes; an FDL may be at most {MaxFileBytes} bytes.", path, null, $"at most {MaxFileBytes} bytes");
        }

        return Validate(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses and validates FDL text.</summary>
    public static FdlDocument Parse(string json, string name = "<fdl>")
    {
        var validation = Validate(Encoding.UTF8.GetBytes(json), name);
        return validation.IsValid ? validation.Document! : throw new FdlValidationException(name, validation.Issues);
    }

    /// <summary>Validates UTF-8 JSON bytes.</summary>
    public static FdlValidation Validate(ReadOnlyMemory<byte> utf8, string name)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = FdlJson.MaxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            return new FdlValidation(null, [new FdlIssue(LineOf(ex), $"not well-formed JSON: {ex.Message}", "json")], false);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new FdlValidation(null, [new FdlIssue("$", $"the document is a JSON {json.RootElement.ValueKind}; expected an object.", "json")], false);
            }

            var issues = FdlSchema.Evaluate(json.RootElement).ToList();
            FdlDocument? document = null;
            try
            {
                document = json.RootElement.Deserialize<FdlDocument>(FdlJson.Options);
            }
            catch (JsonException ex)
            {
                if (issues.Count == 0)
                {
                    issues.Add(new FdlIssue(ex.Path ?? "$", ex.Message, "json"));
                }
            }

            if (document is not null)
            {
                issues.AddRange(FdlRules.Check(document));
            }

            return new FdlValidation(document, issues, FdlSchema.IsAvailable);
        }
    }

    private static string LineOf(JsonException ex)
        => ex.LineNumber is { } line ? $"line {line + 1}, byte {ex.BytePositionInLine + 1}" : "$";
}
