using Rushes.Host.Specs.Model;
using Rushes.Host.Specs.Reading;
using Rushes.Host.Specs.Templates;

namespace Rushes.Host.Specs;

/// <summary>
/// Finds deliverable specs by name in the configured folders (a show's own folder first, then the
/// bundled <c>specs/</c>), and loads one: a Scriban template (<c>.sbn</c>) is rendered with the
/// job's variables, then read and validated; a plain <c>.yaml</c>/<c>.json</c> spec is read as is.
/// </summary>
public sealed class SpecLibrary(IReadOnlyList<string> folders, SandboxLimits? limits = null)
{
    private static readonly string[] Extensions = [".sbn", ".yaml", ".yml", ".json"];

    public IReadOnlyList<string> Folders { get; } = folders;

    /// <summary>Every spec found: name and file, the first folder winning a name.</summary>
    public IReadOnlyList<(string Name, string File)> List()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) && !name.StartsWith('_'))
                {
                    found.TryAdd(name, file);
                }
            }
        }

        return [.. found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    /// <summary>A spec's file from a name (<c>vfx-plates</c>) or a path.</summary>
    public string Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal) || File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }

        foreach (var (name, file) in List())
        {
            if (name == nameOrPath)
            {
                return file;
            }
        }

        var known = List().Select(s => s.Name).ToList();
        throw new SpecException(new SpecIssue($"no spec named '{nameOrPath}' in {string.Join(", ", Folders)}", nameOrPath),
            known.Count == 0 ? "a spec file path" : $"one of: {string.Join(", ", known)}, or a spec file path");
    }

    /// <summary>Renders (if a template), reads and validates a spec.</summary>
    public DeliverableSpec Load(string nameOrPath, IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken = default)
    {
        var file = Resolve(nameOrPath);
        var text = Render(file, variables, cancellationToken);
        return SpecReader.Read(text, file);
    }

    /// <summary>The spec text a job gets: the template rendered, or the file itself.</summary>
    public string Render(string file, IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken = default)
    {
        var effective = limits ?? SandboxLimits.Default;
        return string.Equals(Path.GetExtension(file), ".sbn", StringComparison.OrdinalIgnoreCase)
            ? SpecTemplate.Render(file, variables, effective, cancellationToken)
            : SpecSource.Read(file, effective.SourceLimit);
    }
}
