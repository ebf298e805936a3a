using System.Collections.Frozen;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.AcesCore;

/// <summary>
/// The ACES colour-space conversions: ACES2065-1 (AP0) to and from ACEScg, ACEScct and ACEScc.
/// Canonical ids are the Academy's ACES 1.x transformIds; the ACES 2.0 CSC ids and the OpenColorIO
/// built-in names resolve to them as aliases.
/// </summary>
public sealed class AcesCoreTransforms : IColourTransformProvider
{
    private const string V15 = "urn:ampas:aces:transformId:v1.5:";
    private const string V20 = "urn:ampas:aces:transformId:v2.0:";

    private static readonly Definition[] Definitions =
    [
        new(V15 + "ACEScsc.Academy.ACES_to_ACEScg.a1.0.3", [V20 + "CSC.Academy.ACES_to_ACEScg.a2.v1", "ACES2065-1_to_ACEScg"],
            "ACES2065-1 (AP0 linear) to ACEScg (AP1 linear).",
            [new MatrixStage(AcesPrimaries.Ap0ToAp1)]),
        new(V15 + "ACEScsc.Academy.ACEScg_to_ACES.a1.0.3", [V20 + "CSC.Academy.ACEScg_to_ACES.a2.v1", "ACEScg_to_ACES2065-1"],
            "ACEScg (AP1 linear) to ACES2065-1 (AP0 linear).",
            [new MatrixStage(AcesPrimaries.Ap1ToAp0)]),
        new(V15 + "ACEScsc.Academy.ACES_to_ACEScct.a1.0.3", [V20 + "CSC.Academy.ACES_to_ACEScct.a2.v1", "ACES2065-1_to_ACEScct"],
            "ACES2065-1 (AP0 linear) to ACEScct (AP1, log with a linear toe).",
            [new MatrixStage(AcesPrimaries.Ap0ToAp1), new CurveStage(AcesCurve.LinearToAcesCct)]),
        new(V15 + "ACEScsc.Academy.ACEScct_to_ACES.a1.0.3", [V20 + "CSC.Academy.ACEScct_to_ACES.a2.v1", "ACEScct_to_ACES2065-1"],
            "ACEScct (AP1, log with a linear toe) to ACES2065-1 (AP0 linear).",
            [new CurveStage(AcesCurve.AcesCctToLinear), new MatrixStage(AcesPrimaries.Ap1ToAp0)]),
        new(V15 + "ACEScsc.Academy.ACES_to_ACEScc.a1.0.3", [V20 + "CSC.Academy.ACES_to_ACEScc.a2.v1", "ACES2065-1_to_ACEScc"],
            "ACES2065-1 (AP0 linear) to ACEScc (AP1, pure log; values at or below zero clamp to the floor).",
            [new MatrixStage(AcesPrimaries.Ap0ToAp1), new CurveStage(AcesCurve.LinearToAcesCc)]),
        new(V15 + "ACEScsc.Academy.ACEScc_to_ACES.a1.0.3", [V20 + "CSC.Academy.ACEScc_to_ACES.a2.v1", "ACEScc_to_ACES2065-1"],
            "ACEScc (AP1, pure log) to ACES2065-1 (AP0 linear).",
            [new CurveStage(AcesCurve.AcesCcToLinear), new MatrixStage(AcesPrimaries.Ap1ToAp0)]),
        new("org.rushes.aces-core.acescct-log-to-linear", ["CURVE - ACEScct-LOG_to_LINEAR", "ACEScct-LOG_to_LINEAR"],
            "The ACEScct curve alone: ACEScct code values to AP1 linear, primaries unchanged.",
            [new CurveStage(AcesCurve.AcesCctToLinear)]),
    ];

    private static readonly FrozenDictionary<string, Definition> ByName = Definitions
        .SelectMany(d => d.Aliases.Prepend(d.Info.Id).Select(name => KeyValuePair.Create(name, d)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Id => "aces-core";

    /// <inheritdoc />
    public string DisplayName => "ACES core colour spaces (ACES2065-1, ACEScg, ACEScct, ACEScc)";

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

        var stages = description.Direction == TransformDirection.Forward
            ? definition.Stages
            : [.. definition.Stages.Reverse().Select(s => s.Inverse())];
        return new AcesProcessor($"{definition.Info.Id}|{description.Direction}", stages);
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
        public Definition(string id, string[] aliases, string description, Stage[] stages)
        {
            Info = new TransformInfo
            {
                Id = id,
                Aliases = aliases,
                Description = description,
                Category = TransformCategory.ColourSpace,
                Invertible = true,
            };
            Aliases = aliases;
            Stages = stages;
        }

        public TransformInfo Info { get; }

        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<Stage> Stages { get; }
    }
}
