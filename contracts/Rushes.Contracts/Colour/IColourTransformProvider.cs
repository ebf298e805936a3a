using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Colour;

/// <summary>
/// Provides colour transforms: declares the ids it knows and compiles descriptions into processors
/// (describe, compile once, apply to many pixels, as OpenColorIO does).
/// </summary>
public interface IColourTransformProvider : IPluginComponent
{
    /// <summary>Every transform this provider knows.</summary>
    IReadOnlyList<TransformInfo> Transforms { get; }

    /// <summary>
    /// Compiles a description into an immutable processor. Throws <see cref="InputException"/> for an
    /// unknown id, bad parameters or a bad file.
    /// </summary>
    IPixelProcessor Compile(TransformDescription description);
}
