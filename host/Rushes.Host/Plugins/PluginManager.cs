using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>
/// Finds plugin folders, checks each before loading (manifest, configuration, integrity, allow-list,
/// compatibility), loads the ones that pass into load contexts of their own, creates their components
/// eagerly, and records a status with a reason for every folder. Nothing a plugin does while loading
/// can stop the others from loading.
/// </summary>
public sealed class PluginManager : IDisposable
{
    private static readonly (Type Interface, PluginKind Kind)[] KindInterfaces =
    [
        (typeof(ICameraFormat), PluginKind.CameraFormat),
        (typeof(IColourTransformProvider), PluginKind.ColourTransform),
        (typeof(IDeliverableType), PluginKind.Deliverable),
    ];

    private readonly PluginOptions _options;
    private readonly IPluginLoader _loader;
    private readonly ILogger<PluginManager> _logger;
    private readonly Lazy<IReadOnlyList<PluginRecord>> _plugins;

    /// <summary>Creates the manager; plugins load on first use of <see cref="Plugins"/>.</summary>
    public PluginManager(IOptions<PluginOptions> options, IPluginLoader loader, ILogger<PluginManager> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _loader = loader;
        _logger = logger;
        _plugins = new Lazy<IReadOnlyList<PluginRecord>>(LoadAll, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every plugin folder found, in search order, with its status.</summary>
    public IReadOnlyList<PluginRecord> Plugins => _plugins.Value;

    /// <summary>The folder of plugins that ships beside the host.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The folders searched for plugin folders, in order.</summary>
    public IReadOnlyList<string> SearchPaths
        => [.. (_options.IncludeBundled ? new[] { BundledDirectory } : []).Concat(_options.Paths.Select(Path.GetFullPath)).Distinct(StringComparer.Ordinal)];

    /// <summary>Components of one kind from plugins that are loaded now, with their plugins.</summary>
    public IEnumerable<(PluginRecord Plugin, T Component)> Components<T>()
        where T : class, IPluginComponent
        => Plugins.Where(p => p.IsLoaded)
            .SelectMany(p => p.Components.Select(c => (Plugin: p, c.Instance)))
            .Where(pc => pc.Instance is T)
            .Select(pc => (pc.Plugin, (T)pc.Instance));

    /// <inheritdoc />
    public void Dispose() => _loader.Dispose();

    private List<PluginRecord> LoadAll()
    {
        PluginAllowList? allowList = null;
        string? allowListError = null;
        if (!string.IsNullOrWhiteSpace(_options.AllowList))
        {
            try
            {
                allowList = PluginAllowList.Read(Path.GetFullPath(_options.AllowList));
            }
            catch (PluginManifestException ex)
            {
                // A broken allow-list must not fail open: every plugin is then untrusted.
                allowListError = ex.Message;
            }
        }

        // Checked one by one, in search order (the first of an id wins); then loaded at once, each into its
        // own context: loading is most of a short command's start-up.
        var records = new List<PluginRecord>();
        var accepted = new List<(PluginRecord Record, PluginManifest Manifest)>();
        foreach (var folder in SearchPaths.Where(Directory.Exists)
                     .SelectMany(root => Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal)))
        {
            if (!File.Exists(Path.Combine(folder, PluginManifest.FileName)))
            {
                _logger.LogDebug("Skipping {Folder}: no {Manifest}", folder, PluginManifest.FileName);
                continue;
            }

            var (record, manifest) = Examine(folder, accepted, allowList, allowListError);
            records.Add(record);
            if (manifest is not null)
            {
                accepted.Add((record, manifest));
            }
        }

        Parallel.ForEach(accepted, a => Load(a.Record, a.Manifest));
        foreach (var record in records)
        {
            if (record.IsLoaded)
            {
                _logger.LogDebug("Loaded plugin {Plugin} {Version} from {Folder}", record.Id, record.Manifest?.Version, record.Directory);
            }
            else
            {
                _logger.LogWarning("Plugin {Plugin} in {Folder} is {Status}: {Reason}", record.Id, record.Directory, record.Status, record.Reason);
            }
        }

        return records;
    }

    /// <summary>Reads and checks a plugin folder; returns its manifest when it may be loaded.</summary>
    private (PluginRecord Record, PluginManifest? Manifest) Examine(string folder, List<(PluginRecord Record, PluginManifest Manifest)> accepted, PluginAllowList? allowList, string? allowListError)
    {
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        PluginManifest manifest;
        try
        {
            manifest = PluginManifestReader.Read(manifestPath);
        }
        catch (Exception ex) when (ex is PluginManifestException or IOException or UnauthorizedAccessException)
        {
            var broken = new PluginRecord(folder, null);
            broken.Set(PluginStatus.Malfunctioned, ex.Message);
            return (broken, null);
        }

        var record = new PluginRecord(folder, manifest) { ManifestSha256 = PluginIntegrity.Sha256(manifestPath) };
        var (status, reason) = Check(record, manifest, accepted, allowList, allowListError);
        if (status is { } refused)
        {
            record.Set(refused, reason!);
            return (record, null);
        }

        return (record, manifest);
    }

    private (PluginStatus? Status, string? Reason) Check(PluginRecord record, PluginManifest manifest, List<(PluginRecord Record, PluginManifest Manifest)> accepted, PluginAllowList? allowList, string? allowListError)
    {
        if (_options.Disabled.Contains(manifest.Id, StringComparer.Ordinal))
        {
            return (PluginStatus.Disabled, "disabled by configuration (Plugins:Disabled)");
        }

        if (accepted.FirstOrDefault(p => p.Manifest.Id == manifest.Id).Record is { } first)
        {
            return (PluginStatus.Disabled, $"another plugin with id '{manifest.Id}' is already loaded from {first.Directory}");
        }

        string? problem;
        try
        {
            problem = PluginIntegrity.Verify(record.Directory, manifest);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"its files cannot be read: {ex.Message}";
        }

        if (problem is not null)
        {
            return (PluginStatus.Untrusted, problem);
        }

        if (allowListError is not null)
        {
            return (PluginStatus.Untrusted, $"the allow-list cannot be used, so no plugin is trusted: {allowListError}");
        }

        if (allowList?.Check(manifest.Id, record.ManifestSha256!) is { } refusal)
        {
            return (PluginStatus.Untrusted, refusal);
        }

        return CheckCompatibility(record, manifest) is { } incompatibility
            ? (PluginStatus.Incompatible, incompatibility)
            : (null, null);
    }

    private static string? CheckCompatibility(PluginRecord record, PluginManifest manifest)
    {
        var host = HostInfo.ContractsVersion;
        var declared = SemanticVersion.Parse(manifest.ContractsVersion);
        if (declared.Major != host.Major)
        {
            return $"built against Rushes.Contracts {declared}, but this host provides {host}: major versions must match; use a plugin build for contracts {host.Major}.x";
        }

        if (declared > host)
        {
            return $"built against Rushes.Contracts {declared}, newer than this host's {host}: upgrade the host, or rebuild the plugin against contracts {host.Major}.{host.Minor}";
        }

        if (manifest.MinHostVersion is { } min && SemanticVersion.Parse(min) > HostInfo.Version)
        {
            return $"needs host {min} or newer; this host is {HostInfo.Version}";
        }

        // The manifest may be wrong: the compiled reference is the truth.
        Version? compiled;
        try
        {
            compiled = ContractsReference.Read(Path.Combine(record.Directory, manifest.EntryAssembly));
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or InvalidOperationException)
        {
            return $"entry assembly '{manifest.EntryAssembly}' cannot be read as a .NET assembly: {ex.Message}";
        }

        if (compiled is null)
        {
            return $"entry assembly '{manifest.EntryAssembly}' does not reference {ContractsReference.AssemblyName}, so it implements no Rushes contract";
        }

        var shipped = typeof(IPluginComponent).Assembly.GetName().Version!;
        if (compiled.Major != shipped.Major || compiled > shipped)
        {
            return $"entry assembly '{manifest.EntryAssembly}' was compiled against {ContractsReference.AssemblyName} {compiled.ToString(2)}, but this host provides {shipped.ToString(2)}: upgrade the host, or rebuild the plugin against {shipped.ToString(2)}";
        }

        return null;
    }

    private void Load(PluginRecord record, PluginManifest manifest)
    {
        Type[] types;
        try
        {
            var assembly = _loader.Load(Path.Combine(record.Directory, manifest.EntryAssembly));
            // Eager, so that a missing or mismatched dependency fails now and not in the middle of a job.
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var first = ex.LoaderExceptions.FirstOrDefault(e => e is not null);
            record.Set(PluginStatus.Incompatible, $"its types cannot be loaded: {first?.Message ?? ex.Message}");
            return;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            record.Set(PluginStatus.Incompatible, $"it cannot be loaded: {ex.Message}");
            return;
        }
        catch (Exception ex)
        {
            record.Set(PluginStatus.Malfunctioned, $"threw {ex.GetType().Name} while loading: {ex.Message}");
            return;
        }

        var components = new List<ComponentDescriptor>();
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var (contract, kind) in KindInterfaces.Where(k => k.Interface.IsAssignableFrom(type)))
            {
                try
                {
                    components.Add(Create(record, manifest, type, kind));
                }
                catch (Exception ex)
                {
                    var inner = ex is TargetInvocationException { InnerException: { } cause } ? cause : ex;
                    record.Set(PluginStatus.Malfunctioned, $"{type.FullName} threw {inner.GetType().Name} while starting: {inner.Message}");
                    return;
                }
            }
        }

        var declared = manifest.Kinds.Select(k => PluginKindNames.TryParse(k, out var kind) ? kind : default).ToHashSet();
        var found = components.Select(c => c.Kind).ToHashSet();
        var missing = declared.Except(found).ToList();
        if (missing.Count > 0)
        {
            record.Set(PluginStatus.Malfunctioned, $"its manifest declares kind '{PluginKindNames.ToName(missing[0])}', but it exports no public class implementing it");
            return;
        }

        var undeclared = found.Except(declared).ToList();
        if (undeclared.Count > 0)
        {
            record.Set(PluginStatus.Malfunctioned, $"it exports kind '{PluginKindNames.ToName(undeclared[0])}', which its manifest does not declare");
            return;
        }

        if (components.GroupBy(c => (c.Kind, c.Id)).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            record.Set(PluginStatus.Malfunctioned, $"it exports two {PluginKindNames.ToName(duplicate.Key.Kind)} components with id '{duplicate.Key.Id}'");
            return;
        }

        record.SetLoaded(components);
    }

    private ComponentDescriptor Create(PluginRecord record, PluginManifest manifest, Type type, PluginKind kind)
    {
        var withContext = type.GetConstructor([typeof(IPluginContext)]);
        object instance;
        if (withContext is not null)
        {
            var settings = _options.Settings.TryGetValue(manifest.Id, out var s) ? s : new Dictionary<string, string>();
            instance = withContext.Invoke([new PluginContext(manifest.Id, record.Directory, settings, _logger)]);
        }
        else
        {
            var plain = type.GetConstructor(Type.EmptyTypes)
                ?? throw new MissingMethodException($"it has no public constructor taking nothing or an {nameof(IPluginContext)}");
            instance = plain.Invoke(null);
        }

        var component = (IPluginComponent)instance;
        var id = component.Id;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidOperationException("its Id is empty");
        }

        return new ComponentDescriptor(kind, id, component.DisplayName ?? id, component.Capabilities ?? Capabilities.None, component);
    }
}
