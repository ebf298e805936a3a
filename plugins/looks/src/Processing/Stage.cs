namespace Rushes.Plugins.Looks.Processing;

/// <summary>One immutable step of a compiled look; applies in place to planar runs of equal length.</summary>
internal abstract class Stage
{
    public abstract void Apply(Span<float> red, Span<float> green, Span<float> blue);
}
