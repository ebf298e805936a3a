using System.Collections.Frozen;
using Rushes.Colour.Kernel;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.AcesCore;

/// <summary>
/// The ACES colour spaces and the common display and video encodings. The ACES conversions
/// (ACES2065-1 to and from ACEScg, ACEScct and ACEScc) have the Academy's ACES 1.x transformIds as
/// canonical ids, with the ACES 2.0 CSC ids and the OpenColorIO built-in names as aliases. Transforms
/// outside the Academy's registry have reverse-DNS ids, with OpenColorIO's built-in names as aliases
/// where it has one (its utility, display and curve built-ins). Definitions live in AcesCoreCatalogue.cs.
/// </summary>
public sealed partial class AcesCoreTransforms : IColourTransformProvider
{

    private static readonly Definition[] Definitions = [.. AcesSpaces(), .. Utilities(), .. DisplayEncodings(), .. ScenePresentations()];

    private static readonly FrozenDictionary<string, Definition> ByName = Definitions
        .SelectMany(d => d.Aliases.Prepend(d.Info.Id).Select(name => KeyValuePair.Create(name, d)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Id => "aces-core";

    /// <inheritdoc />
    public string DisplayName => "ACES core colour spaces and display encodings (ACES2065-1, ACEScg, ACEScct, ACEScc, Rec.709, sRGB, P3, Rec.2020, PQ, HLG)";

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
                $"The aces-core plugin has no transform '{description.TransformId}'. The nearest known ids are {nearest}.",
                field: "transformId",
                expected: "one of " + nearest);
        }

        if (description.Direction is not (TransformDirection.Forward or TransformDirection.Inverse))
        {
            throw new InputException($"'{description.Direction}' is not a transform direction.", field: "direction", expected: "Forward or Inverse");
        }

        if (description.Direction == TransformDirection.Inverse && !definition.Info.Invertible)
        {
            throw new InputException($"'{definition.Info.Id}' has no inverse: it clips values that cannot be recovered.", field: "direction", expected: "Forward");
        }

        var stages = description.Direction == TransformDirection.Forward
            ? definition.Stages
            : [.. definition.Stages.Reverse().Select(s => s.Inverse())];
        return new StageProcessor($"{definition.Info.Id}|{description.Direction}", stages);
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

    private sealed class Definition
    {
        public Definition(string id, string[] aliases, string description, Stage[] stages, TransformCategory category = TransformCategory.ColourSpace, bool invertible = true)
        {
            Info = new TransformInfo
            {
                Id = id,
                Aliases = aliases,
                Description = description,
                Category = category,
                Invertible = invertible,
            };
            Aliases = aliases;
            Stages = stages;
        }

        public TransformInfo Info { get; }

        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<Stage> Stages { get; }
    }
}
