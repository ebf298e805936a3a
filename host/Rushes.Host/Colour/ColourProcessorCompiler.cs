using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Colour;

/// <summary>
/// Compiles a chain of transform descriptions into one immutable processor, as OpenColorIO does:
/// each description compiles once in its plugin; identities are dropped; runs of adjacent processors
/// that are exactly affine (<see cref="IPixelProcessor.AsMatrix"/>) are fused into one matrix; and
/// the result is cached by a content id made of its members' cache ids, so equal chains share a
/// processor. File-based transforms are keyed by their file's SHA-256, so an edited file recompiles.
/// </summary>
public sealed class ColourProcessorCompiler(ColourTransformRegistry registry, PluginGuard guard)
{
    private readonly ConcurrentDictionary<string, Lazy<IPixelProcessor>> _single = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPixelProcessor> _chains = new(StringComparer.Ordinal);

    /// <summary>How many single transforms have been compiled by their plugins (cache misses), for tests and logs.</summary>
    public int PluginCompilations => _compilations;

    private int _compilations;

    /// <summary>The processor for a chain, applied first to last.</summary>
    public IPixelProcessor Compile(IReadOnlyList<TransformDescription> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var members = new List<IPixelProcessor>();
        foreach (var description in chain)
        {
            var processor = CompileOne(description);
            if (!processor.IsIdentity)
            {
                members.Add(processor);
            }
        }

        var fused = Fuse(members);
        var cacheId = fused.Count == 1 ? fused[0].CacheId : "chain:" + Hash(string.Join('\n', fused.Select(p => p.CacheId)));
        return _chains.GetOrAdd(cacheId, id => fused.Count == 1 ? fused[0] : new ChainProcessor(fused, id));
    }

    /// <summary>The processor for one description, compiled by its plugin at most once per content.</summary>
    public IPixelProcessor CompileOne(TransformDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var transform = registry.Resolve(description.TransformId);
        if (description.Direction == TransformDirection.Inverse && !transform.Info.Invertible)
        {
            throw new InputException($"Colour transform '{transform.Info.Id}' has no inverse.", field: "direction", expected: "Forward");
        }

        if (transform.Info.RequiresFile && string.IsNullOrEmpty(description.FilePath))
        {
            throw new InputException($"Colour transform '{transform.Info.Id}' reads a file, and none was given.", field: "file", expected: "the path of the transform's file");
        }

        var canonical = description with { TransformId = transform.Info.Id };
        var key = Key(canonical);
        var lazy = _single.GetOrAdd(key, _ => new Lazy<IPixelProcessor>(() =>
        {
            Interlocked.Increment(ref _compilations);
            var compiled = guard.Invoke(transform.Plugin, $"{transform.Provider.Id}.Compile({transform.Info.Id})", () => transform.Provider.Compile(canonical));
            return new GuardedProcessor(compiled, transform.Plugin, guard);
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed compilation (bad parameters, a bad file) is not cached: the next call retries.
            _single.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private static List<IPixelProcessor> Fuse(List<IPixelProcessor> members)
    {
        var fused = new List<IPixelProcessor>();
        var run = new List<IPixelProcessor>();
        foreach (var member in members.Append(null))
        {
            if (member?.AsMatrix is not null)
            {
                run.Add(member);
                continue;
            }

            if (run.Count == 1)
            {
                fused.Add(run[0]);
            }
            else if (run.Count > 1)
            {
                var matrix = run.Select(p => p.AsMatrix!).Aggregate(ColourMatrix.Identity, ColourMatrix.Compose);
                if (!matrix.IsIdentity)
                {
                    fused.Add(new AffineProcessor(matrix, "matrix:" + Hash(matrix.ToString())));
                }
            }

            run.Clear();
            if (member is not null)
            {
                fused.Add(member);
            }
        }

        return fused;
    }

    private static string Key(TransformDescription d)
    {
        var key = new StringBuilder();
        key.Append(d.TransformId).Append('|').Append(d.Direction);
        foreach (var (name, value) in d.Parameters.Given.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            key.Append(CultureInfo.InvariantCulture, $"|{name.ToLowerInvariant()}={value}");
        }

        if (!string.IsNullOrEmpty(d.FilePath))
        {
            key.Append("|file=").Append(Path.GetFullPath(d.FilePath)).Append('@').Append(FileHash(d.FilePath));
        }

        if (d.Selector is not null)
        {
            key.Append("|selector=").Append(d.Selector);
        }

        return key.ToString();
    }

    private static string FileHash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the transform file: {ex.Message}", file: path, expected: "a readable file");
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
