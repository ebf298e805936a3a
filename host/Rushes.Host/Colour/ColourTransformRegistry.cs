using Microsoft.Extensions.Logging;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Colour;

/// <summary>A transform a loaded plugin provides.</summary>
public sealed record RegisteredTransform(TransformInfo Info, IColourTransformProvider Provider, PluginRecord Plugin);

/// <summary>Two plugins that claim the same id or alias: the first (in search order) keeps it.</summary>
public sealed record TransformNameConflict(string Name, RegisteredTransform Kept, RegisteredTransform Ignored);

/// <summary>
/// Every colour transform of every loaded plugin, found by id or alias without regard to case. The
/// host knows transforms only through <see cref="IColourTransformProvider"/>: what they compute is
/// the plugins' business. A name two plugins claim goes to the first and the clash is reported.
/// </summary>
public sealed class ColourTransformRegistry
{
    private readonly Lazy<Index> _index;

    /// <summary>Creates the registry; the index is built on first use.</summary>
    public ColourTransformRegistry(PluginManager plugins, PluginGuard guard, ILogger<ColourTransformRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(logger);
        _index = new Lazy<Index>(() => Build(plugins, guard, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every transform, in plugin search order and then each plugin's own order.</summary>
    public IReadOnlyList<RegisteredTransform> Transforms => _index.Value.All;

    /// <summary>Names claimed by more than one transform.</summary>
    public IReadOnlyList<TransformNameConflict> Conflicts => _index.Value.Conflicts;

    /// <summary>The transform with this id or alias; an <see cref="InputException"/> naming the nearest known ids when there is none.</summary>
    public RegisteredTransform Resolve(string idOrAlias)
    {
        if (!string.IsNullOrWhiteSpace(idOrAlias) && _index.Value.ByName.TryGetValue(idOrAlias.Trim(), out var found))
        {
            return found;
        }

        var names = _index.Value.ByName.Keys;
        if (names.Count == 0)
        {
            throw new InputException($"No colour transform '{idOrAlias}': no loaded plugin provides colour transforms.", field: "transformId", expected: "a colour-transform plugin (see 'rushes plugins')");
        }

        var nearest = NameSimilarity.Nearest(idOrAlias ?? string.Empty, names);
        throw new InputException(
            $"Unknown colour transform '{idOrAlias}'. Nearest known: {string.Join(", ", nearest.Select(n => $"'{n}'"))}.",
            field: "transformId",
            expected: "a transform id or alias listed by 'rushes color list'");
    }

    private static Index Build(PluginManager plugins, PluginGuard guard, ILogger logger)
    {
        var all = new List<RegisteredTransform>();
        var byName = new Dictionary<string, RegisteredTransform>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<TransformNameConflict>();
        foreach (var (plugin, provider) in plugins.Components<IColourTransformProvider>())
        {
            IReadOnlyList<TransformInfo> infos;
            try
            {
                infos = guard.Invoke(plugin, $"{provider.Id}.Transforms", () => provider.Transforms.ToList());
            }
            catch (PluginFaultException ex)
            {
                logger.LogWarning("Skipping the colour transforms of {Plugin}: {Reason}", plugin.Id, ex.Message);
                continue;
            }

            foreach (var info in infos)
            {
                var transform = new RegisteredTransform(info, provider, plugin);
                all.Add(transform);
                foreach (var name in info.Aliases.Prepend(info.Id).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (byName.TryGetValue(name, out var kept))
                    {
                        conflicts.Add(new TransformNameConflict(name, kept, transform));
                        logger.LogWarning("Colour transform name '{Name}' of {Plugin} is already {Kept} of {KeptPlugin}; the first keeps it", name, plugin.Id, kept.Info.Id, kept.Plugin.Id);
                    }
                    else
                    {
                        byName[name] = transform;
                    }
                }
            }
        }

        return new Index(all, byName, conflicts);
    }

    private sealed record Index(IReadOnlyList<RegisteredTransform> All, Dictionary<string, RegisteredTransform> ByName, IReadOnlyList<TransformNameConflict> Conflicts);
}
