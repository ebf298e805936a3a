using System.Collections.Frozen;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.AcesOutput.Aces1;

namespace Rushes.Plugins.AcesOutput;

/// <summary>
/// The ACES output transforms: ACES 1.3 (RRT + ODT, single-stage HDR) and ACES 2.0, forward and inverse.
/// Canonical ids are the Academy's transformIds; OpenColorIO built-in names and the Academy user names
/// resolve to them as aliases. OpenColorIO's display-referred XYZ built-ins have reverse-DNS ids.
/// </summary>
public sealed class AcesOutputTransforms : IColourTransformProvider
{
    private static readonly OutputDefinition[] Definitions = [.. Aces1Catalogue.All(), .. Aces2.Aces2Catalogue.All()];

    private static readonly FrozenDictionary<string, OutputDefinition> ByName = Definitions
        .SelectMany(d => d.Info.Aliases.Prepend(d.Info.Id).Select(name => KeyValuePair.Create(name, d)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Id => "aces-output";

    /// <inheritdoc />
    public string DisplayName => "ACES output transforms (ACES 1.3 RRT/ODT, ACES 2.0)";

    /// <inheritdoc />
    public Capabilities Capabilities { get; } = Capabilities.Create().Add(CapabilityNames.Inverse).Build();

    /// <inheritdoc />
    public IReadOnlyList<TransformInfo> Transforms { get; } = [.. Definitions.Select(d => d.Info)];

    /// <inheritdoc />
    public IPixelProcessor Compile(TransformDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (!ByName.TryGetValue(description.TransformId ?? string.Empty, out var definition))
        {
            var nearest = string.Join(", ", Nearest(description.TransformId ?? string.Empty).Select(n => $"'{n}'"));
            throw new InputException(
                $"The aces-output plugin has no transform '{description.TransformId}'. The nearest known ids are {nearest}.",
                field: "transformId",
                expected: "one of " + nearest);
        }

        if (description.Direction is not (TransformDirection.Forward or TransformDirection.Inverse))
        {
            throw new InputException($"'{description.Direction}' is not a transform direction.", field: "direction", expected: "Forward or Inverse");
        }

        return new OutputProcessor($"{definition.Info.Id}|{description.Direction}", definition.Build(description.Direction));
    }

    /// <summary>The known ids and aliases closest to <paramref name="name"/>, by edit distance, best first.</summary>
    internal static IReadOnlyList<string> Nearest(string name, int count = 3)
        => [.. ByName.Keys
            .Select(k => (Name: k, Distance: Distance(name.ToUpperInvariant(), k.ToUpperInvariant())))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(k => k.Name)];

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
