using System.Text.Json;
using System.Text.Json.Serialization;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Render;

/// <summary>Reads and writes <see cref="RenderJob"/> JSON (docs/RENDER.md); unknown fields are errors, so a typo never drops a setting.</summary>
public static class RenderJobFile
{
    /// <summary>A job is a few hundred bytes; anything past this is refused before it is read.</summary>
    public const long MaxBytes = 1 << 20;

    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Reads a job file; relative paths in it are taken from the job file's folder.</summary>
    public static RenderJob Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"The job file '{path}' does not exist.", path, expected: "a render job JSON file (docs/RENDER.md)");
        }

        if (info.Length > MaxBytes)
        {
            throw new InputException($"The job file is {info.Length} bytes, over the limit of {MaxBytes}.", path, expected: $"at most {MaxBytes} bytes");
        }

        RenderJob? job;
        try
        {
            job = JsonSerializer.Deserialize<RenderJob>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InputException($"The job file is not a render job: {ex.Message}", path, ex.Path, "the fields of docs/RENDER.md: clip, spec, output, and optionally frames, handles, frameOrigin, deliverables, amf, fdl, template, variables, decode");
        }

        if (job is null)
        {
            throw new InputException("The job file holds null.", path, expected: "a JSON object");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return job with
        {
            Clip = Anchor(folder, job.Clip)!,
            Amf = Anchor(folder, job.Amf),
            Fdl = Anchor(folder, job.Fdl),
            Output = Anchor(folder, job.Output)!,
            Spec = job.Spec.Contains('/', StringComparison.Ordinal) || job.Spec.Contains('\\', StringComparison.Ordinal) || File.Exists(Path.Combine(folder, job.Spec))
                ? Path.GetFullPath(Path.Combine(folder, job.Spec))
                : job.Spec,
        };
    }

    /// <summary>The job as JSON text.</summary>
    public static string Write(RenderJob job) => JsonSerializer.Serialize(job, Options);

    private static string? Anchor(string folder, string? path) => path is null ? null : Path.GetFullPath(Path.Combine(folder, path));
}
