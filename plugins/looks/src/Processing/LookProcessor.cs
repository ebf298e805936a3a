using Rushes.Contracts.Colour;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>A compiled look: an immutable chain of stages, safe to apply from many threads at once.</summary>
internal sealed class LookProcessor : IPixelProcessor
{
    // Interleaved pixels are processed through planar scratch runs of this many pixels on the stack.
    private const int Chunk = 256;

    private readonly Stage[] _stages;

    public LookProcessor(string cacheId, IReadOnlyList<Stage> stages)
    {
        CacheId = cacheId;
        _stages = [.. stages];
        AsMatrix = _stages.All(s => s is MatrixStage)
            ? _stages.Cast<MatrixStage>().Select(s => s.Matrix).Aggregate(ColourMatrix.Identity, ColourMatrix.Compose)
            : null;
    }

    public string CacheId { get; }

    public bool IsIdentity => _stages.Length == 0;

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

        Span<float> scratch = stackalloc float[Chunk * 3];
        var count = pixels.Length / channels;
        for (var start = 0; start < count; start += Chunk)
        {
            var n = Math.Min(Chunk, count - start);
            var red = scratch[..n];
            var green = scratch.Slice(Chunk, n);
            var blue = scratch.Slice(Chunk * 2, n);
            var run = pixels.Slice(start * channels, n * channels);
            for (var i = 0; i < n; i++)
            {
                (red[i], green[i], blue[i]) = (run[i * channels], run[(i * channels) + 1], run[(i * channels) + 2]);
            }

            Apply(red, green, blue);
            for (var i = 0; i < n; i++)
            {
                (run[i * channels], run[(i * channels) + 1], run[(i * channels) + 2]) = (red[i], green[i], blue[i]);
            }
        }
    }
}
