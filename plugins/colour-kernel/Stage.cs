namespace Rushes.Colour.Kernel;

/// <summary>One immutable step of a compiled processor: a matrix or a per-channel curve.</summary>
internal abstract class Stage
{
    /// <summary>What the stage computes, for cache ids.</summary>
    public abstract string Key { get; }

    /// <summary>Transforms planar runs in place, on the SIMD path where there is one.</summary>
    public abstract void Apply(Span<float> red, Span<float> green, Span<float> blue);

    /// <summary>Transforms planar runs in place one element at a time: the reference the SIMD path is tested against.</summary>
    public abstract void ApplyScalar(Span<float> red, Span<float> green, Span<float> blue);

    /// <summary>The stage that undoes this one.</summary>
    public abstract Stage Inverse();
}
