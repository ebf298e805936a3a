using Rushes.Contracts.Colour;

namespace Rushes.Plugins.AcesCore;

/// <summary>A compiled, immutable chain of stages; thread-safe to apply.</summary>
internal sealed class AcesProcessor : IPixelProcessor
{
    private readonly Stage[] _stages;

    public AcesProcessor(string cacheId, IReadOnlyList<Stage> stages)
    {
        CacheId = cacheId;
        _stages = [.. stages];
        AsMatrix = _stages.All(s => s is MatrixStage)
            ? _stages.Cast<MatrixStage>().Select(s => s.Matrix).Aggregate(ColourMatrix.Identity, ColourMatrix.Compose)
            : null;
    }

    public string CacheId { get; }

    public bool IsIdentity => false;

    public ColourMatrix? AsMatrix { get; }

    internal IReadOnlyList<Stage> Stages => _stages;

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (red.Length != green.Length || red.Length != blue.Length)
        {
            throw new ArgumentException("The red, green and blue runs must have equal lengths.", nameof(red));
        }

        foreach (var stage in _stages)
        {
            stage.Apply(red, green, blue);
        }
    }

    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Interleaved pixels have 3 (RGB) or 4 (RGBA) channels.");
        }

        if (pixels.Length % channels != 0)
        {
            throw new ArgumentException($"{pixels.Length} samples are not a whole number of {channels}-channel pixels.", nameof(pixels));
        }

        for (var i = 0; i < pixels.Length; i += channels)
        {
            ref var r = ref pixels[i];
            ref var g = ref pixels[i + 1];
            ref var b = ref pixels[i + 2];
            foreach (var stage in _stages)
            {
                stage.ApplyPixel(ref r, ref g, ref b);
            }
        }
    }

    /// <summary>The same transform with every stage on its scalar path (for tests).</summary>
    internal void ApplyScalar(Span<float> red, Span<float> green, Span<float> blue)
    {
        foreach (var stage in _stages)
        {
            if (stage is MatrixStage matrix)
            {
                matrix.ApplyScalar(red, green, blue);
            }
            else
            {
                stage.Apply(red, green, blue);
            }
        }
    }
}
