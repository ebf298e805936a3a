using System.Text.Json;
using FluentValidation;

namespace Rushes.Host.Plugins;

/// <summary>Reads and validates <c>plugin.json</c>; every failure names the file, the field and what was expected.</summary>
public static class PluginManifestReader
{
    /// <summary>Manifests are small; anything bigger is not one.</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly PluginManifestValidator Validator = new();

    /// <summary>Reads a manifest, or throws <see cref="PluginManifestException"/> saying what is wrong.</summary>
    public static PluginManifest Read(string path)
    {
        var bytes = ReadBounded(path);
        PluginManifest manifest;
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip });
            manifest = FromJson(doc.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new PluginManifestException(path, $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}", "well-formed JSON", $"is not valid JSON: {FirstSentence(ex.Message)}");
        }

        var result = Validator.Validate(manifest);
        if (!result.IsValid)
        {
            var first = result.Errors[0];
            throw new PluginManifestException(path, first.PropertyName, first.CustomState as string ?? "a valid value", first.ErrorMessage);
        }

        return manifest;
    }

    private static byte[] ReadBounded(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length > MaxBytes)
        {
            throw new PluginManifestException(path, "(file)", $"at most {MaxBytes} bytes", $"is {stream.Length} bytes long");
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static PluginManifest FromJson(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException(path, "$", "a JSON object", $"holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        return new PluginManifest
        {
            Id = String(root, "id", path, required: true)!,
            Version = String(root, "version", path, required: true)!,
            Kinds = StringArray(root, "kinds", path),
            ContractsVersion = String(root, "contractsVersion", path, required: true)!,
            MinHostVersion = String(root, "minHostVersion", path, required: false),
            Publisher = String(root, "publisher", path, required: false),
            EntryAssembly = String(root, "entryAssembly", path, required: true)!,
            Files = FileMap(root, path),
        };
    }

    private static string? String(JsonElement root, string name, string path, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new PluginManifestException(path, name, "a string", "is missing") : null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new PluginManifestException(path, name, "a string", $"is a JSON {value.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static string[] StringArray(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new PluginManifestException(path, name, "an array of strings", value.ValueKind == JsonValueKind.Undefined ? "is missing" : "is not an array");
        }

        return [.. value.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new PluginManifestException(path, $"{name}[{i}]", "a string", $"is a JSON {e.ValueKind.ToString().ToLowerInvariant()}"))];
    }

    private static Dictionary<string, string> FileMap(JsonElement root, string path)
    {
        if (!root.TryGetProperty("files", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException(path, "files", "an object mapping each file to its SHA-256", value.ValueKind == JsonValueKind.Undefined ? "is missing" : "is not an object");
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw new PluginManifestException(path, $"files.{property.Name}", "a SHA-256 in hex", $"is a JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}");
            }

            files[property.Name] = property.Value.GetString()!;
        }

        return files;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>A manifest that cannot be used, with the file, field and expectation.</summary>
public sealed class PluginManifestException(string file, string field, string expected, string problem)
    : Exception($"{file}: {field} {problem} (expected {expected})")
{
    /// <summary>The manifest file.</summary>
    public string File { get; } = file;

    /// <summary>The field at fault.</summary>
    public string Field { get; } = field;

    /// <summary>What was expected.</summary>
    public string Expected { get; } = expected;
}

internal sealed class PluginManifestValidator : AbstractValidator<PluginManifest>
{
    public PluginManifestValidator()
    {
        RuleFor(m => m.Id).Matches("^[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+$")
            .WithMessage(m => $"'{m.Id}' is not a reverse-DNS id").WithState(_ => "a reverse-DNS id such as com.example.rushes.myformat");
        RuleFor(m => m.Version).Must(v => SemanticVersion.TryParse(v, out _))
            .WithMessage(m => $"'{m.Version}' is not a version").WithState(_ => "a SemVer version such as 1.0.0");
        RuleFor(m => m.ContractsVersion).Must(v => SemanticVersion.TryParse(v, out _))
            .WithMessage(m => $"'{m.ContractsVersion}' is not a version").WithState(_ => "the SemVer of Rushes.Contracts the plugin was built against");
        RuleFor(m => m.MinHostVersion).Must(v => v is null || SemanticVersion.TryParse(v, out _))
            .WithMessage(m => $"'{m.MinHostVersion}' is not a version").WithState(_ => "a SemVer version");
        RuleFor(m => m.Kinds).NotEmpty().WithMessage("lists no kinds").WithState(_ => string.Join(", ", PluginKindNames.All));
        RuleForEach(m => m.Kinds).Must(k => PluginKindNames.TryParse(k, out _))
            .WithMessage((_, k) => $"'{k}' is not a plugin kind").WithState(_ => string.Join(", ", PluginKindNames.All));
        RuleFor(m => m.EntryAssembly).Must(e => IsSafeRelativePath(e) && e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .WithMessage(m => $"'{m.EntryAssembly}' is not an assembly inside the plugin folder").WithState(_ => "a relative path to a .dll, such as MyPlugin.dll");
        RuleFor(m => m).Must(m => m.Files.ContainsKey(m.EntryAssembly)).OverridePropertyName("files")
            .WithMessage(m => $"does not list the entry assembly '{m.EntryAssembly}'").WithState(_ => "every file of the plugin, with its SHA-256");
        RuleForEach(m => m.Files).Must(f => IsSafeRelativePath(f.Key)).OverridePropertyName("files")
            .WithMessage((_, f) => $"names '{f.Key}', which is outside the plugin folder").WithState(_ => "paths relative to the plugin folder");
        RuleForEach(m => m.Files).Must(f => f.Value.Length == 64 && f.Value.All(char.IsAsciiHexDigit)).OverridePropertyName("files")
            .WithMessage((_, f) => $"gives '{f.Value}' for '{f.Key}'").WithState(_ => "a SHA-256 as 64 hex digits");
    }

    private static bool IsSafeRelativePath(string path)
        => !string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path) && !path.Contains('\\', StringComparison.Ordinal)
           && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
