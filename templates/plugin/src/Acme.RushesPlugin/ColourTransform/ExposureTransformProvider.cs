using Rushes.Contracts.Colour;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Acme.RushesPlugin.ColourTransform;

/// <summary>
/// An example colour transform provider: an exposure change in stops on scene-linear RGB,
/// out = in × 2^stops. It is exactly a diagonal matrix, so the host can fuse it with its neighbours.
/// Stateless, so one instance serves every thread.
/// </summary>
public sealed class ExposureTransformProvider : IColourTransformProvider
{
    /// <summary>The transform's canonical id (reverse-DNS, as it is not in the ACES registry).</summary>
    public const string TransformId = "com.example.rushes.exposure";

    internal static readonly ParameterDefinition Stops = new()
    {
        Name = "stops",
        Type = ParameterType.Number,
        Description = "Exposure change in photographic stops: +1 doubles every value, -1 halves it.",
        Default = "0",
        Minimum = -20,
        Maximum = 20,
    };

    private static readonly TransformInfo Exposure = new()
    {
        Id = TransformId,
        Aliases = ["exposure"],
        Description = "Multiplies scene-linear RGB by 2^stops; alpha is untouched.",
        Category = TransformCategory.Utility,
        Invertible = true,
        Parameters = [Stops],
    };

    private static readonly Capabilities Features = Capabilities.Create()
        .Add(CapabilityNames.Inverse)
        .Build();

    /// <inheritdoc />
    public string Id => "exposure";

    /// <inheritdoc />
    public string DisplayName => "Exposure (example transform)";

    /// <inheritdoc />
    public Capabilities Capabilities => Features;

    /// <inheritdoc />
    public IReadOnlyList<TransformInfo> Transforms { get; } = [Exposure];

    /// <inheritdoc />
    public IPixelProcessor Compile(TransformDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (!string.Equals(description.TransformId, Exposure.Id, StringComparison.OrdinalIgnoreCase)
            && !Exposure.Aliases.Contains(description.TransformId, StringComparer.OrdinalIgnoreCase))
        {
            throw new InputException($"This provider has no transform '{description.TransformId}'.",
                field: "transformId", expected: $"{Exposure.Id} or one of its aliases ({string.Join(", ", Exposure.Aliases)})");
        }

        if (description.FilePath is not null)
        {
            throw new InputException($"{Exposure.Id} reads no file, but '{description.FilePath}' was given.",
                description.FilePath, "filePath", "no file");
        }

        var problems = description.Parameters.Validate(Exposure.Parameters, Exposure.Id);
        if (problems.Count > 0)
        {
            throw new InputException(problems[0].Message, field: problems[0].Field, expected: problems[0].Expected);
        }

        var stops = description.Parameters.GetNumber(Stops);
        return new ExposureProcessor(description.Direction == TransformDirection.Inverse ? -stops : stops);
    }
}
