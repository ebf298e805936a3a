using System.Globalization;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Cdl;
using Rushes.Plugins.Looks.Clf;
using Rushes.Plugins.Looks.Cube;
using Rushes.Plugins.Looks.Ops;
using Rushes.Plugins.Looks.Processing;

namespace Rushes.Plugins.Looks;

/// <summary>
/// Creative looks: ASC CDL v1.2 (inline or from .cc/.ccc/.cdl), .cube LUTs and CLF v3 / ST 2136-1
/// files. None has an ACES registry transformId (AMF carries CDLs and LUT files by value or by file),
/// so the ids are reverse-DNS.
/// </summary>
public sealed class LooksTransforms : IColourTransformProvider
{
    public const string CdlId = "org.rushes.look.cdl";
    public const string CubeId = "org.rushes.look.cube";
    public const string ClfId = "org.rushes.look.clf";

    private static readonly ParameterDefinition Style = new()
    {
        Name = "style",
        Type = ParameterType.Choice,
        Description = "The ASC CDL style as CLF defines it: Fwd (v1.2, clamps to [0,1]), Rev, or the no-clamp variants for scene-referred data.",
        Default = "Fwd",
        Choices = [.. Enum.GetNames<CdlStyle>().Select(n => new ParameterChoice { Value = n })],
    };

    private static readonly ParameterDefinition Saturation = Number("saturation", "ASC CDL saturation (Rec.709 luma weights).", 1, 0);

    private static readonly ParameterDefinition[] Sop =
    [
        .. new[] { "red", "green", "blue" }.Select(c => Number($"slope-{c}", $"ASC CDL slope, {c}.", 1, 0)),
        .. new[] { "red", "green", "blue" }.Select(c => Number($"offset-{c}", $"ASC CDL offset, {c}.", 0, null)),
        .. new[] { "red", "green", "blue" }.Select(c => Number($"power-{c}", $"ASC CDL power, {c} (greater than 0).", 1, 0)),
    ];

    private static readonly ParameterDefinition InterpolationParameter = new()
    {
        Name = "interpolation",
        Type = ParameterType.Choice,
        Description = "3D LUT interpolation.",
        Default = "trilinear",
        Choices = [new ParameterChoice { Value = "trilinear" }, new ParameterChoice { Value = "tetrahedral" }],
    };

    /// <inheritdoc />
    public string Id => "looks";

    /// <inheritdoc />
    public string DisplayName => "Looks: ASC CDL, .cube LUTs and CLF";

    /// <inheritdoc />
    public Capabilities Capabilities { get; } = Capabilities.Create()
        .Add(CapabilityNames.Inverse)
        .Add(CapabilityNames.TransformFiles, "cc", "ccc", "cdl", "cube", "clf")
        .Build();

    /// <inheritdoc />
    public IReadOnlyList<TransformInfo> Transforms { get; } =
    [
        new()
        {
            Id = CdlId,
            Aliases = ["ASC_CDL", "CDLTransform", "cdl"],
            Description = "ASC CDL v1.2 slope, offset, power and saturation, inline or from a .cc, .ccc or .cdl file (the selector picks a ColorCorrection by id).",
            Category = TransformCategory.Look,
            Invertible = true,
            Parameters = [.. Sop, Saturation, Style],
        },
        new()
        {
            Id = CubeId,
            Aliases = ["cube", "FileTransform.cube"],
            Description = "A .cube LUT (Iridas/Adobe 1D or 3D, or Resolve 1D shaper plus 3D). Only 1D tables that are monotonic invert.",
            Category = TransformCategory.Look,
            Invertible = true,
            RequiresFile = true,
            Parameters = [InterpolationParameter],
        },
        new()
        {
            Id = ClfId,
            Aliases = ["clf", "FileTransform.clf", "ST2136-1"],
            Description = "An Academy/ASC Common LUT Format v3 or SMPTE ST 2136-1 file. Inverts when no LUT3D and only monotonic LUT1Ds are in it.",
            Category = TransformCategory.Look,
            Invertible = true,
            RequiresFile = true,
        },
    ];

    /// <inheritdoc />
    public IPixelProcessor Compile(TransformDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var info = Transforms.FirstOrDefault(t => string.Equals(t.Id, description.TransformId, StringComparison.OrdinalIgnoreCase)
                                                  || t.Aliases.Contains(description.TransformId, StringComparer.OrdinalIgnoreCase))
                   ?? throw new InputException(
                       $"The looks plugin has no transform '{description.TransformId}'. It knows {string.Join(", ", Transforms.Select(t => $"'{t.Id}'"))}.",
                       field: "transformId", expected: string.Join(", ", Transforms.Select(t => t.Id)));

        var problems = description.Parameters.Validate(info.Parameters, info.Id);
        if (problems.Count > 0)
        {
            throw new InputException(string.Join(" ", problems.Select(p => p.Message + (p.Expected is null ? "." : $" (expected {p.Expected})."))), field: problems[0].Field, expected: problems[0].Expected);
        }

        if (info.RequiresFile && string.IsNullOrEmpty(description.FilePath))
        {
            throw new InputException($"{info.Id} reads a file, but no file was given.", field: "file", expected: "a file path");
        }

        var ops = ReadOps(info.Id, description);
        if (description.Direction == TransformDirection.Inverse)
        {
            ops = OpInverse.Invert(ops, description.FilePath ?? info.Id);
        }
        else if (description.Direction != TransformDirection.Forward)
        {
            throw new InputException($"'{description.Direction}' is not a transform direction.", field: "direction", expected: "Forward or Inverse");
        }

        return LookCompiler.Compile(ops);
    }

    private static IReadOnlyList<LookOp> ReadOps(string id, TransformDescription description)
    {
        var values = description.Parameters;
        switch (id)
        {
            case CdlId:
                var style = Enum.Parse<CdlStyle>(values.GetText(Style)!, ignoreCase: true);
                var inline = Sop.Append(Saturation).Any(p => values.Given.ContainsKey(p.Name));
                if (description.FilePath is { Length: > 0 } path)
                {
                    return inline
                        ? throw new InputException($"{CdlId}: give the CDL values either inline or in a file ({path}), not both.", path, "parameters", "a file or inline values")
                        : [CdlFile.Read(path, description.Selector).ToOp(style)];
                }

                double[] Triple(int first) => [.. Sop.Skip(first).Take(3).Select(values.GetNumber)];
                var cdl = new CdlOp(Triple(0), Triple(3), Triple(6), values.GetNumber(Saturation), style);
                return cdl.Power.All(p => p > 0)
                    ? [cdl]
                    : throw new InputException($"{CdlId}: power {Text.Join(cdl.Power)} must be greater than 0.", field: "power", expected: "powers > 0");
            case CubeId:
                var interpolation = values.GetText(InterpolationParameter) == "tetrahedral" ? Interpolation.Tetrahedral : Interpolation.Trilinear;
                return CubeReader.Read(description.FilePath!, interpolation);
            default:
                return ClfReader.Read(description.FilePath!).Ops;
        }
    }

    private static ParameterDefinition Number(string name, string description, double fallback, double? minimum) => new()
    {
        Name = name,
        Type = ParameterType.Number,
        Description = description,
        Default = fallback.ToString(CultureInfo.InvariantCulture),
        Minimum = minimum,
    };
}
