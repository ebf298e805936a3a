using Rushes.Contracts.Colour;

namespace Rushes.Plugins.AcesOutput;

/// <summary>A transform the plugin knows: its identity and how to build each direction.</summary>
internal sealed class OutputDefinition(string id, string[] aliases, string description, Func<Pipeline> forward, Func<Pipeline> inverse)
{
    public TransformInfo Info { get; } = new()
    {
        Id = id,
        Aliases = aliases,
        Description = description,
        Category = TransformCategory.Output,
        Invertible = true,
    };

    public Pipeline Build(TransformDirection direction) => direction == TransformDirection.Forward ? forward() : inverse();
}
